/**
 * The spare folder of incremental builds (src/write-spare.ts) in the states a review found hard:
 * two builds at once, what killed builds leave behind, a failed build with another
 * SOURCE_DATE_EPOCH, a folder of the previous site that became a file, an empty folder left in the
 * spare, and the feeds' whole articles in the cache as the newest change.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.js';
import { cacheFile } from '../../src/incremental/cache.js';
import { build, type BuildOptions } from '../../src/build.js';
import { STATE_FOLDER } from '../../src/write/spare.js';
import { treeOf } from '../helpers/tree.js';

let scratch: string;
let content: string;
let dist: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-spare-'));
  content = join(scratch, 'content');
  dist = join(scratch, 'dist');
  writeCorpus(content, { seed: 5, count: 12 });
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const incremental = (options: Partial<BuildOptions> = {}) =>
  build({ contentDir: content, outDir: dist, keepFiles: false, incremental: true, ...options });

/** The tree (files by SHA-256) a full build of the content writes, and its folders. */
async function fullBuild(options: Partial<BuildOptions> = {}): Promise<{ tree: unknown; folders: string[] }> {
  const out = join(scratch, `full-${Date.now()}-${Math.random()}`);
  await build({ contentDir: content, outDir: out, keepFiles: false, ...options });
  const result = { tree: treeOf(out), folders: foldersOf(out) };
  rmSync(out, { recursive: true });
  return result;
}

function foldersOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

async function expectFullBuild(options: Partial<BuildOptions> = {}): Promise<void> {
  const full = await fullBuild(options);
  expect(treeOf(dist)).toEqual(full.tree);
  expect(foldersOf(dist)).toEqual(full.folders);
}

describe('the spare of incremental builds', () => {
  it('lets one build at a time fill it: a second one at once is refused, the first is whole', async () => {
    await incremental();
    const outcomes = await Promise.allSettled([incremental(), incremental()]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(String((refused as PromiseRejectedResult).reason)).toMatch(/another build \(process \d+\) is writing/);
    await expectFullBuild();
    // The lock went with the build that held it.
    await incremental();
    await expectFullBuild();
  });

  it('takes over the lock of a build that died', async () => {
    mkdirSync(join(scratch, STATE_FOLDER), { recursive: true });
    writeFileSync(join(scratch, STATE_FOLDER, 'lock-dist'), '999999999');
    await incremental();
    await expectFullBuild();
  });

  it(
    'puts the previous site back from swap-dist before anything else, ' + 'even beside what a killed full build left',
    async () => {
      await incremental();
      const previous = treeOf(dist);
      // Killed after `dist → swap` …
      cpSync(dist, join(scratch, STATE_FOLDER, 'swap-dist'), { recursive: true });
      rmSync(dist, { recursive: true });
      // … beside a half-deleted old site of an earlier full build killed while it swept (process gone).
      mkdirSync(join(scratch, '.depeche-old-dist-000000000-999999999-abc', 'articles'), { recursive: true });
      writeFileSync(join(scratch, '.depeche-old-dist-000000000-999999999-abc', 'index.html'), 'junk');
      writeFileSync(join(content, 'articles', 'zz-casse.md'), '---\ntitle: Sans date\n---\n');
      await expect(incremental()).rejects.toThrow(/datePublished/);
      expect(treeOf(dist)).toEqual(previous);
      rmSync(join(content, 'articles', 'zz-casse.md'));
      await incremental();
      await expectFullBuild();
      expect(readdirSync(scratch).filter((name) => name.startsWith('.depeche-'))).toEqual([]);
    },
  );

  it('never changes the times of the served site, even when a build with another SOURCE_DATE_EPOCH fails', async () => {
    const first = new Date(1_700_000_000_000);
    await incremental({ mtime: first });
    writeFileSync(join(content, 'articles', 'zz-casse.md'), '---\ntitle: Sans date\n---\n');
    await expect(incremental({ mtime: new Date(1_800_000_000_000) })).rejects.toThrow(/datePublished/);
    for (const path of readdirSync(dist, { recursive: true, encoding: 'utf8' }))
      expect(statSync(join(dist, path)).mtimeMs).toBe(first.getTime());
    rmSync(join(content, 'articles', 'zz-casse.md'));
    await incremental({ mtime: new Date(1_800_000_000_000) });
    for (const path of readdirSync(dist, { recursive: true, encoding: 'utf8' }))
      expect(statSync(join(dist, path)).mtimeMs).toBe(1_800_000_000_000);
    await expectFullBuild({ mtime: new Date(1_800_000_000_000) });
  });

  it('follows a folder of the previous site that became a file, and back', async () => {
    mkdirSync(join(content, 'public', 'docs', 'report'), { recursive: true });
    writeFileSync(join(content, 'public', 'docs', 'report', 'a.txt'), 'a');
    await incremental();
    await incremental();
    rmSync(join(content, 'public', 'docs', 'report'), { recursive: true });
    writeFileSync(join(content, 'public', 'docs', 'report'), 'now a file');
    await incremental();
    await expectFullBuild();
    await incremental();
    await expectFullBuild();
    rmSync(join(content, 'public', 'docs', 'report'));
    mkdirSync(join(content, 'public', 'docs', 'report'));
    writeFileSync(join(content, 'public', 'docs', 'report', 'b.txt'), 'b');
    await incremental();
    await expectFullBuild();
  });

  it('removes a folder a killed build left empty in the spare', async () => {
    await incremental();
    await incremental();
    mkdirSync(join(scratch, STATE_FOLDER, 'spare-dist', 'articles', 'ghost'), { recursive: true });
    await incremental();
    await incremental();
    expect(existsSync(join(dist, 'articles', 'ghost'))).toBe(false);
    await expectFullBuild();
  });

  it('keeps whole in its cache only the feeds’ newest articles, as they change', async () => {
    const settings = join(content, 'site.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/limit: 50/, 'limit: 3'));
    const template = readFileSync(
      join(content, 'articles', readdirSync(join(content, 'articles')).sort()[0] ?? ''),
      'utf8',
    )
      .replace(/^slug: .*\n/m, '')
      .replace(/^id: .*\n/m, '')
      .replace(/^dateModified: .*\n/m, '');
    for (let day = 1; day <= 6; day++) {
      writeFileSync(
        join(content, 'articles', `zz-nouveau-${day}.md`),
        template.replace(/^datePublished: .*$/m, `datePublished: 2025-01-0${day}T09:00:00+01:00`),
      );
      await incremental();
      const lines = readFileSync(cacheFile(dist), 'utf8').trim().split('\n').slice(1);
      expect(lines.filter((line) => line.includes('"whole":true'))).toHaveLength(3);
      await expectFullBuild();
    }
  });
});
