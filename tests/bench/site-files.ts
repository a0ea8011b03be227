/**
 * The site-wide files alone (`renderSiteFiles`: home page, feeds, sitemaps…) on a model of N
 * articles: their time and memory, and the bytes of the model itself. The model is made the way a
 * build makes it: the bench corpus's records (`record.ts`, seed 1) checked and resolved by our own
 * code, each Article copied with `structuredClone` as it arrives from a render worker, without its
 * HTML (`contentHtml: ''`) but for the newest `feedLimit` (50), whose bodies are rendered.
 *
 *   npx tsx tests/bench/site-files.ts [--sizes 10000,100000] [--runs 3] [--targets model,renderHomePage]
 *   node --expose-gc --import tsx tests/bench/site-files.ts --fields 10000   # the model's bytes by field
 *
 * Making the model of 100,000 records takes minutes, so the first run keeps it in
 * `.bench/site-files/` (v8-serialised, in chunks of 1,000 articles read back one at a time, which
 * is what a worker's `postMessage` does too: flat strings, no slices of the record's text).
 *
 * Each row runs in its own child process (`node --expose-gc`), so that a renderer's peak RSS is its
 * own: the child builds the model, collects garbage, then runs one target `--runs` times. It
 * reports the median wall time of the runs; and, from the first run alone: the peak RSS of the
 * process (`resourceUsage().maxRSS`, which includes the model and the reading of it), against the
 * RSS and heap after the model was made, garbage collected (the baseline); the heap's size after
 * the run, before any forced collection (V8 grows it to the peak and shrinks it lazily); and the
 * heap the result keeps (heap used after a collection, result held, minus the baseline). Prints a
 * markdown table and one JSON line per row.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, getHeapStatistics, serialize } from 'node:v8';
import { parseSiteConfig } from '../../src/config.js';
import { articleSchema } from '../../src/content/article-schema.js';
import { checkRecord } from '../../src/content/records.js';
import { resolveArticle } from '../../src/content/resolve.js';
import { renderMarkdown } from '../../src/markdown.js';
import type { Article, OutputFile, Site } from '../../src/model.js';
import { renderAtom } from '../../src/render/atom.js';
import { renderHomePage } from '../../src/render/home-page.js';
import { renderSiteFiles } from '../../src/render/index.js';
import { renderJsonFeed } from '../../src/render/jsonfeed.js';
import { renderRss } from '../../src/render/rss.js';
import { renderSitemaps } from '../../src/render/sitemap.js';
import { createSite } from '../../src/site.js';
import { articleRecord, siteYaml } from './record.js';
import { median } from './stats.js';

const SEED = 1;
const MiB = 1024 * 1024;

const TARGETS = {
  model: (): OutputFile[] => [],
  renderSiteFiles: (site: Site): OutputFile[] => renderSiteFiles(site),
  renderHomePage: (site: Site): OutputFile[] => renderHomePage(site),
  renderSitemaps: (site: Site): OutputFile[] => renderSitemaps(site),
  renderRss: (site: Site): OutputFile[] => [renderRss(site)],
  renderAtom: (site: Site): OutputFile[] => [renderAtom(site)],
  renderJsonFeed: (site: Site): OutputFile[] => [renderJsonFeed(site)],
} as const;
type Target = keyof typeof TARGETS;

export interface Row {
  n: number;
  target: Target;
  /** Median wall time of one call. */
  ms: number;
  /** Process peak RSS, MiB. */
  peakRssMiB: number;
  /** RSS after the model was made, garbage collected, MiB. */
  baseRssMiB: number;
  /** Heap used after the model was made, garbage collected, MiB. */
  baseHeapMiB: number;
  /** Heap used by the model: after making it minus before, both garbage collected. */
  modelBytes: number;
  /** V8's heap size after the first run, before a forced collection, MiB. */
  heapTotalMiB: number;
  /** Heap kept by the result, MiB. */
  resultHeapMiB: number;
  /** UTF-8 bytes of the files made. */
  outputBytes: number;
  files: number;
}

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with node --expose-gc');
  collect();
  collect();
};

