/**
 * Benchmark corpora: `N` generated articles of a seed written as a content folder (`site.yaml`,
 * `articles/*.md`, `public/logo.png`), cached under `.bench/corpus/` by generator version, seed
 * and N, so repeated runs reuse them.
 *
 *   npx tsx tests/bench/corpus.ts [--seed 1] [--count 1000] [--authors 12] [--out DIR]
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { AUTHORS, articleRecord, siteYaml } from './record.js';

/** Bump when the generated text changes, so stale cached corpora are not reused. */
export const GENERATOR_VERSION = 4;

/** A 1×1 PNG: the logo `site.yaml` points at, copied as is by the build. */
const LOGO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export interface CorpusOptions {
  seed: number;
  count: number;
  /** How many authors `site.yaml` declares (each gets a page and feeds); 12 by default. */
  authors?: number;
}

export interface Corpus extends CorpusOptions {
  /** The content folder: pass it to `depeche build --content`. */
  dir: string;
  /** File names in `articles/`, in index order. */
  articles: string[];
  /** Bytes of the article records. */
  bytes: number;
  /** True when a cached copy was reused. */
  reused: boolean;
}

interface Manifest extends CorpusOptions {
  version: number;
  articles: string[];
  bytes: number;
}

/** Writes the corpus into `dir` (which must not exist yet); returns the article file names and bytes. */
export function writeCorpus(
  dir: string,
  { seed, count, authors = AUTHORS }: CorpusOptions,
): { articles: string[]; bytes: number } {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  mkdirSync(join(dir, 'public'));
  writeFileSync(join(dir, 'site.yaml'), siteYaml(seed, authors));
  writeFileSync(join(dir, 'public', 'logo.png'), LOGO_PNG);
  const articles: string[] = [];
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const { fileName, text } = articleRecord(seed, index, authors);
    const data = Buffer.from(text);
    writeFileSync(join(dir, 'articles', fileName), data);
    articles.push(fileName);
    bytes += data.byteLength;
  }
  return { articles, bytes };
}

/** The cached corpus for `options` under `cacheDir`, generated first when missing or stale. */
export function ensureCorpus(cacheDir: string, options: CorpusOptions): Corpus {
  const authors = options.authors ?? AUTHORS;
  const suffix = authors === AUTHORS ? '' : `-a${authors}`;
  const dir = resolve(cacheDir, `v${GENERATOR_VERSION}-seed${options.seed}-n${options.count}${suffix}`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const same = manifest.seed === options.seed && manifest.count === options.count;
    if (manifest.version === GENERATOR_VERSION && same && (manifest.authors ?? AUTHORS) === authors) {
      return { ...options, dir, articles: manifest.articles, bytes: manifest.bytes, reused: true };
    }
  }
  // Generate beside, then rename: an interrupted run never leaves a corpus that looks complete.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const { articles, bytes } = writeCorpus(partial, options);
  const manifest: Manifest = { version: GENERATOR_VERSION, ...options, articles, bytes };
  writeFileSync(join(partial, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return { ...options, dir, articles, bytes, reused: false };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: '1000' },
      authors: { type: 'string', default: String(AUTHORS) },
      out: { type: 'string' },
    },
  });
  const options = { seed: Number(values.seed), count: Number(values.count), authors: Number(values.authors) };
  if (values.out !== undefined) {
    const { bytes } = writeCorpus(resolve(values.out), options);
    process.stdout.write(`wrote ${options.count} articles (${bytes} bytes) into ${values.out}\n`);
  } else {
    const corpus = ensureCorpus('.bench/corpus', options);
    process.stdout.write(
      `${corpus.reused ? 'reused' : 'generated'} ${corpus.dir}: ${corpus.count} articles, ${corpus.bytes} bytes\n`,
    );
  }
}
