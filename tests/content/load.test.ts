/**
 * The loader reads nothing outside the content folder, even through a symbolic link, and never
 * blocks or crashes on what is not a regular file.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';

const fixtures = join(import.meta.dirname, '../fixtures');
const RECORD =
  '---\ntitle: Un titre\ndescription: Un chapeau.\ndatePublished: 2024-02-28T09:00:00+01:00\n---\nCorps.\n';
let scratch: string;
let content: string;
let outside: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-load-'));
  content = join(scratch, 'content');
  outside = join(scratch, 'outside');
  mkdirSync(join(content, 'articles'), { recursive: true });
  mkdirSync(join(content, 'public'), { recursive: true });
  mkdirSync(outside);
  cpSync(join(fixtures, 'valid/site.yaml'), join(content, 'site.yaml'));
  writeFileSync(join(content, 'articles/ok.md'), RECORD);
  writeFileSync(join(outside, 'secret.md'), RECORD.replace('Un titre', 'Un secret'));
  writeFileSync(join(outside, 'secret.txt'), 'mot de passe');
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('loadContent', () => {
  it('refuses an article that is a link to a file outside the content folder', async () => {
    symlinkSync(join(outside, 'secret.md'), join(content, 'articles/lien.md'));
    const loaded = await loadContent(content);
    expect(loaded.articles.map((article) => article.name)).toEqual(['ok.md']);
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/content\/articles\/lien\.md$/),
        field: '(file)',
        message: expect.stringMatching(
          /^expected a file inside the content folder, found a link to .*outside\/secret\.md$/,
        ),
      }),
    ]);
  });

  it('refuses a public file, or a public folder, that links outside the content folder', async () => {
    symlinkSync(join(outside, 'secret.txt'), join(content, 'public/secret.txt'));
    symlinkSync(outside, join(content, 'public/dossier'));
    writeFileSync(join(content, 'public/logo.png'), 'png');
    const loaded = await loadContent(content);
    expect(loaded.publicFiles.map((file) => file.path)).toEqual(['logo.png']);
    expect(loaded.publicFiles.some((file) => Buffer.from(file.bytes).toString().includes('mot de passe'))).toBe(false);
    expect(
      loaded.problems.map((problem) => [
        problem.file.replace(/.*content\//, 'content/'),
        problem.message.replace(/found a link to .*/, 'found a link'),
      ]),
    ).toEqual([
      ['content/public/dossier', 'expected a file inside the content folder, found a link'],
      ['content/public/secret.txt', 'expected a file inside the content folder, found a link'],
    ]);
  });

  it("skips an editor's lock, swap, backup and temporary files, and still refuses a hidden record", async () => {
    for (const name of ['.#ok.md', 'ok.md~', '.ok.md.swp', 'ok.md.tmp', '#ok.md#', '4913'])
      writeFileSync(join(content, 'articles', name), 'not a record');
    writeFileSync(join(content, 'articles/.brouillon.md'), RECORD);
    writeFileSync(join(content, 'public/logo.png'), 'png');
    for (const name of ['logo.png~', '.DS_Store', '.logo.png.swp']) writeFileSync(join(content, 'public', name), '');
    const loaded = await loadContent(content);
    expect(loaded.articles.map((article) => article.name)).toEqual(['ok.md']);
    expect(loaded.publicFiles.map((file) => file.path)).toEqual(['logo.png']);
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/content\/articles\/\.brouillon\.md$/),
        message: 'expected a record file name that does not start with ".", found ".brouillon.md"',
      }),
    ]);
  });

  it('follows a link that stays inside the content folder', async () => {
    mkdirSync(join(content, 'shared'));
    writeFileSync(join(content, 'shared/record.md'), RECORD);
    symlinkSync(join(content, 'shared/record.md'), join(content, 'articles/partage.md'));
    const loaded = await loadContent(content);
    expect(loaded.problems).toEqual([]);
    expect(loaded.articles.map((article) => article.name)).toEqual(['ok.md', 'partage.md']);
  });

  it('refuses a content folder reached through a link only for what leaves it', async () => {
    const linked = join(scratch, 'lien-vers-content');
    symlinkSync(content, linked);
    const loaded = await loadContent(linked);
    expect(loaded.problems).toEqual([]);
    expect(loaded.articles).toHaveLength(1);
  });

  it('reports a named pipe instead of waiting on it forever', async () => {
    const made = spawnSync('mkfifo', [join(content, 'articles/tube.md'), join(content, 'public/tube.txt')]);
    if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
    const loaded = await loadContent(content);
    expect(
      loaded.problems.map((problem) => [problem.file.replace(/.*content\//, 'content/'), problem.message]),
    ).toEqual([
      ['content/public/tube.txt', 'expected a regular file, found a device, socket or pipe'],
      ['content/articles/tube.md', 'expected a file, found a device, socket or pipe'],
    ]);
  });
});
