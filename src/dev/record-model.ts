/**
 * What the dev server keeps of the content between rebuilds, so that an edit reads and renders the
 * one record edited: the settings, the files of `public/` (by path, for the collision check), and
 * per record file name what it was found to be the last time it was read. It is seeded from a
 * good full build (its render memo holds every record's text and outcome) and kept up to date
 * record by record; the records' outcomes go into the memo too, so that a later full build renders
 * only what it has not seen.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildResult } from '../build.js';
import { parseSiteConfig, type SiteConfig } from '../config.js';
import { articleSchema } from '../content/article-schema.js';
import { openContent, readArticle, type OpenedContent, type SourceFile } from '../content/load.js';
import { isDraft } from '../drafts.js';
import type { Problem } from '../errors.js';
import type { Article, Site } from '../model.js';
import { memoKey, memoSource, type RenderMemo } from '../render-memo.js';
import { type RecordOutcome, renderRecord } from '../render-record.js';
import { siteForPages } from '../site.js';

/** A record as last read: a draft (left out), a file that could not be read, or a record checked and rendered. */
export type RecordEntry =
  | { kind: 'draft' }
  | { kind: 'unreadable'; problems: Problem[] }
  | { kind: 'record'; source: SourceFile; outcome: RecordOutcome; light?: Article };

export interface RecordModel {
  config: SiteConfig;
  schema: ReturnType<typeof articleSchema>;
  /** The site as the article pages see it: the settings and the last good site's update (its year). */
  pageSite: Site;
  /** The files of `public/`, sorted by path. */
  publicFiles: readonly { path: string; file: string }[];
  /** The record file names, sorted as `openContent` sorts them. */
  names: string[];
  entries: Map<string, RecordEntry>;
  /** The content folder as opened: where `readArticle` reads. */
  content: OpenedContent;
  memo: RenderMemo;
  /** The record file names in the order of the last site assembled (newest first): a hint for sorting. */
  order: string[];
  /** Each record's article without its HTML body (see `assemble-site.ts`): its file name and whole article. */
  lightArticles: WeakMap<Article, { name: string; whole: Article }>;
}

/**
 * The model of the content `result` was built from, with the outcomes `memo` kept; undefined when
 * the folder no longer lists the records that build read (it changed since: the watcher will say
 * what, and the next change builds in full).
 */
export async function seedModel(contentDir: string, baseUrl: string, memo: RenderMemo, result: BuildResult): Promise<RecordModel | undefined> {
  const content = await openContent(contentDir);
  if (content.problems.length > 0 || content.siteConfig === undefined) return undefined;
  const config = parseSiteConfig(content.siteConfig.file, content.siteConfig.text, baseUrl);
  if (Array.isArray(config)) return undefined;
  const built = new Map<string, RecordEntry>();
  for (const [key, outcome] of memo.outcomes) {
    const source = memoSource(key);
    built.set(source.name, { kind: 'record', source, outcome });
  }
  for (const file of result.drafts) built.set(file.slice(file.lastIndexOf('/') + 1), { kind: 'draft' });
  const entries = new Map<string, RecordEntry>();
  for (const name of content.articleNames) {
    const entry = built.get(name);
    if (entry === undefined) return undefined;
    entries.set(name, entry);
  }
  return {
    config,
    schema: articleSchema(new Set(config.authors.keys())),
    pageSite: siteForPages(config, result.site.updated),
    publicFiles: content.publicFiles.map(({ path, file }) => ({ path, file })),
    names: content.articleNames,
    entries,
    content: { ...content, publicFiles: [], problems: [] },
    memo,
    order: [],
    lightArticles: new WeakMap(),
  };
}

/**
 * Reads one record again and checks and renders it: its entry is replaced, or removed when the
 * file is gone. Returns the entry it had before (undefined for a new record).
 */
export async function readRecordAgain(model: RecordModel, name: string): Promise<RecordEntry | undefined> {
  const before = model.entries.get(name);
  // The memo keeps the records as they are now: an edited or deleted record's old outcome goes.
  const forget = (): void => {
    if (before?.kind === 'record') model.memo.outcomes.delete(memoKey(before.source));
  };
  const path = join(model.content.articlesDir, name);
  const exists = await lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : true),
  );
  if (!exists) {
    forget();
    if (before !== undefined) {
      model.entries.delete(name);
      model.names.splice(model.names.indexOf(name), 1);
    }
    return before;
  }
  if (before === undefined) model.names.splice(insertionIndex(model.names, name), 0, name);
  const entry = await entryOf(model, name);
  if (entry.kind !== 'record' || before?.kind !== 'record' || memoKey(entry.source) !== memoKey(before.source)) forget();
  model.entries.set(name, entry);
  return before;
}

async function entryOf(model: RecordModel, name: string): Promise<RecordEntry> {
  const reading = { ...model.content, problems: [] as Problem[] };
  const source = await readArticle(reading, name);
  if (source === undefined) return { kind: 'unreadable', problems: reading.problems };
  if (isDraft(source)) return { kind: 'draft' };
  const key = memoKey(source);
  const outcome = model.memo.outcomes.get(key) ?? renderRecord(model.config, model.schema, model.pageSite, source);
  model.memo.outcomes.set(key, outcome);
  return { kind: 'record', source, outcome };
}

/** Where `name` goes in the sorted `names` (the order of `Array.prototype.sort`: UTF-16 code units). */
function insertionIndex(names: readonly string[], name: string): number {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((names[middle] ?? '') < name) low = middle + 1;
    else high = middle;
  }
  return low;
}
