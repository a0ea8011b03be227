/**
 * The records of a build, through its shards (`incremental/pool.ts`): every record is read, checked,
 * rendered and its files placed, in batches kept flowing to every thread; then, in file-name
 * order, the checks across records (one slug, one id) and the feed's newest articles put back
 * whole. What comes out is what the model needs, or every problem found.
 */
import { nameSharer } from './share-names.js';
import type { ShardPool } from './pool.js';
import { type CachedRecord, hashListed } from './cache.js';
import type { BatchRecord, BatchResult, RecordSummary, ReusedRecord } from './shard.js';
import { recordReader, type OpenedContent, type SourceFile } from '../content/load.js';
import { articleFolders, crossRecordChecks } from '../content/records.js';
import type { SiteConfig } from '../config.js';
import type { Problem } from '../errors.js';
import { type Article, listedArticle } from '../model.js';
import { isScheduled, type ScheduledRecord } from '../scheduled.js';
import { newestFirst } from '../site.js';
import { languagePath } from '../languages.js';
import type { WriteResult } from '../write/output.js';
import { addResult } from '../write/place.js';

/** Records per batch: enough to make a message worth its cost, few enough to share the work evenly. */
const BATCH_SIZE = 32;

export interface RecordsOutcome {
  /** The valid records in file-name order (the newest `feedLimit` articles with their HTML). */
  records: RecordSummary[];
  /** Every problem: the content's, each record's, and those across records. */
  problems: Problem[];
  /** The drafts left out, in file-name order. */
  drafts: string[];
  /** The records left out because they are published after now, as the batches came (`schedule` sorts them). */
  scheduled: ScheduledRecord[];
  /** How many record files could be read. */
  read: number;
  /** How many records were reused on their file's stat alone, not read. */
  unread: number;
  placed: WriteResult;
}

export interface RecordsPass {
  pool: ShardPool;
  content: OpenedContent;
  config: Pick<SiteConfig, 'url' | 'feedLimit' | 'language' | 'languages'>;
  write: boolean;
  /** The build cache's records (see incremental/cache.ts), by file name; empty without one. */
  cached: ReadonlyMap<string, CachedRecord>;
  /** The cached records whose files were not written since (`statClean`): they are not read. */
  clean: ReadonlySet<string>;
  /** Gives each record its `listedHash`, for the next build's cache. */
  incremental: boolean;
  /**
   * The build's "now" (ms since the epoch), when scheduled records are left out: a cached record
   * published after it is read again (to be left out), never reused. None with `--future`.
   */
  embargo: number | undefined;
  /** A record's article with its HTML, rendered again: a reused record among the newest, for the feeds. */
  wholeArticle: (name: string) => Article;
  onRecord?: (done: number, total: number) => void;
}

export async function buildRecords(pass: RecordsPass): Promise<RecordsOutcome> {
  const { pool, content, config, write, cached, clean, onRecord } = pass;
  const names = content.articleNames;
  const batches: BatchRecord[][] = [];
  for (let start = 0; start < names.length; start += BATCH_SIZE) {
    batches.push(
      names.slice(start, start + BATCH_SIZE).map((name, offset) => {
        const known = cached.get(name);
        // A record the cache's build published is scheduled again when this build's now is earlier.
        if (known === undefined || (pass.embargo !== undefined && isScheduled(known.article, pass.embargo)))
          return { index: start + offset, name };
        return {
          index: start + offset,
          name,
          reuse: { textHash: known.textHash, files: known.files },
          ...(clean.has(name) ? { clean: true as const } : {}),
        };
      }),
    );
  }
  const results: BatchResult[] = [];
  // Once a record has a problem the build will fail: the rest are only checked.
  let failing = content.problems.length > 0;
  let done = 0;
  const share = nameSharer();
  await eachAtMost(batches, pool.size * 2, async (batch) => {
    const result = await pool.render(batch, write && !failing);
    if (result.problems.length > 0) failing = true;
    // Here, while the workers render the next batches; each batch's copies of names go before the next comes.
    for (const record of result.records) {
      if (!('article' in record)) continue;
      if (pass.incremental) record.listedHash = hashListed(record.article);
      share(record.article);
    }
    results.push(result);
    done += batch.length;
    onRecord?.(done, names.length);
  });
  const records = results
    .flatMap((result) => result.records)
    .map((record) => {
      if ('article' in record) return record;
      const reused = fromCache(record, cached);
      share(reused.article);
      return reused;
    })
    .sort((a, b) => a.index - b.index);
  const problems = [...content.problems, ...results.flatMap((result) => result.problems)];
  problems.push(...acrossRecords(content, config, records));
  const newest = await pool.newest();
  return {
    records: withNewestWhole(records, newest, config.feedLimit, pass.wholeArticle, (lang) =>
      languagePath(config, lang),
    ),
    problems,
    drafts: results
      .flatMap((result) => result.drafts)
      .sort((a, b) => a.index - b.index)
      .map((draft) => draft.file),
    scheduled: results.flatMap((result) => result.scheduled),
    read: results.reduce((sum, result) => sum + result.read, 0),
    unread: results.reduce((sum, result) => sum + result.unread, 0),
    placed: results.reduce((sum, result) => addResult(sum, result.placed), { files: 0, bytes: 0, linked: 0 }),
  };
}

