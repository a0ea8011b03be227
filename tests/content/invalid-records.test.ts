/**
 * The catalogue of broken records: one folder per case under tests/fixtures/invalid/, each with
 * its articles (and its own site.yaml when the case is about the settings, its own public/ when it
 * is about a copied file) and `expected.txt`, the exact report, one problem a line, as
 * `content/…:LINE field: expected …, found …`, sorted by file and line.
 *
 * Collisions: an article is written to `articles/<slug>/index.html` and `index.jsonld`, and a slug is
 * lowercase letters, digits and single hyphens, so an article can only collide with another article
 * (duplicate-slug) or with a file of public/ (public-collision), never with `feed.xml`, `index.html`
 * or any other output of the site root.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { ContentError } from '../../src/errors.js';

const fixtures = join(import.meta.dirname, '../fixtures');
const cases = readdirSync(join(fixtures, 'invalid')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'depeche-invalid-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lays the case out as `<scratch>/<case>/content/{site.yaml,articles/,public/}`. */
function contentFor(name: string): string {
  const source = join(fixtures, 'invalid', name);
  const content = join(scratch, name, 'content');
  cpSync(join(source, 'articles'), join(content, 'articles'), { recursive: true });
  if (existsSync(join(source, 'public'))) cpSync(join(source, 'public'), join(content, 'public'), { recursive: true });
  const ownSettings = join(source, 'site.yaml');
  cpSync(existsSync(ownSettings) ? ownSettings : join(fixtures, 'valid/site.yaml'), join(content, 'site.yaml'));
  // The valid settings name the valid logo, which must exist.
  if (!existsSync(ownSettings)) cpSync(join(fixtures, 'valid/public/logo.png'), join(content, 'public/logo.png'));
  return content;
}

/** The report a build gives for the content, with the scratch folder taken out of its paths. */
async function reportFor(name: string, content: string): Promise<string> {
  const error = await build({ contentDir: content, write: false }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).message.split(`${join(scratch, name)}/`).join('');
}

describe('broken records are refused with every problem, exactly worded', () => {
  it('has a catalogue', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases) {
    it(name, async () => {
      const report = await reportFor(name, contentFor(name));
      const expected = readFileSync(join(fixtures, 'invalid', name, 'expected.txt'), 'utf8').trimEnd();
      expect(report).toBe(expected);
    });
  }
});

describe('cases made at run time', () => {
  it('a file name with a backslash (a Windows checkout could not hold it as a fixture)', async () => {
    const content = join(scratch, 'backslash', 'content');
    mkdirSync(join(content, 'articles'), { recursive: true });
    cpSync(join(fixtures, 'valid/site.yaml'), join(content, 'site.yaml'));
    writeFileSync(
      join(content, 'articles', 'actu\\article.md'),
      '---\ntitle: Un titre\ndescription: Un chapeau.\ndatePublished: 2024-02-28T09:00:00+01:00\n---\n',
    );
    expect(await reportFor('backslash', content)).toBe(
      'content/articles/actu\\article.md:1 slug: expected a file name of lowercase letters, digits and single ' +
        'hyphens, or a slug field, found "actu\\\\article"',
    );
  });
});

describe('the command line on the catalogue', () => {
  it('reports every problem of several broken files, exits with 1 and writes nothing', () => {
    const root = join(import.meta.dirname, '../..');
    const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
    const content = contentFor('several-broken-files');
    const result = spawnSync(process.execPath, ['--import', tsx, join(root, 'src/cli.ts'), 'build'], {
      cwd: join(scratch, 'several-broken-files'),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const expected = readFileSync(join(fixtures, 'invalid/several-broken-files/expected.txt'), 'utf8');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(expected)).toBe(true);
    expect(existsSync(join(content, '..', 'dist'))).toBe(false);
    expect(readdirSync(join(content, '..')).sort()).toEqual(['content']);
  });
});
