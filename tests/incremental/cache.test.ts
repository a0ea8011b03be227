/**
 * The build cache (src/build-cache.ts): an incremental build must write exactly what a full build
 * of the same content writes, whatever happened since the last one: an edit, a new or deleted
 * record, a draft, new settings, a file of dist/ edited by hand, dist/ deleted or replaced, another
 * SOURCE_DATE_EPOCH, the newest article reused (the feeds carry its HTML). After each step, the
 * incremental dist/ is compared file by file (SHA-256) with a fresh build's, and the count of
 * reused articles with what the step allows.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.js';
import { cacheFile, SETTLED_MS } from '../../src/incremental/cache.js';
import { build, type BuildOptions } from '../../src/build.js';
import { treeOf } from '../helpers/tree.js';

const RECORDS = 24;
let scratch: string;
let content: string;
let dist: string;
let step = 0;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-cache-'));
  content = join(scratch, 'content');
  dist = join(scratch, 'dist');
  writeCorpus(content, { seed: 3, count: RECORDS });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An incremental build of `content` into dist/, then a full one elsewhere: same files, byte for byte. */
async function incrementalMatchesFull(options: Partial<BuildOptions> = {}): Promise<number> {
  return (await incrementalBuild(options)).reused;
}

/** The same, with what the build reports of its reuse. */
async function incrementalBuild(
  options: Partial<BuildOptions> = {},
  from = content,
  into = dist,
): Promise<{ reused: number; unread: number }> {
  const result = await build({ contentDir: from, outDir: into, keepFiles: false, incremental: true, ...options });
  const reference = join(scratch, `reference-${step++}`);
  await build({ contentDir: from, outDir: reference, keepFiles: false, ...options });
  expect(treeOf(into)).toEqual(treeOf(reference));
  if (options.mtime !== undefined) {
    for (const path of readdirSync(dist, { recursive: true, encoding: 'utf8' }))
      expect(statSync(join(dist, path)).mtimeMs).toBe(options.mtime.getTime());
  }
  rmSync(reference, { recursive: true });
  return { reused: result.reused, unread: result.unread };
}

const records = (): string[] => readdirSync(join(content, 'articles')).sort();
const record = (name: string): string => join(content, 'articles', name);

describe('an incremental build', () => {
  it('renders everything the first time, then nothing when nothing changed', async () => {
    expect(await incrementalMatchesFull()).toBe(0);
    expect(statSync(cacheFile(dist)).isFile()).toBe(true);
    expect(await incrementalMatchesFull()).toBe(RECORDS);
  });

  it('renders only the record edited', async () => {
    appendFileSync(record(records()[3] ?? ''), '\nUne phrase ajoutée pour le test.\n');
    expect(await incrementalMatchesFull()).toBe(RECORDS - 1);
  });

  it('gives the feeds the whole HTML of the newest articles, reused or not', async () => {
    expect(await incrementalMatchesFull()).toBe(RECORDS);
    const feed = readFileSync(join(dist, 'feed.xml'), 'utf8');
    expect(feed).toContain('<content:encoded>');
  });

  it('handles a record added, one deleted, one turned into a draft', async () => {
    cpSync(record(records()[0] ?? ''), record('zz-nouveau.md'));
    writeFileSync(
      record('zz-nouveau.md'),
      readFileSync(record('zz-nouveau.md'), 'utf8')
        .replace(/^slug: .*\n/m, '')
        .replace(/^id: .*\n/m, ''),
    );
    rmSync(record(records()[1] ?? ''));
    const draft = record(records()[2] ?? '');
    writeFileSync(draft, readFileSync(draft, 'utf8').replace(/^---\n/, '---\ndraft: true\n'));
    expect(await incrementalMatchesFull()).toBe(RECORDS - 2);
  });

  it('renders only the edited record again when it moves the site’s last update to another year', async () => {
    const moved = record(records()[5] ?? '');
    const before = readFileSync(moved, 'utf8');
    writeFileSync(
      moved,
      before
        .replace(/^datePublished: .*$/m, 'datePublished: 2031-06-01T09:00:00+02:00')
        .replace(/^dateModified: .*\n/m, ''),
    );
    // A page shows its own year: the other records' pages are not the edit's business. (A now past 2031, or the
    // record would be scheduled.)
    const now = new Date('2032-01-01T00:00:00Z');
    expect(await incrementalMatchesFull({ now })).toBe(RECORDS - 2);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toMatch(/© 2031 /);
    writeFileSync(moved, before);
    expect(await incrementalMatchesFull({ now })).toBe(RECORDS - 2);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toMatch(/2031/);
    expect(await incrementalMatchesFull()).toBe(RECORDS - 1);
  });

  it('renders every record again when the settings change', async () => {
    const settings = join(content, 'site.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (édition du soir)'));
    expect(await incrementalMatchesFull()).toBe(0);
    expect(await incrementalMatchesFull({ baseUrl: 'https://preprod.example/' })).toBe(0);
    expect(await incrementalMatchesFull()).toBe(0);
  });

  it('writes again a file of dist/ edited by hand, even with the same size', async () => {
    const page = join(dist, 'articles', readdirSync(join(dist, 'articles')).sort()[4] ?? '', 'index.html');
    const text = readFileSync(page, 'utf8');
    writeFileSync(page, text.replace('<title>', '<TITLE>'));
    // One record deleted, one new, one a draft: RECORDS - 1 articles, one of them with its page edited.
    expect(await incrementalMatchesFull()).toBe(RECORDS - 2);
  });

  it('reuses nothing after dist/ was deleted, or replaced by a build without the cache', async () => {
    rmSync(dist, { recursive: true });
    expect(await incrementalMatchesFull()).toBe(0);
    await build({ contentDir: content, outDir: dist, keepFiles: false });
    expect(() => statSync(cacheFile(dist))).toThrow();
    expect(await incrementalMatchesFull()).toBe(0);
  });

  it('gives every file the time of SOURCE_DATE_EPOCH, reused or not, and follows its changes', async () => {
    expect(await incrementalMatchesFull({ mtime: new Date(1_700_000_000_000) })).toBe(0);
    expect(await incrementalMatchesFull({ mtime: new Date(1_700_000_000_000) })).toBe(RECORDS - 1);
    expect(await incrementalMatchesFull({ mtime: new Date(1_800_000_000_000) })).toBe(0);
  });

  it('leaves dist/ and its cache as they were when the build fails', async () => {
    const before = treeOf(dist);
    const cache = readFileSync(cacheFile(dist));
    writeFileSync(record('zz-casse.md'), '---\ntitle: Sans date\n---\n');
    await expect(build({ contentDir: content, outDir: dist, keepFiles: false, incremental: true })).rejects.toThrow(
      /datePublished/,
    );
    expect(treeOf(dist)).toEqual(before);
    expect(readFileSync(cacheFile(dist))).toEqual(cache);
    rmSync(record('zz-casse.md'));
    // The failed build was made without SOURCE_DATE_EPOCH, the site in dist/ with it: nothing reused, once.
    expect(await incrementalMatchesFull()).toBe(0);
    expect(await incrementalMatchesFull()).toBe(RECORDS - 1);
  });
});

