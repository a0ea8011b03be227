/**
 * A build's work on its records, done in batches by each thread of the build (its own, or each
 * worker of `incremental/pool.ts`): read the record, leave drafts out, check it alone, render its page
 * and JSON-LD, leave it out when it is scheduled (published after now), and hand those files to this
 * thread's writer (write/writer.ts). What goes back to the build's thread is small: each article
 * without its HTML body, the problems, the paths placed. The newest `feedLimit` articles of each shard
 * are kept whole, for the feeds, and handed over at the end.
 */
import { join } from 'node:path';
import { hashText, identify, type Reusable, unchanged } from './cache.js';
import type { SiteConfig } from '../config.js';
import { articleSchema } from '../content/article-schema.js';
import { type ContentFolders, recordReader, type RecordStat, shown } from '../content/load.js';
import { isDraft } from '../drafts.js';
import type { Problem } from '../errors.js';
import { type Article, listedArticle, type OutputFile } from '../model.js';
import { renderRecord } from '../render-record.js';
import { isScheduled, type ScheduledRecord } from '../scheduled.js';
import { newestFirst, siteForPages } from '../site.js';
import type { OutputFolder, WriteResult } from '../write/output.js';
import { addResult } from '../write/place.js';
import type { FolderWriter } from '../write/folder.js';
import { openWriter } from '../write/writer.js';

/** What every shard of a build shares: plain data, sent to each worker once. */
export interface ShardSetup extends ContentFolders {
  config: SiteConfig;
  drafts: boolean;
  /** The build's "now" (ms since the epoch): a record published after it is scheduled, left out. */
  now: number;
  /** Includes the scheduled records (`--future`). */
  future: boolean;
  /** Where files are placed; none when the build writes nothing. */
  output?: OutputFolder;
  /** Sends each record's files back too (`BuildResult.files`). */
  keepFiles: boolean;
  /** Records what the next build's cache needs (see incremental/cache.ts). */
  cache: boolean;
}

/** One record of a batch: its place in file-name order, its file name, and what the cache knows of it. */
export interface BatchRecord {
  index: number;
  name: string;
  reuse?: Reusable;
  /** Its file's stat says it was not written since the cache's build read it (`statClean`): not read again. */
  clean?: true;
}

/** A valid record: its article without the HTML body, and the paths of its files. */
export interface RecordSummary {
  index: number;
  file: string;
  name: string;
  article: Article;
  paths: string[];
  /** The files themselves, with `keepFiles`. */
  files?: OutputFile[];
  /** For the next build's cache, when the build has one. */
  cache?: Reusable;
  /** What the outputs do not carry of the record (record-warnings.ts); none when empty. */
  warnings?: Problem[];
  /** True when the record was not rendered but taken from the cache, its files linked. */
  reused?: true;
  /** True when `article` is whole, with its HTML (the feeds' newest). */
  whole?: true;
  /** `hashListed` of the article, in an incremental build (incremental/records.ts). */
  listedHash?: string;
  /** Reused without reading its file, and kept whole or listed as before: its cache entry is unchanged. */
  asCached?: true;
}

/** A record whose cache entry held: its files were linked from the previous site, its article is the cache's. */
export interface ReusedRecord {
  index: number;
  file: string;
  name: string;
  reused: true;
  /** Its file's stat when read again here (its text hashed the same); none when it was not read. */
  source?: RecordStat;
}

export interface BatchResult {
  records: (RecordSummary | ReusedRecord)[];
  problems: Problem[];
  /** The drafts left out, by index and file. */
  drafts: { index: number; file: string }[];
  /** The records left out because they are published after now (checked, never placed nor cached). */
  scheduled: ScheduledRecord[];
  /** How many of the batch's files could be read (or were known unchanged without reading them). */
  read: number;
  /** How many were reused on their file's stat alone, not read. */
  unread: number;
  placed: WriteResult;
}

export interface Shard {
  /**
   * Reads, checks and renders a batch; its writer writes the files unless `write` is false (a problem
   * was found: the rest are only checked).
   */
  render(batch: readonly BatchRecord[], write: boolean): BatchResult;
  /** The shard's newest `feedLimit` articles whole, with their HTML (the feeds carry it). */
  newest(): Article[];
}

