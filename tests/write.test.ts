import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { confined, writeSite } from '../src/write.js';

let scratch: string;
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function newScratch(): string {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-write-'));
  return scratch;
}

describe('writeSite', () => {
  it('writes every file and replaces the previous site whole', async () => {
    const out = join(newScratch(), 'dist');
    await writeSite(out, [{ path: 'a/index.html', contents: 'one' }, { path: 'old.txt', contents: 'x' }]);
    await writeSite(out, [{ path: 'a/index.html', contents: 'two' }, { path: 'b.bin', contents: new Uint8Array([1, 2]) }]);
    expect(readFileSync(join(out, 'a/index.html'), 'utf8')).toBe('two');
    expect([...readFileSync(join(out, 'b.bin'))]).toEqual([1, 2]);
    expect(readdirSync(out).sort()).toEqual(['a', 'b.bin']);
    expect(readdirSync(scratch)).toEqual(['dist']);
  });

  it('leaves the previous site untouched when writing fails, and no temporary folder', async () => {
    const out = join(newScratch(), 'dist');
    await writeSite(out, [{ path: 'index.html', contents: 'old' }]);
    await expect(writeSite(out, [{ path: 'index.html', contents: 'new' }, { path: '../escape.txt', contents: 'x' }])).rejects.toThrow(/outside the output folder/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(scratch)).toEqual(['dist']);
  });

  it('puts back the previous site when a build was killed between its two renames', async () => {
    const parent = newScratch();
    mkdirSync(join(parent, '.depeche-old-dist-1-a'));
    writeFileSync(join(parent, '.depeche-old-dist-1-a/index.html'), 'old');
    mkdirSync(join(parent, '.depeche-new-dist-1-a'));
    await writeSite(join(parent, 'dist'), [{ path: 'index.html', contents: 'new' }]);
    expect(readFileSync(join(parent, 'dist/index.html'), 'utf8')).toBe('new');
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});

describe('confined', () => {
  it.each(['../x', 'a/../../x', '/etc/passwd', '', 'a\0b'])('refuses %j', (path) => {
    expect(() => confined('/srv/dist', path)).toThrow(/outside the output folder/);
  });
  it('accepts nested paths', () => {
    expect(confined('/srv/dist', 'articles/a/index.html')).toBe('/srv/dist/articles/a/index.html');
  });
});