/**
 * A record whose file was not written since the build that made the cache read it is not read at
 * all: its `lstat` (device, inode, size, modification and change time) is compared with the one
 * kept, and trusted only when that file was already `SETTLED_MS` older than that build (a file
 * written in the same clock tick as it was read would show the same times). So these records are
 * first left to settle.
 */
describe('an incremental build of settled records', () => {
  const SETTLED = 12;
  let settled: string;
  let out: string;
  const file = (index: number): string =>
    join(settled, 'articles', readdirSync(join(settled, 'articles')).sort()[index] ?? '');
  const settle = (): Promise<void> => sleep(SETTLED_MS + 200);
  /** Changes a record without changing its size or its modification time: only its change time (or inode) tells. */
  const sameSizeAndTime = (path: string): string => {
    const text = readFileSync(path, 'utf8');
    const edited = text.replace(' le ', ' la ');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    expect(edited).not.toBe(text);
    return edited;
  };
  /** Gives `path` the modification time `mtimeNs`, to the nanosecond (`utimes` would round it). */
  const keepTime = (path: string, mtimeNs: bigint): void => {
    execFileSync('touch', [
      '-m',
      '-d',
      `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, '0')}`,
      path,
    ]);
    expect(statSync(path, { bigint: true }).mtimeNs).toBe(mtimeNs);
  };

  beforeAll(async () => {
    settled = join(scratch, 'settled-content');
    out = join(scratch, 'settled-dist');
    writeCorpus(settled, { seed: 5, count: SETTLED });
    await settle();
  });

  it('reads none of them, and writes what a full build writes', async () => {
    expect(await incrementalBuild({}, settled, out)).toEqual({ reused: 0, unread: 0 });
    const lines = (): string[] => readFileSync(cacheFile(out), 'utf8').split('\n').slice(1);
    const before = lines();
    expect(await incrementalBuild({}, settled, out)).toEqual({ reused: SETTLED, unread: SETTLED });
    // Unread records keep their lines: saved again as they were read.
    expect(lines()).toEqual(before);
  });

  it('reads again a record written over with the same size and modification time', async () => {
    const path = file(2);
    const before = statSync(path, { bigint: true });
    writeFileSync(path, sameSizeAndTime(path));
    keepTime(path, before.mtimeNs);
    expect(statSync(path, { bigint: true }).ino).toBe(before.ino);
    expect(await incrementalBuild({}, settled, out)).toEqual({ reused: SETTLED - 1, unread: SETTLED - 1 });
  });

  it(
    'reads again a record replaced by another file of the same size and ' +
      'time (a safe save), and one written just before the last build',
    async () => {
      const path = file(7);
      const before = statSync(path, { bigint: true });
      writeFileSync(`${path}.tmp`, sameSizeAndTime(path));
      keepTime(`${path}.tmp`, before.mtimeNs);
      renameSync(`${path}.tmp`, path);
      // Record 2, written less than SETTLED_MS before the last build, is read again: its text is the same.
      expect(await incrementalBuild({}, settled, out)).toEqual({ reused: SETTLED - 1, unread: SETTLED - 2 });
    },
  );

  it('trusts a record written just before a build once a later build has read it settled', async () => {
    await settle();
    // Records 2 and 7 were written less than SETTLED_MS before the last build: read again here, unchanged.
    expect(await incrementalBuild({}, settled, out)).toEqual({ reused: SETTLED, unread: SETTLED - 2 });
    expect(await incrementalBuild({}, settled, out)).toEqual({ reused: SETTLED, unread: SETTLED });
  });

  it('renders a record again when its page in dist/ was edited, though the record was not read', async () => {
    const page = join(out, 'articles', readdirSync(join(out, 'articles')).sort()[5] ?? '', 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('<title>', '<TITLE>'));
    expect(await incrementalBuild({}, settled, out)).toEqual({ reused: SETTLED - 1, unread: SETTLED - 1 });
  });
});
