/**
 * Incremental builds (the build cache and the spare folder of src/write-spare.ts) killed at random
 * moments and at each rename of their swap: dist/ must always be the previous site or the new one,
 * whole (SHA-256 of every file), or, killed between the first two renames, missing with the
 * previous site whole in `.depeche/swap-dist`, which the next build puts back. After every kill the
 * next incremental build must give exactly what a full build gives: a half-filled spare, a stale
 * cache or a leftover swap folder must never reach the site.
 *
 * The two versions differ in a third of their records, so that builds reuse the others.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { STATE_FOLDER } from '../../src/write/spare.js';
import { writeKillContent } from '../helpers/kill-content.js';
import { treeOf } from '../helpers/tree.js';

const KILLS = Number(process.env.DEPECHE_KILLS ?? 12);
const ARTICLES = 400;

const root = join(import.meta.dirname, '..', '..');
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const child = join(root, 'tests/helpers/build-child.ts');

interface Version {
  content: string;
  tree: Record<string, string>;
}

let scratch: string;
let dist: string;
const versions: Version[] = [];
let duration = 0;

/** The tree a full build (no cache, no spare) of `content` writes. */
async function referenceTree(content: string, label: string): Promise<Record<string, string>> {
  const out = join(scratch, `reference-${label}`);
  await build({ contentDir: content, outDir: out, keepFiles: false });
  const tree = treeOf(out) ?? {};
  rmSync(out, { recursive: true });
  return tree;
}

function runChild(content: string, out: string): { exited: Promise<number | null>; kill: () => void } {
  const process_ = spawn(process.execPath, ['--import', tsx, child, content, out, 'incremental'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    process_.on('error', reject);
    process_.on('exit', (code, signal) =>
      code !== 0 && signal === null ? reject(new Error(`the build failed (${code}): ${stderr}`)) : resolve(code),
    );
  });
  return { exited, kill: () => process_.kill('SIGKILL') };
}

const incremental = (content: string): Promise<unknown> =>
  build({ contentDir: content, outDir: dist, keepFiles: false, incremental: true });

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-spare-kill-'));
  dist = join(scratch, 'dist');
  for (const label of ['A', 'B']) {
    const content = join(scratch, `content-${label}`);
    writeKillContent(content, ARTICLES, label, 3);
    versions.push({ content, tree: await referenceTree(content, label) });
  }
  const [a, b] = versions as [Version, Version];
  await incremental(a.content);
  const started = performance.now();
  await runChild(b.content, dist).exited;
  duration = performance.now() - started;
  await incremental(a.content);
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('an incremental build killed at any moment', () => {
  it(`leaves dist/ whole, the previous site or the new one, and the next build exact, ${KILLS} times`, async () => {
    const [a, b] = versions as [Version, Version];
    expect(isDeepStrictEqual(a.tree, b.tree)).toBe(false);
    let current = a;
    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const to = current === a ? b : a;
      const running = runChild(to.content, dist);
      const delay = (1.1 * duration * (kill + Math.random())) / KILLS;
      const finished = await Promise.race([
        running.exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), delay)),
      ]);
      if (!finished) {
        running.kill();
        await running.exited;
      }
      const now = treeOf(dist);
      if (now !== undefined && isDeepStrictEqual(now, current.tree)) outcomes.push('previous site');
      else if (now !== undefined && isDeepStrictEqual(now, to.tree)) outcomes.push('new site');
      else {
        expect(now, 'dist/ is neither the previous site nor the new one').toBeUndefined();
        expect(treeOf(join(scratch, STATE_FOLDER, 'swap-dist'))).toEqual(current.tree);
        outcomes.push('between the renames');
      }
      // The next build, of either version, must be exact whatever the kill left.
      const next = kill % 2 === 0 ? a : b;
      await incremental(next.content);
      expect(treeOf(dist)).toEqual(next.tree);
      current = next;
    }
    console.log(
      `spare kill test: ${KILLS} kills (${ARTICLES} articles, a build takes ${Math.round(duration)} ms):`,
      outcomes.join(', '),
    );
  }, 600_000);
});

/** strace kills the build on entering its n-th rename: the swap's three, then the cache's. */
describe('an incremental build killed at each rename of its swap, by strace', () => {
  const strace = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', '-e', 'trace=rename', 'true']).status === 0;

  function killedAtRename(content: string, rename: number): number | null {
    const inject = `inject=rename,renameat,renameat2:error=ENOENT:signal=KILL:when=${rename}`;
    return spawnSync(
      'strace',
      [
        '-f',
        '-qq',
        '-o',
        '/dev/null',
        '-e',
        'trace=rename,renameat,renameat2',
        '-e',
        inject,
        process.execPath,
        '--import',
        tsx,
        child,
        content,
        dist,
        'incremental',
      ],
      {
        env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
      },
    ).status;
  }

  it.skipIf(!strace).each([1, 2, 3, 4])(
    'at rename %i: dist/ is a whole site, and the next build is exact',
    async (rename) => {
      const [a, b] = versions as [Version, Version];
      await incremental(a.content);
      expect(killedAtRename(b.content, rename)).not.toBe(0);
      const now = treeOf(dist);
      if (rename === 2) {
        // Between `out → swap` and `spare → out`: no dist/, the previous site whole in swap.
        expect(now).toBeUndefined();
        expect(treeOf(join(scratch, STATE_FOLDER, 'swap-dist'))).toEqual(a.tree);
      } else {
        expect(now).toEqual(rename === 1 ? a.tree : b.tree);
      }
      await incremental(b.content);
      expect(treeOf(dist)).toEqual(b.tree);
      await incremental(a.content);
      expect(treeOf(dist)).toEqual(a.tree);
    },
  );
});
