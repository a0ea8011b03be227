/**
 * The records of a build, through its shards (`build-pool.ts`): every record is read, checked,
 * rendered and its files placed, in batches kept flowing to every thread; then, in file-name
 * order, the checks across records (one slug, one id) and the feed's newest articles put back
 * whole. What comes out is what the model needs, or every problem found.
 */
import type { ShardPool } from './build-pool.js';
import type { BatchRecord, BatchResult, RecordSummary } from './build-shard.js';
import { recordReader, type OpenedContent, type SourceFile } from './content/load.js';
import { crossRecordChecks } from './content/records.js';
import type { SiteConfig } from './config.js';
import type { Problem } from './errors.js';
import type { Article, DateTime } from './model.js';
import { newestFirst } from './site.js';
import type { WriteResult } from './write.js';
import { addResult } from './write-place.js';

/** Records per batch: enough to make a message worth its cost, few enough to share the work evenly. */
const BATCH_SIZE = 32;

export interface RecordsOutcome {
  /** The valid records in file-name order (the newest `feedLimit` articles with their HTML). */
  records: RecordSummary[];
  /** Every problem: the content's, each record's, and those across records. */
  problems: Problem[];
  /** The drafts left out, in file-name order. */
  drafts: string[];
  /** How many record files could be read. */
  read: number;
  placed: WriteResult;
}

export async function buildRecords(
  pool: ShardPool,
  content: OpenedContent,
  config: Pick<SiteConfig, 'url' | 'feedLimit'>,
  updated: DateTime,
  write: boolean,
  onRecord?: (done: number, total: number) => void,
): Promise<RecordsOutcome> {
  const names = content.articleNames;
  const batches: BatchRecord[][] = [];
  for (let start = 0; start < names.length; start += BATCH_SIZE) {
    batches.push(names.slice(start, start + BATCH_SIZE).map((name, offset) => ({ index: start + offset, name })));
  }
  const results: BatchResult[] = [];
  // Once a record has a problem the build will fail: the rest are only checked.
  let failing = content.problems.length > 0;
  let done = 0;
  await eachAtMost(batches, pool.size * 2, async (batch) => {
    const result = await pool.render(updated, batch, write && !failing);
    if (result.problems.length > 0) failing = true;
    results.push(result);
    done += batch.length;
    onRecord?.(done, names.length);
  });
  const records = results.flatMap((result) => result.records).sort((a, b) => a.index - b.index);
  const problems = [...content.problems, ...results.flatMap((result) => result.problems)];
  problems.push(...acrossRecords(content, config.url, records));
  const newest = (await pool.newest()).sort(newestFirst).slice(0, config.feedLimit);
  return {
    records: withNewestWhole(records, newest),
    problems,
    drafts: results.flatMap((result) => result.drafts).sort((a, b) => a.index - b.index).map((draft) => draft.file),
    read: results.reduce((sum, result) => sum + result.read, 0),
    placed: results.reduce((sum, result) => addResult(sum, result.placed), { files: 0, bytes: 0, linked: 0 }),
  };
}

/** One slug, one id: the records in file-name order; a clash's line is found by reading its record again. */
function acrossRecords(content: OpenedContent, siteUrl: string, records: readonly RecordSummary[]): Problem[] {
  const across = crossRecordChecks(siteUrl);
  const read = recordReader(content.root, content.articlesDir);
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
    return across(source, { slug: article.slug, id: article.id });
  });
}

/** The records with the site's newest articles put back whole, with the HTML the feeds carry. */
function withNewestWhole(records: RecordSummary[], newest: readonly Article[]): RecordSummary[] {
  const whole = new Map(newest.map((article) => [article.path, article]));
  return records.map((record) => {
    const article = whole.get(record.article.path);
    return article === undefined ? record : { ...record, article };
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
