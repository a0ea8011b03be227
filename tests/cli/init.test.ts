/** `depeche init`: a new site in an empty folder that builds and checks clean at once; never over a folder's files. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { depeche } from './fake-io.js';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-init-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const root = join(import.meta.dirname, '../..');

describe('depeche init', () => {
  it('writes a site that builds, and checks with no error and no warning', async () => {
    const result = await depeche(['init', 'ma-redaction'], { cwd: scratch });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('cd ma-redaction && npx depeche build');
    const site = join(scratch, 'ma-redaction');
    for (const file of [
      'content/site.yaml',
      'content/articles/bienvenue.md',
      'content/public/logo.png',
      'content/public/images/bienvenue.png',
      '.gitignore',
      'README.md',
      'package.json',
    ]) {
      expect(existsSync(join(site, file)), file).toBe(true);
    }
    const settings = parseYaml(readFileSync(join(site, 'content/site.yaml'), 'utf8')) as Record<string, unknown>;
    expect(settings).toMatchObject({ language: 'fr', publisher: { logo: { src: '/logo.png', width: 112 } } });
    // The example is dated by the clock, at its offset (fake-io: 2024-02-28T08:00:00Z, +01:00).
    expect(readFileSync(join(site, 'content/articles/bienvenue.md'), 'utf8')).toContain(
      'datePublished: 2024-02-28T09:00:00+01:00',
    );
    expect(await depeche(['build', '--quiet'], { cwd: site })).toMatchObject({ status: 0, stderr: '' });
    const checked = await depeche(['check'], { cwd: site });
    expect(checked.status).toBe(0);
    expect(checked.stdout).toMatch(/: 0 errors, 0 warnings\n$/);
  });

  it('names this depeche in the new package.json, linked so that npx finds it at once', async () => {
    await depeche(['init', 'site'], { cwd: scratch });
    const site = join(scratch, 'site');
    const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(manifest.devDependencies.depeche).toMatch(/^file:/);
    expect(manifest.scripts.build).toBe('depeche build');
    const bin = join(site, 'node_modules/.bin/depeche');
    if (existsSync(join(root, 'lib/cli.js'))) {
      const version = execFileSync(process.execPath, [bin, '--version'], { cwd: site, encoding: 'utf8' });
      expect(version.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    }
  });

  it('writes into the current folder when it is empty', async () => {
    const here = join(scratch, 'ici');
    mkdirSync(here);
    expect((await depeche(['init'], { cwd: here })).status).toBe(0);
    expect(existsSync(join(here, 'content/site.yaml'))).toBe(true);
  });

  it('refuses a folder that is not empty, and writes nothing', async () => {
    const taken = join(scratch, 'pris');
    mkdirSync(taken);
    writeFileSync(join(taken, 'notes.txt'), 'à garder');
    const result = await depeche(['init', 'pris'], { cwd: scratch });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'depeche: pris/ is not empty (1 entries); nothing was written (choose a new or empty folder)\n',
    );
    expect(readdirSync(taken)).toEqual(['notes.txt']);
  });
});