/** One slug, one id: the records in file-name order; a clash's line is found by reading its record again. */
function acrossRecords(
  content: OpenedContent,
  config: Pick<SiteConfig, 'url' | 'language' | 'languages'>,
  records: readonly RecordSummary[],
): Problem[] {
  const across = crossRecordChecks(config.url, articleFolders(config));
  const read = recordReader(content);
  return records.flatMap(({ file, name, article }) => {
    const source: SourceFile = {
      file,
      name,
      get text() {
        const again = read(name, []);
        if (again === undefined) throw new Error(`${file} was read, then could not be read again`);
        return again.text;
      },
    };
    return across(source, { slug: article.slug, id: article.id, lang: article.lang });
  });
}

/** A reused record as the others: its article and files as the cache holds them. */
function fromCache(record: ReusedRecord, cached: ReadonlyMap<string, CachedRecord>): RecordSummary {
  const known = cached.get(record.name);
  if (known === undefined) throw new Error(`${record.file} was reused, but the cache does not hold it`);
  const { article, textHash, files, whole, listedHash, warnings } = known;
  // The stat of its file as read now (its text hashed the same), else as the cache's build read it.
  const source = record.source ?? known.source;
  const cache = { textHash, files, ...(source === undefined ? {} : { source }) };
  const asCached = record.source === undefined ? { asCached: true as const } : {};
  return {
    index: record.index,
    file: record.file,
    name: record.name,
    article,
    paths: files.map((file) => file.path),
    cache,
    reused: true,
    listedHash,
    ...(whole ? { whole } : {}),
    ...(warnings === undefined ? {} : { warnings }),
    ...asCached,
  };
}

/**
 * The records with the site's newest articles whole, with the HTML the feeds carry: those rendered
 * in this pass come from the shards, a reused one from the cache when it was among them last time,
 * else it is rendered again here.
 */
function withNewestWhole(
  records: RecordSummary[],
  rendered: readonly Article[],
  limit: number,
  wholeArticle: (name: string) => Article,
  /** The language's folder of an article's `lang`: each language's feeds carry its own newest (languages.ts). */
  folderOf: (lang: string) => string,
): RecordSummary[] {
  const whole = new Map(rendered.map((article) => [article.path, article]));
  const newest = new Set<RecordSummary>();
  const taken = new Map<string, number>();
  for (const record of [...records].sort((a, b) => newestFirst(a.article, b.article))) {
    const folder = folderOf(record.article.lang);
    const count = taken.get(folder) ?? 0;
    if (count < limit) newest.add(record);
    taken.set(folder, count + 1);
  }
  return records.map((record) => {
    if (newest.has(record)) {
      if (record.whole === true) return record;
      const { asCached: _changed, ...rest } = record;
      return { ...rest, article: whole.get(record.article.path) ?? wholeArticle(record.name), whole: true };
    }
    // Out of the feeds since the cache kept it whole: listed again, so the model does not grow with time.
    if (record.whole === true) {
      const { whole: _dropped, asCached: _changed, ...listed } = record;
      return { ...listed, article: listedArticle(record.article) };
    }
    return record;
  });
}

/** Runs `work` on every item, at most `limit` at once; the first failure stops new work and is thrown. */
async function eachAtMost<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure !== undefined) throw failure.error;
}
