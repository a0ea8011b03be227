/**
 * Kill a build at random moments and look at dist/ each time. A large generated site is built in a
 * child process (tests/helpers/build-child.ts) and killed with SIGKILL after a delay drawn in one of
 * `KILLS` equal slices of a whole build's duration (every other kill: of its write phase), so the
 * kills fall from start-up to the swap.
 * After each kill dist/ must be the previous site or the new one, whole (file list and SHA-256 of
 * every file, against reference builds) — or, if the kill fell between the swap's two renames (one
 * system call wide, see src/write.ts), absent with the previous site whole beside it. Every
 * `SWEEP_EVERY` kills the next build runs to its end: it must restore a site left between the
 * renames, and leave no temporary folder of the killed builds.
 *
 * Random kills almost never fall in that one-call window, so two more builds are killed exactly at
 * their first and at their second rename, by strace (skipped where strace cannot trace).
 *
 * `DEPECHE_KILLS` and `DEPECHE_KILL_ARTICLES` raise the numbers for a longer run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { OutputFile } from '../../src/model.js';
import { writeSite } from '../../src/write/output.js';
import { writeKillContent } from '../helpers/kill-content.js';
import { temporaryFolders, treeOf } from '../helpers/tree.js';

const KILLS = Number(process.env.DEPECHE_KILLS ?? 20);
const ARTICLES = Number(process.env.DEPECHE_KILL_ARTICLES ?? 800);

const root = join(import.meta.dirname, '..', '..');
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const child = join(root, 'tests/helpers/build-child.ts');

interface Version {
  content: string;
  files: OutputFile[];
  tree: Record<string, string>;
}

let scratch: string;
let dist: string;
const versions: Version[] = [];
/** How long a whole build takes in a child process, start-up included. */
let duration = 0;
/** How long its write phase takes, from the `writing` line to the exit. */
let writeDuration = 0;

interface Running {
  exited: Promise<number | null>;
  /** Resolves when the build starts writing (it says so on stdout). */
  writing: Promise<void>;
  kill: () => void;
}

function runChild(content: string, out: string): Running {
  const process_ = spawn(process.execPath, ['--import', tsx, child, content, out], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const writing = new Promise<void>((resolve) =>
    process_.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('writing') && resolve()),
  );
  const exited = new Promise<number | null>((resolve, reject) => {
    process_.on('error', reject);
    process_.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) reject(new Error(`the build failed (${code}): ${stderr}`));
      else resolve(code);
    });
  });
  return { exited, writing, kill: () => process_.kill('SIGKILL') };
}

