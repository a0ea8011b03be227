/**
 * The watcher on the ways editors save, done here with the same file-system calls in the same
 * order (run under strace, they are microseconds apart: a debounce of 25 ms merges them): in place
 * (VS Code's default), vim's write backup (the file renamed to `x.md~`, written again, the backup
 * removed), a temporary file renamed over the record (VS Code's `files.saveAtomically`), and the
 * JetBrains safe write (`x.md___jb_tmp___` written, `x.md` renamed to `x.md___jb_old___`, the
 * temporary renamed to `x.md`, the old one removed). Each save must be reported once, and so must
 * the saves after a rename replaced the file (Node 20's recursive watcher on Linux loses them).
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Watcher, watchFolder } from '../../src/dev/watch.js';
import { until } from './helpers.js';

const DEBOUNCE_MS = 25;
let dir: string;
let watcher: Watcher | undefined;
let bursts: string[][];

const record = (): string => join(dir, 'articles', 'x.md');
const text = (): string => readFileSync(record(), 'utf8');

const saves: Record<string, () => void> = {
  'in place': () => writeFileSync(record(), `${text()}en place\n`),
  'vim, write backup': () => {
    renameSync(record(), `${record()}~`);
    writeFileSync(record(), `${readFileSync(`${record()}~`, 'utf8')}vim\n`);
    unlinkSync(`${record()}~`);
  },
  'temporary file renamed over it': () => {
    const temporary = join(dir, 'articles', '.x.md.tmp');
    writeFileSync(temporary, `${text()}atomique\n`);
    renameSync(temporary, record());
  },
  'JetBrains safe write': () => {
    const next = `${text()}jetbrains\n`;
    writeFileSync(`${record()}___jb_tmp___`, next);
    renameSync(record(), `${record()}___jb_old___`);
    renameSync(`${record()}___jb_tmp___`, record());
    unlinkSync(`${record()}___jb_old___`);
  },
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'depeche-watch-'));
  mkdirSync(join(dir, 'articles'));
  writeFileSync(record(), '---\ntitle: x\n---\ntexte\n');
  bursts = [];
  watcher = watchFolder(
    dir,
    DEBOUNCE_MS,
    (paths) => bursts.push(paths),
    (error) => {
      throw error;
    },
  );
});
afterEach(() => {
  watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 6));

describe('watchFolder', () => {
  it('reports each way of saving once, the record among the paths, also after a rename replaced the file', async () => {
    for (const name of [...Object.keys(saves), ...Object.keys(saves)]) {
      await settle();
      bursts = [];
      saves[name]?.();
      await until(`the save "${name}"`, () => bursts.length > 0);
      await settle();
      expect({ name, bursts }).toMatchObject({ name, bursts: [expect.arrayContaining(['articles/x.md'])] });
      // The temporary and backup names are no records: recordsChanged passes over them.
      for (const path of bursts[0] ?? []) expect(path === 'articles/x.md' || !path.endsWith('.md')).toBe(true);
    }
  });

  it("passes over an editor's lock and backup files, and reports a hidden record, as the build refuses it", async () => {
    await settle();
    bursts = [];
    writeFileSync(join(dir, 'articles', '.#x.md'), 'lock');
    writeFileSync(join(dir, 'articles', 'x.md~'), 'backup');
    await settle();
    expect(bursts).toEqual([]);
    writeFileSync(join(dir, 'articles', '.brouillon.md'), 'draft');
    await until('the hidden record', () => bursts.flat().includes(join('articles', '.brouillon.md')));
  });

  it('watches a folder made after it started, and what is put in it', async () => {
    mkdirSync(join(dir, 'public', 'images'), { recursive: true });
    await settle();
    bursts = [];
    writeFileSync(join(dir, 'public', 'images', 'logo.svg'), '<svg/>');
    await until('the new file', () => bursts.flat().includes(join('public', 'images', 'logo.svg')));
  });
});
