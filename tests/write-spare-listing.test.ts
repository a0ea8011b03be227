/**
 * The listing of a spare (src/write-spare-listing.ts): it must equal Node's own recursive
 * listing, which src/write-spare.ts used before.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listEntries } from '../src/write-spare-listing.js';

let scratch: string;
let spare: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-listing-'));
  spare = join(scratch, 'spare');
  for (let day = 0; day < 30; day++) {
    const folder = join(spare, 'articles', `2024-01-${String(day + 1).padStart(2, '0')}-jour`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), `<p>${day}</p>`);
  }
  mkdirSync(join(spare, 'empty', 'deeper'), { recursive: true });
  writeFileSync(join(spare, 'index.html'), 'home');
  writeFileSync(join(spare, 'élan à l’été.txt'), 'accents');
  symlinkSync('index.html', join(spare, 'link.html'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Node's recursive listing, as write-spare.ts made it before. */
function nodeListing(dir: string): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1).split(sep).join('/');
    (entry.isDirectory() ? folders : files).push(path);
  }
  return { files: files.sort(), folders: folders.sort() };
}

const sorted = (entries: { files: string[]; folders: string[] }) => ({ files: [...entries.files].sort(), folders: [...entries.folders].sort() });

describe('the listing of a spare', () => {
  it('lists every file, link and folder once, as Node’s recursive listing does', () => {
    const listed = listEntries(spare);
    expect(sorted(listed)).toEqual(nodeListing(spare));
    expect(listed.files).toHaveLength(33);
    expect(listed.folders).toEqual(expect.arrayContaining(['articles', 'empty', 'empty/deeper']));
    expect(new Set(listed.files).size).toBe(listed.files.length);
  });
});