/** A version of the site: its content, its files in memory, and the tree a build of it writes. */
async function makeVersion(label: string, count: number): Promise<Version> {
  const content = join(scratch, `content-${label}`);
  writeKillContent(content, count, label);
  const { files } = await build({ contentDir: content, write: false });
  const reference = join(scratch, `reference-${label}`);
  await writeSite(reference, files);
  const tree = treeOf(reference) ?? {};
  rmSync(reference, { recursive: true });
  return { content, files, tree };
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-kill-'));
  dist = join(scratch, 'dist');
  versions.push(await makeVersion('A', ARTICLES), await makeVersion('B', ARTICLES));
  await writeSite(dist, versions[0]?.files ?? []);
  const started = performance.now();
  const measured = runChild(versions[1]?.content ?? '', join(scratch, 'measure'));
  let writingAt = started;
  void measured.writing.then(() => (writingAt = performance.now()));
  await measured.exited;
  duration = performance.now() - started;
  writeDuration = performance.now() - writingAt;
  rmSync(join(scratch, 'measure'), { recursive: true });
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Outcome = 'before writing' | 'while writing' | 'after the swap' | 'between the renames';

/** A build that runs to its end every so many kills: it must sweep away what the killed ones left. */
const SWEEP_EVERY = 5;

describe('a build killed at any moment', () => {
  it(`leaves dist/ whole, the previous site or the new one, ${KILLS} times`, async () => {
    const [a, b] = versions as [Version, Version];
    expect(Object.keys(a.tree).length).toBeGreaterThan(2 * ARTICLES);
    expect(isDeepStrictEqual(a.tree, b.tree)).toBe(false);
    const outcomes: Outcome[] = [];
    /** What dist/ holds (or, after a kill between the renames, what the next build puts back). */
    let current = a;
    let attempts = 0;
    while (outcomes.length < KILLS && attempts < KILLS * 3) {
      const slice = attempts % KILLS;
      attempts++;
      const from = current;
      const to = from === a ? b : a;
      const before = new Set(temporaryFolders(scratch));
      // Every other kill is timed from the start of the build, the others from the start of its
      // write phase (so the writer is reached however the machine's load stretches the start-up);
      // slices over a little more than the phase, so that some kills fall after the swap too.
      const fromWriting = attempts % 2 === 0;
      const delay = (1.05 * (fromWriting ? writeDuration : duration) * (slice + Math.random())) / KILLS;
      const running = runChild(to.content, dist);
      const startClock = fromWriting ? running.writing : Promise.resolve();
      const finished = await Promise.race([
        running.exited.then(() => true),
        startClock.then(() => new Promise<false>((resolve) => setTimeout(() => resolve(false), delay))),
      ]);
      if (finished) {
        // The build ended before its kill: nothing to learn about kills; it is the next sweep.
        expect(treeOf(dist)).toEqual(to.tree);
        expect(temporaryFolders(scratch)).toEqual([]);
        current = to;
        continue;
      }
      running.kill();
      await running.exited;

      const now = treeOf(dist);
      const leftovers = temporaryFolders(scratch);
      const made = leftovers.filter((name) => !before.has(name));
      let outcome: Outcome;
      if (now !== undefined && isDeepStrictEqual(now, from.tree)) {
        outcome = made.some((name) => name.startsWith('.depeche-new-')) ? 'while writing' : 'before writing';
      } else if (now !== undefined && isDeepStrictEqual(now, to.tree)) {
        outcome = 'after the swap';
        current = to;
      } else {
        // The only other state the writer allows: killed between its two renames.
        expect(now, 'dist/ is neither the previous site nor the new one').toBeUndefined();
        // This build set aside exactly one old site, the previous one, whole. An earlier build killed
        // after its swap, while it removed its own old site, may have left a part of one: the next
        // build puts back the newest by name (names start with their time), which must be this one.
        const olds = made.filter((name) => name.startsWith('.depeche-old-'));
        expect(olds).toHaveLength(1);
        expect(treeOf(join(scratch, olds[0] ?? ''))).toEqual(from.tree);
        expect(
          leftovers
            .filter((name) => name.startsWith('.depeche-old-'))
            .sort()
            .at(-1),
        ).toBe(olds[0]);
        outcome = 'between the renames';
      }
      outcomes.push(outcome);

      if (outcomes.length % SWEEP_EVERY === 0) {
        // The next build runs to its end: it puts things right and sweeps every temporary folder away.
        const next = current === a ? b : a;
        await writeSite(dist, next.files);
        expect(treeOf(dist)).toEqual(next.tree);
        expect(temporaryFolders(scratch)).toEqual([]);
        current = next;
      }
    }
    const counts = Object.fromEntries(
      ['before writing', 'while writing', 'after the swap', 'between the renames'].map((name) => [
        name,
        outcomes.filter((outcome) => outcome === name).length,
      ]),
    );
    console.log(
      `kill test: ${outcomes.length} kills survived (${ARTICLES} articles, a build takes ${Math.round(duration)} ms, ` +
        `its writing ${Math.round(writeDuration)} ms):`,
      counts,
    );
    expect(outcomes).toHaveLength(KILLS);
    // The kills must have reached the writer, or the test proved nothing about it.
    expect(counts['while writing']).toBeGreaterThan(0);
  }, 600_000);
});

/**
 * The window between the two renames is one system call wide: random kills almost never hit it. So
 * it is made to happen: strace kills the build on entering its first, then its second `rename`
 * (the call is not made), and dist/ is looked at in exactly that state. A build renames nothing else.
 */
describe('a build killed at its swap, by strace', () => {
  const strace = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', '-e', 'trace=rename', 'true']).status === 0;

  function buildKilledAtRename(content: string, out: string, rename: number): number | null {
    const inject = `inject=rename,renameat,renameat2:error=ENOENT:signal=KILL:when=${rename}`;
    // strace counts calls per thread: with one libuv thread, every rename of the build is on it.
    const run = spawnSync(
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
        out,
      ],
      {
        env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
      },
    );
    return run.status;
  }

  const small: Version[] = [];
  beforeAll(async () => {
    if (strace) small.push(await makeVersion('small-A', 20), await makeVersion('small-B', 20));
  });

  it.skipIf(!strace)('on its first rename: dist/ is the previous site, whole; the next build sweeps up', async () => {
    const [a, b] = small as [Version, Version];
    const parent = mkdtempSync(join(scratch, 'swap-'));
    const out = join(parent, 'dist');
    await writeSite(out, a.files);
    expect(buildKilledAtRename(b.content, out, 1)).not.toBe(0);
    expect(treeOf(out)).toEqual(a.tree);
    const [fresh, ...others] = temporaryFolders(parent);
    expect(others).toEqual([]);
    expect(fresh).toMatch(/^\.depeche-new-dist-/);
    // The killed build had written everything: only the swap was missing.
    expect(treeOf(join(parent, fresh ?? ''))).toEqual(b.tree);
    await writeSite(out, b.files);
    expect(treeOf(out)).toEqual(b.tree);
    expect(temporaryFolders(parent)).toEqual([]);
  });

  it.skipIf(!strace)(
    'between its two renames: no dist/, the previous site whole beside it; the next build puts it back',
    async () => {
      const [a, b] = small as [Version, Version];
      const parent = mkdtempSync(join(scratch, 'swap-'));
      const out = join(parent, 'dist');
      await writeSite(out, a.files);
      expect(buildKilledAtRename(b.content, out, 2)).not.toBe(0);
      expect(readdirSync(parent).includes('dist')).toBe(false);
      const leftovers = temporaryFolders(parent);
      expect(leftovers.map((name) => name.slice(0, '.depeche-xxx-'.length)).sort()).toEqual([
        '.depeche-new-',
        '.depeche-old-',
      ]);
      expect(treeOf(join(parent, leftovers.find((name) => name.startsWith('.depeche-old-')) ?? ''))).toEqual(a.tree);
      // The next build, even one that fails on a broken record, starts by putting the previous site back.
      const broken = join(parent, 'broken');
      cpSync(a.content, broken, { recursive: true });
      writeFileSync(join(broken, 'articles/article-0.md'), '---\ntitle: Sans date\ndescription: x\n---\n');
      await expect(build({ contentDir: broken, outDir: out })).rejects.toThrow(/datePublished/);
      expect(treeOf(out)).toEqual(a.tree);
      await writeSite(out, b.files);
      expect(treeOf(out)).toEqual(b.tree);
      expect(temporaryFolders(parent)).toEqual([]);
    },
  );
});