/** The model of the first `n` records of the corpus, made as a build makes it (see above). */
export function benchSite(n: number): Site {
  const config = parseSiteConfig('content/site.yaml', siteYaml(SEED));
  if (Array.isArray(config)) throw new Error(`site.yaml: ${JSON.stringify(config)}`);
  const schema = articleSchema(new Set(config.authors.keys()));
  const articles: Article[] = [];
  for (let index = 0; index < n; index++) {
    const checked = checkSource(index, schema);
    const file = `content/articles/${checked.name}`;
    const { article } = resolveArticle(config, file, checked.defaultSlug, checked.value, '', 1);
    articles.push(structuredClone(article));
  }
  const site = createSite(config, articles, Date.now());
  for (const [position, article] of site.articles.slice(0, site.feedLimit).entries()) {
    const index = Number(/-(\d+)\.md$/.exec(article.sourcePath)?.[1]);
    site.articles[position] = structuredClone({
      ...article,
      contentHtml: renderMarkdown(checkSource(index, schema).body, article.url).html,
    });
  }
  return site;
}

const CACHE = join(dirname(fileURLToPath(import.meta.url)), '../../.bench/site-files');
const CHUNK = 1000;

/** `benchSite(n)`, from the cache when it has it. */
export function cachedSite(n: number): Site {
  const file = join(CACHE, `model-v1-seed${SEED}-n${n}.v8`);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    const site = benchSite(n);
    const fd = openSync(`${file}.tmp`, 'w');
    const write = (value: unknown): void => {
      const bytes = serialize(value);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(bytes.length);
      writeSync(fd, length);
      writeSync(fd, bytes);
    };
    write({ ...site, articles: [] });
    for (let start = 0; start < n; start += CHUNK) write(site.articles.slice(start, start + CHUNK));
    closeSync(fd);
    renameSync(`${file}.tmp`, file);
  }
  const fd = openSync(file, 'r');
  const read = (): unknown => {
    const length = Buffer.alloc(4);
    if (readSync(fd, length) < 4) return undefined;
    const bytes = Buffer.alloc(length.readUInt32LE());
    readSync(fd, bytes);
    return deserialize(bytes);
  };
  const site = read() as Site;
  for (let chunk = read() as Article[] | undefined; chunk !== undefined; chunk = read() as Article[] | undefined)
    site.articles.push(...chunk);
  closeSync(fd);
  return site;
}

function checkSource(index: number, schema: ReturnType<typeof articleSchema>) {
  const { fileName, text } = articleRecord(SEED, index);
  const checked = checkRecord({ file: `content/articles/${fileName}`, name: fileName, text }, schema);
  if ('problems' in checked) throw new Error(`record ${index}: ${JSON.stringify(checked.problems)}`);
  return { ...checked, name: fileName };
}

const byteLength = (contents: string | Uint8Array): number =>
  typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength;

function child(n: number, target: Target, runs: number): Row {
  gc();
  const before = process.memoryUsage().heapUsed;
  const site = cachedSite(n);
  gc();
  const base = process.memoryUsage();
  const render = TARGETS[target];
  // The memory of the first run alone: the later ones only time (their garbage would add up).
  let started = performance.now();
  let result = render(site);
  const samples = [performance.now() - started];
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const heapTotal = getHeapStatistics().total_heap_size;
  gc();
  const kept = process.memoryUsage().heapUsed;
  for (let run = 1; run < runs; run++) {
    result = [];
    started = performance.now();
    result = render(site);
    samples.push(performance.now() - started);
  }
  const row: Row = {
    n,
    target,
    ms: median(samples),
    peakRssMiB: peakRss / MiB,
    baseRssMiB: base.rss / MiB,
    baseHeapMiB: base.heapUsed / MiB,
    modelBytes: base.heapUsed - before,
    heapTotalMiB: heapTotal / MiB,
    resultHeapMiB: (kept - base.heapUsed) / MiB,
    outputBytes: result.reduce((sum, file) => sum + byteLength(file.contents), 0),
    files: result.length,
  };
  // Keeps the model alive to the end, so that nothing of it is collected during the runs.
  if (site.articles.length !== n) throw new Error('the model lost articles');
  return row;
}

/**
 * What each field of an Article costs in the model: the heap that a `structuredClone` of that
 * field of every article takes (as a render worker hands it over: strings keep their width, and
 * an ASCII string sliced from a record with a `’` stays two bytes a character), and the objects
 * themselves (a shallow copy of each article).
 */
