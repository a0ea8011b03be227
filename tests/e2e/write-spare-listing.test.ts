/**
 * The spare listed in a worker thread (src/write-spare-listing.ts), as users run it: the worker
 * starts from the compiled `lib/` only (`npm run compile` before these tests). The listing runs
 * while the spare is filled: it must still hold every entry that was neither added nor removed,
 * and the commit must remove exactly what the new site does not have, whatever the build placed,
 * replaced or removed while the worker listed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.js';
import type { build as buildInThread } from '../../src/build.js';
import type { OutputFile } from '../../src/model.js';
import type { openOutput as openOutputType } from '../../src/write/output.js';
import type { placeFiles as placeFilesType } from '../../src/write/place.js';
import type { startListing as startListingType } from '../../src/write/spare-listing.js';
import { treeOf } from '../helpers/tree.js';

const root = join(import.meta.dirname, '../..');
let build: typeof buildInThread;
let openOutput: typeof openOutputType;
let placeFiles: typeof placeFilesType;
let startListing: typeof startListingType;
let scratch: string;

beforeAll(async () => {
  if (!existsSync(join(root, 'lib/write/spare-listing-worker.js')))
    throw new Error('lib/ is missing: run `npm run build` (or `npm run compile`) first');
  ({ build } = (await import(join(root, 'lib/build.js'))) as { build: typeof buildInThread });
  ({ openOutput } = (await import(join(root, 'lib/write/output.js'))) as { openOutput: typeof openOutputType });
  ({ placeFiles } = (await import(join(root, 'lib/write/place.js'))) as { placeFiles: typeof placeFilesType });
  ({ startListing } = (await import(join(root, 'lib/write/spare-listing.js'))) as {
    startListing: typeof startListingType;
  });
});
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-spare-listing-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Every folder under `dir`, `/`-separated and sorted. */
function foldersOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** The old site in a spare: `count` article folders, each with its page and an image. */
function writeSpare(spare: string, count: number): void {
  for (let at = 0; at < count; at++) {
    const folder = join(spare, 'articles', `a-${at}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), `old ${at}`);
    writeFileSync(join(folder, 'image.png'), `old image ${at}`);
  }
  writeFileSync(join(spare, 'index.html'), 'old home');
}

/**
 * The new site: the old one's odd articles (their images gone), new ones, a folder of the old
 * site become a file and a file become a folder. Sorted, so that the new paths come last.
 */
function newSite(count: number): OutputFile[] {
  const files: OutputFile[] = [{ path: 'index.html', contents: 'new home' }];
  for (let at = 1; at < count; at += 2) files.push({ path: `articles/a-${at}/index.html`, contents: `new ${at}` });
  files.push({ path: 'articles/a-0', contents: 'a folder become a file' });
  files.push({ path: 'articles/a-2/index.html/page.html', contents: 'a file become a folder' });
  for (let at = 0; at < count; at++) files.push({ path: `articles/b-${at}/index.html`, contents: `added ${at}` });
  return files;
}

function expectedTree(files: readonly OutputFile[]): { paths: string[]; folders: string[] } {
  const folders = new Set<string>();
  for (const { path } of files)
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) folders.add(path.slice(0, at));
  return { paths: files.map((file) => file.path).sort(), folders: [...folders].sort() };
}

describe('the spare listed in a worker (lib/)', () => {
  it('lists in a worker, and an incremental build removes what the spare held that the new site has not', async () => {
    const content = join(scratch, 'content');
    const dist = join(scratch, 'dist');
    writeCorpus(content, { seed: 3, count: 20 });
    const incremental = () => build({ contentDir: content, outDir: dist, keepFiles: false, incremental: true });
    await incremental();
    await incremental();
    const spare = join(scratch, '.depeche', 'spare-dist');
    const listing = startListing(spare);
    expect(listing.inWorker).toBe(true);
    expect((await listing.entries()).files).toContain('index.html');
    // Left by a killed build, or by an earlier site: a file, a folder with a file, an empty folder.
    writeFileSync(join(spare, 'stale.txt'), 'stale');
    mkdirSync(join(spare, 'articles', 'stale', 'deeper'), { recursive: true });
    writeFileSync(join(spare, 'articles', 'stale', 'index.html'), 'stale');
    const removed = readdirSync(join(content, 'articles')).sort()[0] ?? '';
    rmSync(join(content, 'articles', removed));
    await incremental();
    const full = join(scratch, 'full');
    await build({ contentDir: content, outDir: full, keepFiles: false });
    expect(treeOf(dist)).toEqual(treeOf(full));
    expect(foldersOf(dist)).toEqual(foldersOf(full));
  });

  it('lists every entry the filling neither adds nor removes, exactly once', async () => {
    const spare = join(scratch, 'spare');
    const count = 1500;
    writeSpare(spare, count);
    const before = new Set([...readdirSync(spare, { recursive: true, encoding: 'utf8' })]);
    const listing = startListing(spare);
    let answered = false;
    const entries = listing.entries().finally(() => {
      answered = true;
    });
    // Filled a little at a time, so that the worker lists while folders come and go.
    const touched = new Set<string>();
    const added = new Set<string>();
    let chunks = 0;
    for (let at = 0; at < count && !answered; at += 50, chunks++) {
      for (let next = at; next < Math.min(count, at + 50); next++) {
        mkdirSync(join(spare, 'articles', `b-${next}`));
        writeFileSync(join(spare, 'articles', `b-${next}`, 'index.html'), 'added');
        added.add(`articles/b-${next}`).add(`articles/b-${next}/index.html`);
        if (next % 10 === 0) {
          // A folder of the old site becomes a file (all it held goes with it).
          rmSync(join(spare, 'articles', `a-${next}`), { recursive: true });
          writeFileSync(join(spare, 'articles', `a-${next}`), 'now a file');
          for (const path of [`articles/a-${next}`, `articles/a-${next}/index.html`, `articles/a-${next}/image.png`])
            touched.add(path);
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const listed = await entries;
    expect(chunks).toBeGreaterThan(0);
    const paths = [...listed.files, ...listed.folders];
    expect(new Set(paths).size).toBe(paths.length);
    const listedPaths = new Set(paths);
    for (const path of before) if (!touched.has(path)) expect(listedPaths.has(path), path).toBe(true);
    for (const path of paths) expect(before.has(path) || added.has(path)).toBe(true);
  });

  it('keeps what is placed while it lists and removes the rest', async () => {
    const dist = join(scratch, 'dist');
    const count = 1500;
    mkdirSync(dist);
    writeSpare(join(scratch, '.depeche', 'spare-dist'), count);
    const output = await openOutput(dist, { spare: true });
    try {
      expect(output.folder.spare).toBe(true);
      const files = newSite(count);
      const placed = placeFiles(output.folder, files, new Set());
      await output.commit(placed, new Set(files.map((file) => file.path)));
      const expected = expectedTree(files);
      expect(Object.keys(treeOf(dist) ?? {})).toEqual(expected.paths);
      expect(foldersOf(dist)).toEqual(expected.folders);
    } finally {
      await output.release();
    }
  });
});
