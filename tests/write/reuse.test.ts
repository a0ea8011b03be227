/** Rebuilds hard-link the files whose bytes did not change, and never trust a file changed since. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSite } from '../../src/write/output.js';

let scratch: string;
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const site = (page: string) => [
  { path: 'index.html', contents: page },
  { path: 'articles/a/index.html', contents: 'article a' },
  { path: 'feed.xml', contents: new Uint8Array([60, 114, 115, 115, 47, 62]) },
];

describe('writeSite reuses the previous build', () => {
  it('links every unchanged file and writes the changed ones', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'depeche-reuse-'));
    const out = join(scratch, 'dist');
    expect(await writeSite(out, site('one'))).toEqual({ files: 3, bytes: 3 + 9 + 6, linked: 0 });
    const inode = statSync(join(out, 'articles/a/index.html')).ino;
    expect(await writeSite(out, site('two'))).toEqual({ files: 3, bytes: 3 + 9 + 6, linked: 2 });
    expect(statSync(join(out, 'articles/a/index.html')).ino).toBe(inode);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('two');
    expect(statSync(join(out, 'feed.xml')).nlink).toBe(1);
  });

  it('writes again a file edited by hand in the output folder', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'depeche-reuse-'));
    const out = join(scratch, 'dist');
    await writeSite(out, site('one'));
    writeFileSync(join(out, 'articles/a/index.html'), 'edited!!!');
    expect((await writeSite(out, site('one'))).linked).toBe(2);
    expect(readFileSync(join(out, 'articles/a/index.html'), 'utf8')).toBe('article a');
  });

  it('never links a file of another content, even one with the same size and time', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'depeche-reuse-'));
    const out = join(scratch, 'dist');
    const time = new Date('2024-02-28T08:00:00Z');
    await writeSite(out, site('one'), { mtime: time });
    rmSync(out, { recursive: true });
    await writeSite(out, site('two'), { mtime: time });
    expect((await writeSite(out, site('six'), { mtime: time })).linked).toBe(2);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('six');
  });

  it('takes the files as an async stream', async () => {
    scratch = mkdtempSync(join(tmpdir(), 'depeche-reuse-'));
    const out = join(scratch, 'dist');
    async function* stream() {
      yield* site('streamed');
    }
    expect((await writeSite(out, stream())).files).toBe(3);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('streamed');
  });
});
