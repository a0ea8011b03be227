/** `depeche dev`: the CLI starts the dev server, says where, and stops it when interrupted. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo, scratchWithSeed } from './fake-io.js';

let scratch: { dir: string; remove: () => void };
beforeEach(() => {
  scratch = scratchWithSeed();
});
afterEach(() => scratch.remove());

describe('depeche dev', () => {
  it('serves the site until interrupted', async () => {
    const { io, out, interrupt } = fakeIo({ cwd: scratch.dir });
    const running = main(['dev', '--port', '0', '--host', '127.0.0.1'], io, () => '0');
    await expect
      .poll(() => out.stdout, { timeout: 10_000 })
      .toMatch(/serving content\/ at (http:\/\/127\.0\.0\.1:\d+\/)/);
    const url = /at (http:\S+\/)/.exec(out.stdout)?.[1] ?? '';
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<!doctype html>');
    interrupt();
    expect(await running).toBe(0);
    expect(out.stdout).toMatch(/depeche dev: stopped\n$/);
  });

  it('serves the drafts with --drafts', async () => {
    const record = join(scratch.dir, 'content/articles/brouillon.md');
    writeFileSync(
      record,
      '---\ntitle: Un brouillon\ndescription: Pas encore.\n' +
        'datePublished: 2024-02-27T09:00:00+01:00\ndraft: true\n---\n',
    );
    const { io, out, interrupt } = fakeIo({ cwd: scratch.dir });
    const running = main(['dev', '--drafts', '--port', '0', '--host', '127.0.0.1'], io, () => '0');
    await expect.poll(() => out.stdout, { timeout: 10_000 }).toMatch(/serving content\/ at http:\S+\/ /);
    const url = /at (http:\S+\/)/.exec(out.stdout)?.[1] ?? '';
    const page = await fetch(new URL('articles/brouillon/', url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('depeche-dev-draft');
    interrupt();
    expect(await running).toBe(0);
    expect(out.stderr).toBe('');
  });

  it('says when the content folder does not exist (exit 1)', async () => {
    const { io, out } = fakeIo({ cwd: scratch.dir });
    expect(await main(['dev', '--port', '0', '--host', '127.0.0.1', '--content', 'nowhere'], io, () => '0')).toBe(1);
    expect(out.stderr).toBe('depeche dev: expected a content folder at nowhere/, found none\n');
  });
});