function fieldCosts(n: number): Record<string, number> {
  const site = cachedSite(n);
  const costs: Record<string, number> = {};
  const measure = (name: string, copy: (article: Article) => unknown): void => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const copies = site.articles.map(copy);
    gc();
    costs[name] = Math.round((process.memoryUsage().heapUsed - before) / n);
    if (copies.length !== n) throw new Error('lost copies');
  };
  measure('(the Article objects, shallow)', (article) => ({ ...article }));
  const fields = new Set(site.articles.flatMap((article) => Object.keys(article)));
  for (const field of fields)
    measure(field, (article) => structuredClone((article as unknown as Record<string, unknown>)[field]));
  measure('= the whole Article, as the model holds it', (article) => structuredClone(article));
  measure('= the whole Article, every string one byte a character when it can be', (article) => compact(article));
  measure('= what renderSiteFiles reads of an article past the feed', (article) => structuredClone(listed(article)));
  measure('= the same, every string one byte a character when it can be', (article) => compact(listed(article)));
  return costs;
}

/** The fields the home page and the sitemaps read of every article (the feeds read the newest 50 whole). */
function listed(article: Article): Partial<Article> {
  const { url, title, description, datePublished, dateModified, lang, section } = article;
  return {
    url,
    title,
    description,
    datePublished,
    ...(dateModified && { dateModified }),
    lang,
    ...(section !== undefined && { section }),
  };
}

/**
 * A deep copy whose strings are made again from their UTF-8: V8 then keeps one byte a character
 * when every character fits, where a string sliced from a record holding a `’` keeps two, even
 * for ASCII (a URL, a date), through `structuredClone` too.
 */
function compact(value: unknown): unknown {
  if (typeof value === 'string') return Buffer.from(value).toString();
  if (Array.isArray(value)) return value.map(compact);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compact(item)]));
  return value;
}

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const fixed = (value: number, digits = 0): string => value.toFixed(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function table(rows: readonly Row[]): string {
  const lines = [
    '|       N | target          | time (median) | peak RSS | RSS after model | heap after model ' +
      '| model bytes/article | heap size after 1st run | heap kept by result | output |',
    '|--------:|-----------------|--------------:|---------:|----------------:|-----------------:' +
      '|--------------------:|------------------------:|--------------------:|-------:|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${[
        fixed(row.n).padStart(7),
        row.target.padEnd(15),
        `${fixed(row.ms, 1)} ms`.padStart(13),
        `${fixed(row.peakRssMiB)} MiB`.padStart(8),
        `${fixed(row.baseRssMiB)} MiB`.padStart(15),
        `${fixed(row.baseHeapMiB)} MiB`.padStart(16),
        fixed(row.modelBytes / row.n).padStart(19),
        `${fixed(row.heapTotalMiB)} MiB`.padStart(23),
        `${fixed(row.resultHeapMiB, 1)} MiB`.padStart(19),
        `${fixed(row.outputBytes / MiB, 1)} MiB`.padStart(6),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function main(): void {
  const fieldsOf = flag('--fields');
  if (fieldsOf !== undefined) {
    const costs = Object.entries(fieldCosts(Number(fieldsOf))).sort((a, b) => b[1] - a[1]);
    process.stdout.write(
      '| field | bytes per article |\n|---|---:|\n' +
        `${costs.map(([field, bytes]) => `| ${field} | ${fixed(bytes)} |`).join('\n')}\n`,
    );
    return;
  }
  const childTarget = flag('--child');
  const runs = Number(flag('--runs') ?? 3);
  if (childTarget !== undefined) {
    process.stdout.write(`${JSON.stringify(child(Number(flag('--n')), childTarget as Target, runs))}\n`);
    return;
  }
  const sizes = (flag('--sizes') ?? '10000,100000').split(',').map(Number);
  const targets = (flag('--targets')?.split(',') ?? Object.keys(TARGETS)) as Target[];
  const rows: Row[] = [];
  for (const n of sizes) {
    for (const target of targets) {
      const spawned = spawnSync(
        process.execPath,
        [
          '--expose-gc',
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          '--child',
          target,
          '--n',
          String(n),
          '--runs',
          String(runs),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * MiB },
      );
      if (spawned.status !== 0) throw new Error(`${target} at ${n}: exit ${spawned.status}`);
      const row = JSON.parse(spawned.stdout.trim().split('\n').at(-1) ?? '') as Row;
      rows.push(row);
      process.stderr.write(`${JSON.stringify(row)}\n`);
    }
  }
  process.stdout.write(`${table(rows)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