export function createShard(setup: ShardSetup): Shard {
  const { config, output } = setup;
  const read = recordReader(setup);
  const schema = articleSchema(new Set(config.authors.keys()), config.ownFields);
  const writer = output === undefined ? undefined : openWriter(output);
  const feed = newestArticles(config.feedLimit);
  const site = siteForPages(config);
  /**
   * Whether a record's files in the served site are still those the cache knows; then they are linked (unless `write`
   * is false).
   */
  const reused = (reuse: Reusable, write: boolean, result: BatchResult): boolean =>
    writer !== undefined && unchanged(writer.folder.target, reuse.files) && (!write || linked(writer, reuse, result));
  return {
    render(batch, write) {
      const result: BatchResult = {
        records: [],
        problems: [],
        drafts: [],
        scheduled: [],
        read: 0,
        unread: 0,
        placed: { files: 0, bytes: 0, linked: 0 },
      };
      for (const { index, name, reuse, clean } of batch) {
        if (clean === true && reuse !== undefined && reused(reuse, write, result)) {
          result.read++;
          result.unread++;
          const file = shown(join(setup.articlesDir, name), setup.namesRelativeTo);
          result.records.push({ index, file, name, reused: true });
          continue;
        }
        const source = read(name, result.problems);
        if (source === undefined) continue;
        result.read++;
        if (!setup.drafts && isDraft(source)) {
          result.drafts.push({ index, file: source.file });
          continue;
        }
        const textHash = setup.cache ? hashText(source.text) : '';
        if (reuse !== undefined && reuse.textHash === textHash && reused(reuse, write, result)) {
          result.records.push({
            index,
            file: source.file,
            name,
            reused: true,
            ...(source.stat === undefined ? {} : { source: source.stat }),
          });
          continue;
        }
        const rendered = renderRecord(config, schema, site, source);
        if ('problems' in rendered) {
          result.problems.push(...rendered.problems);
          continue;
        }
        const { article, files, warnings } = rendered;
        if (!setup.future && isScheduled(article, setup.now)) {
          const { iso, epochMs } = article.datePublished;
          result.scheduled.push({ file: source.file, datePublished: iso, epochMs });
          continue;
        }
        feed.offer(article);
        // A build that keeps no files holds only what the site-wide files read (the feeds' newest come whole from
        // `newest`).
        const listed = setup.keepFiles ? { ...article, contentHtml: '' } : listedArticle(article);
        const summary: RecordSummary = {
          index,
          file: source.file,
          name,
          article: listed,
          paths: files.map((file) => file.path),
          ...(warnings.length === 0 ? {} : { warnings }),
        };
        if (setup.keepFiles) summary.files = files;
        result.records.push(summary);
        if (write && writer !== undefined) {
          addResult(result.placed, writer.write(files));
          if (setup.cache) {
            const fresh = writer.folder.fresh;
            summary.cache = {
              textHash,
              files: files.map((file) => identify(join(fresh, file.path), file.path)),
              ...(source.stat === undefined ? {} : { source: source.stat }),
            };
          }
        }
      }
      return result;
    },
    newest: () => feed.articles(),
  };
}

/** Links a reused record's files into the new folder; false when the file system cannot: then it is rendered. */
function linked(writer: FolderWriter, reuse: Reusable, result: BatchResult): boolean {
  const placed = writer.link(reuse.files);
  if (placed !== undefined) addResult(result.placed, placed);
  return placed !== undefined;
}

/** The newest `limit` articles offered, kept whole. */
function newestArticles(limit: number): { offer(article: Article): void; articles(): Article[] } {
  let kept: Article[] = [];
  return {
    offer(article) {
      const oldest = kept[kept.length - 1];
      if (kept.length >= limit && oldest !== undefined && newestFirst(article, oldest) >= 0) return;
      kept.push(article);
      kept.sort(newestFirst);
      if (kept.length > limit) kept = kept.slice(0, limit);
    },
    articles: () => kept,
  };
}
