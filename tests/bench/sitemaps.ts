/**
 * The sitemaps alone (`renderSitemaps`) on a site of N listed articles: time, peak memory and a
 * digest of the bytes, for one source tree or two compared, their runs interleaved.
 *
 *   npx tsx tests/bench/sitemaps.ts [--count 100000] [--runs 5] [--compare OTHER/src]
 *
 * `--compare` names another tree's `src/` (a checkout of the commit before, say, with its own
 * `node_modules`): each round runs both, in alternating order, so that a slower machine for a while
 * weighs on both alike. Each run is a child process (`node --expose-gc`), so its peak RSS is its own:
 * it makes the site (the test factories' articles, each with its own URL and date), collects
 * garbage, then renders the sitemaps once, timed, and `TIMED` more times for the median. It reports
 * the first render (what a build does), the median of the later ones, the peak RSS of the process
 * against its RSS before rendering, and the SHA-256 of the files, which must agree between trees.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { OutputFile, Site } from '../../src/model.js';
import { dateTime, makeArticle, makeSite } from '../fixtures/factories.js';
import { runNode } from './child.js';
import { count, markdownTable, median, mebibytes, seconds } from './stats.js';

const root = resolve(import.meta.dirname, '../..');
const TIMED = 3;

interface Run {
  tree: string;
  firstMs: number;
  laterMs: number;
  baseRssBytes: number;
  peakRssBytes: number;
  files: number;
  bytes: number;
  sha256: string;
}

/** N articles with distinct URLs and dates, newest first, as the model lists them. */
function site(n: number): Site {
  const start = Date.parse('2024-12-31T12:00:00Z');
  const articles = Array.from({ length: n }, (_, index) =>
    makeArticle({
      slug: `article-${n - index}`,
      datePublished: dateTime(new Date(start - index * 3_600_000).toISOString().replace('.000Z', 'Z')),
    }),
  );
  return makeSite({ articles });
}

async function child(src: string, n: number): Promise<void> {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with node --expose-gc');
  const { renderSitemaps } = (await import(pathToFileURL(resolve(src, 'render/sitemap.ts')).href)) as {
    renderSitemaps: (site: Site) => OutputFile[];
  };
  const model = site(n);
  collect();
  const baseRssBytes = process.memoryUsage().rss;
  let started = performance.now();
  let files = renderSitemaps(model);
  const firstMs = performance.now() - started;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const hash = createHash('sha256');
  let bytes = 0;
  for (const file of files) {
    hash.update(file.path).update(file.contents);
    bytes += Buffer.byteLength(file.contents);
  }
  const later: number[] = [];
  for (let run = 0; run < TIMED; run++) {
    files = [];
    started = performance.now();
    files = renderSitemaps(model);
    later.push(performance.now() - started);
  }
  const result: Omit<Run, 'tree'> = {
    firstMs,
    laterMs: median(later),
    baseRssBytes,
    peakRssBytes,
    files: files.length,
    bytes,
    sha256: hash.digest('hex'),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '5' },
      compare: { type: 'string' },
      child: { type: 'string' },
    },
  });
  const n = Number(values.count);
  if (values.child !== undefined) return child(values.child, n);
  const runs = Number(values.runs);
  const trees = [resolve(root, 'src'), ...(values.compare === undefined ? [] : [resolve(values.compare)])];
  const results: Run[] = [];
  for (let round = 0; round < runs; round++) {
    const order = round % 2 === 0 ? trees : [...trees].reverse();
    for (const tree of order) {
      const usage = await runNode(resolve(import.meta.filename), ['--child', tree, '--count', String(n)], {
        cwd: root,
        nodeFlags: ['--expose-gc', '--import', 'tsx'],
      });
      const run = { tree, ...(JSON.parse(usage.stdout) as Omit<Run, 'tree'>) };
      process.stderr.write(`sitemaps: round ${round + 1}, ${tree}: ${seconds(run.firstMs)}\n`);
      results.push(run);
    }
  }
  const rows = trees.map((tree) => {
    const mine = results.filter((run) => run.tree === tree);
    const first = mine.map((run) => run.firstMs);
    const peak = Math.max(...mine.map((run) => run.peakRssBytes));
    const base = median(mine.map((run) => run.baseRssBytes));
    const digests = [...new Set(mine.map((run) => run.sha256.slice(0, 12)))];
    return [
      tree,
      String(mine.length),
      seconds(median(first)),
      `${seconds(Math.min(...first))} – ${seconds(Math.max(...first))}`,
      seconds(median(mine.map((run) => run.laterMs))),
      mebibytes(base),
      mebibytes(peak),
      mebibytes(peak - base),
      `${mine[0]?.files ?? 0} files, ${count(mine[0]?.bytes ?? Number.NaN)} B`,
      digests.join(' '),
    ];
  });
  const header = [
    `tree (N=${count(n)})`,
    'runs',
    'first render (median)',
    'min – max',
    `later renders (median of ${TIMED})`,
    'RSS before',
    'peak RSS (max)',
    'peak − before',
    'output',
    'sha256',
  ];
  process.stdout.write(`${markdownTable(header, rows, new Set([1, 2, 4, 5, 6, 7]))}\n`);
}

await main();
