/**
 * `npm run bench`: builds generated corpora with the compiled CLI, as users run it, and prints the
 * results beside the floor, as markdown tables. A script, never a test: nothing here asserts a time.
 *
 *   npm run bench [-- --sizes 1000,10000] [--large] [--authors N] [--runs K] [--seed S] [--no-settle] [--keep]
 *
 * --sizes      corpus sizes (default 1000,10000); --large adds 100000
 * --runs       runs of each row (default: 3 below 10,000 articles, 2 up to 99,999, then 1), so that
 *              the default sizes take about 10 minutes on 2 cores
 * --seed       corpus seed (default 1)
 * --authors    authors the corpora declare, each with a page and feeds (default 12; the newsroom: 300)
 * --no-settle  skip the minute of quiet before each size's first cold build (see measure.ts)
 * --keep       keep the built sites under .bench/work/
 * --skip-compile  measure lib/ as it is, without `npm run compile` first
 * --pictures  adds the rows of tests/bench/pictures.ts at the smallest size: a JPEG an article
 *
 * When `hugo` is on the PATH, Hugo builds the same records in the same runs (hugo.ts), and the
 * report gives each cold build's ratio to Hugo's. Corpora are cached in .bench/corpus/; each report
 * is also saved in .bench/results/. The feed serialisation is timed once, on the newest 50 articles
 * of the N=1,000 corpus.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchSize } from './builds.js';
import { runNode } from './child.js';
import { ensureCorpus } from './corpus.js';
import type { FeedRow } from './feeds.js';
import { findHugo } from './hugo.js';
import { describeMachine } from './machine.js';
import { removeTree, type Row } from './measure.js';
import { benchPictures } from './pictures.js';
import { feedsTable, resultsTable, summary } from './report.js';

const root = resolve(import.meta.dirname, '../..');
const benchDir = join(root, '.bench');
const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      large: { type: 'boolean', default: false },
      runs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      authors: { type: 'string', default: '12' },
      'no-settle': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'skip-compile': { type: 'boolean', default: false },
      pictures: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((size) => Number(size.replace(/[_\s]/g, '')));
  if (values.large && !sizes.includes(100_000)) sizes.push(100_000);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error(`--sizes expects whole numbers, found ${values.sizes}`);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1))
    throw new Error(`--runs expects a whole number, found ${values.runs}`);
  return {
    sizes,
    runs,
    seed: Number(values.seed),
    authors: Number(values.authors),
    settle: !values['no-settle'],
    keep: values.keep,
    compile: !values['skip-compile'],
    pictures: values.pictures,
  };
}

function compile(): void {
  log('npm run compile');
  try {
    execFileSync('npm', ['run', '--silent', 'compile'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    process.stderr.write(`${stdout}${stderr}`);
    throw new Error(
      '`npm run compile` failed: the bench measures the compiled lib/ (pass --skip-compile to measure lib/ as it is)',
    );
  }
}

/** Feeds carry the newest 50 articles whatever N is: they are timed on the model of N=1,000. */
async function feeds(seed: number): Promise<{ items: number; rows: FeedRow[] }> {
  const corpus = ensureCorpus(join(benchDir, 'corpus'), { seed, count: 1000 });
  log(`feeds: our renderers against the feed package, on the newest items of N=${corpus.count}`);
  const usage = await runNode(join(root, 'tests/bench/feeds.ts'), [corpus.dir, '50'], {
    cwd: root,
    nodeFlags: ['--import', 'tsx'],
  });
  return JSON.parse(usage.stdout) as { items: number; rows: FeedRow[] };
}

async function main(): Promise<void> {
  const settings = options();
  const started = performance.now();
  const hugo = findHugo();
  const machine = describeMachine(root, benchDir, hugo);
  if (settings.compile) compile();
  const rows: Row[] = [];
  for (const size of settings.sizes) {
    const generated = performance.now();
    const corpus = ensureCorpus(join(benchDir, 'corpus'), {
      seed: settings.seed,
      count: size,
      authors: settings.authors,
    });
    log(
      `N=${size}: corpus ${corpus.reused ? 'reused' : 'generated'} ` +
        `(${(corpus.bytes / 1e6).toFixed(1)} MB of records, ` +
        `${((performance.now() - generated) / 1000).toFixed(1)} s) ` +
        `in ${corpus.dir}`,
    );
    const workDir = join(benchDir, 'work', `n${size}`);
    const runs = settings.runs ?? (size >= 100_000 ? 1 : size >= 10_000 ? 2 : 3);
    rows.push(...(await benchSize(corpus, { root, workDir, runs, settle: settings.settle, log, hugo })));
    if (!settings.keep) removeTree(workDir);
  }
  const smallest = Math.min(...settings.sizes);
  if (settings.pictures) {
    const corpus = ensureCorpus(join(benchDir, 'corpus'), { seed: settings.seed, count: smallest });
    rows.push(...(await benchPictures(corpus, { root, workDir: join(benchDir, 'work', 'pictures'), log })));
  }
  const feedResult = await feeds(settings.seed);
  const report = [
    `Benchmark, seed ${settings.seed}, ${new Date().toISOString().slice(0, 16)}Z, ` +
      `${((performance.now() - started) / 60_000).toFixed(1)} min in all:`,
    '',
    ...machine,
    '',
    resultsTable(rows),
    '',
    'Builds are `node lib/cli.js build`, one child process each: wall time from spawn to exit ' +
      "(node start-up included), CPU and peak RSS from the child's `process.resourceUsage()`. " +
      'Floor rows are timed inside their process (no start-up); their peak RSS includes the tsx loader ' +
      '(about 30 MiB above bare node). Files written: files of dist/ with a new modification time; ' +
      'written: bytes passed to write(2) (/proc/self/io). The machine is shared: compare ratios within one run, ' +
      `and CPU time rather than wall time. Load average at the end: ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}.`,
    '',
    ...summary(rows),
    '',
    feedsTable(feedResult.items, feedResult.rows),
    '',
  ].join('\n');
  process.stdout.write(report);
  const results = join(benchDir, 'results');
  mkdirSync(results, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(results, `${stamp}.md`), report);
  writeFileSync(
    join(results, `${stamp}.json`),
    `${JSON.stringify({ settings, machine, rows, feeds: feedResult }, null, 2)}\n`,
  );
  log(`saved in ${join(results, stamp)}.{md,json}`);
}

await main();
