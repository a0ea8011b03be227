/**
 * What the dev server keeps of the content between rebuilds, so that an edit reads and renders the
 * one record edited, and so that a site of 100,000 records fits in memory: the settings, the files
 * of `public/` (by path, for the collision check), and per record file name what it was found to be
 * the last time it was read. A record's pages are not kept: only their paths and a hash of their
 * bytes (to tell which changed), its text (UTF-8, deflated once the thread pool has done it: the
 * pages are rendered from it again when asked for), and its article as the site-wide files read it
 * (`listedArticle`); the whole article only for the feeds' newest.
 */
import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSiteConfig, type SiteConfig } from '../config.js';
import { describeImages } from '../images/describe.js';
import { type ArticleRecord, articleSchema } from '../content/article-schema.js';
import { openContent, readArticle, recordReader, type OpenedContent, type SourceFile } from '../content/load.js';
import { isDraft } from '../drafts.js';
import type { Problem } from '../errors.js';
import { type Article, listedArticle, type OutputFile, type SiteSettings } from '../model.js';
import { renderRecord } from '../render-record.js';
import { readTheme } from '../theme/load.js';
import { siteForPages } from '../site.js';
import { DEFLATING_AT_ONCE, type KeptText, keepText, keptText } from './kept-text.js';

/** A page of a record: its path and the SHA-1 of its bytes, base64. */
export interface PageSummary {
  path: string;
  hash: string;
}

/** What a record checked and rendered to, as kept. */
export type KeptOutcome =
  | { problems: Problem[] }
  | {
      record: Pick<ArticleRecord, 'slug' | 'id' | 'lang'>;
      article: Article;
      pages: PageSummary[];
      warnings: Problem[];
    };

export interface RecordRead {
  kind: 'record';
  file: string;
  name: string;
  /** SHA-1 of the text: an unchanged record is not rendered again by a full rebuild. */
  textHash: string;
  text: KeptText;
  outcome: KeptOutcome;
  /** The article whole, while it is among the feeds' newest or was just rendered. */
  whole?: Article;
  /** The pages, when just rendered for an edit: the next update keeps them for the requests that follow. */
  files?: OutputFile[];
}

/** A record as last read: a draft (left out), a file that could not be read, or a record checked and rendered. */
export type RecordEntry = { kind: 'draft' } | { kind: 'unreadable'; problems: Problem[] } | RecordRead;

export interface RecordModel {
  config: SiteConfig;
  /** The settings as text: a full rebuild with the same ones reuses the records it has seen. */
  settings: string;
  schema: ReturnType<typeof articleSchema>;
  /** What the article pages read of the site: its settings. */
  pageSite: SiteSettings;
  /** The files of `public/`, sorted by path, with their bytes. */
  publicFiles: readonly { path: string; file: string; bytes: Uint8Array }[];
  /** The record file names, sorted as `openContent` sorts them. */
  names: string[];
  entries: Map<string, RecordEntry>;
  /** The content folder as opened: where `readArticle` reads. */
  content: OpenedContent;
  /** The record file names in the order of the last site assembled (newest first): a hint for sorting. */
  order: string[];
  /** Each record's listed article: its record file name. */
  lightArticles: WeakMap<Article, string>;
  /** The records that hold their article whole. */
  wholes: Set<RecordRead>;
  /** The dev server's "now", read at each assembly: the News sitemap's window, the scheduled pages' banner. */
  now: () => number;
  /** The records marked `draft: true` are read and rendered too (`depeche dev --drafts`). */
  drafts: boolean;
}

/**
 * Reads, checks and renders every record (the records of `previous` whose text and settings are
 * the same are taken as they are); `'build'` when the content or the settings have problems of
 * their own (a full `build()` reports them, and reads nothing more).
 */
export async function readModel(
  contentDir: string,
  baseUrl: string,
  previous: RecordModel | undefined,
  namesRelativeTo?: string,
  now: () => number = Date.now,
  drafts = false,
): Promise<RecordModel | 'build'> {
  const opened = await openContent(contentDir, namesRelativeTo);
  if (opened.problems.length > 0 || opened.siteConfig === undefined) return 'build';
  // The images are checked and sized as a build does, then served as they are: dev encodes no variant.
  const images = await describeImages(opened.publicFiles);
  const settings = parseSiteConfig(opened.siteConfig.file, opened.siteConfig.text, baseUrl, {
    images,
    variants: false,
  });
  if (Array.isArray(settings)) return 'build';
  const theme = await readTheme(contentDir, settings, opened.siteConfig.file, namesRelativeTo);
  if (theme.problems.length > 0) return 'build';
  const content = { ...opened, publicFiles: [...opened.publicFiles, ...theme.assets] };
  const config = {
    ...settings,
    images,
    imageVariants: false,
    ...(theme.theme === undefined ? {} : { theme: theme.theme }),
  };
  const settingsKey = JSON.stringify(config, (_key, value: unknown) => (value instanceof Map ? [...value] : value));
  const reuse = previous?.settings === settingsKey ? previous.entries : undefined;
  const read = recordReader(content);
  const model: RecordModel = {
    config,
    settings: settingsKey,
    schema: articleSchema(new Set(config.authors.keys()), config.ownFields),
    pageSite: siteForPages(config),
    publicFiles: content.publicFiles.map(({ path, file, bytes }) => ({ path, file, bytes })),
    names: content.articleNames,
    entries: new Map(),
    content: { ...content, publicFiles: [], problems: [] },
    order: previous?.order ?? [],
    lightArticles: new WeakMap(),
    wholes: new Set(),
    now,
    drafts,
  };
  let count = 0;
  for (const name of content.articleNames) {
    // Now and then, a turn of the event loop: the texts deflated meanwhile are taken in.
    if (++count % DEFLATING_AT_ONCE === 0) await new Promise((resolve) => setImmediate(resolve));
    const problems: Problem[] = [];
    const source = read(name, problems);
    if (source === undefined) {
      model.entries.set(name, { kind: 'unreadable', problems });
      continue;
    }
    if (!drafts && isDraft(source)) {
      model.entries.set(name, { kind: 'draft' });
      continue;
    }
    const known = reuse?.get(name);
    const textHash = hashOf(source.text);
    if (known?.kind === 'record' && known.textHash === textHash) {
      const { whole: _whole, ...kept } = known;
      if ('article' in kept.outcome) model.lightArticles.set(kept.outcome.article, name);
      model.entries.set(name, kept);
      continue;
    }
    model.entries.set(name, renderEntry(model, source, textHash, false));
  }
  return model;
}

/**
 * Reads one record again and checks and renders it: its entry is replaced, or removed when the
 * file is gone. Returns the entry it had before (undefined for a new record).
 */
export async function readRecordAgain(model: RecordModel, name: string): Promise<RecordEntry | undefined> {
  const before = model.entries.get(name);
  const path = join(model.content.articlesDir, name);
  const exists = await lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
  );
  if (!exists) {
    if (before !== undefined) {
      model.entries.delete(name);
      model.names.splice(model.names.indexOf(name), 1);
    }
    return before;
  }
  if (before === undefined) model.names.splice(insertionIndex(model.names, name), 0, name);
  const reading = { ...model.content, problems: [] as Problem[] };
  const source = await readArticle(reading, name);
  if (source === undefined) model.entries.set(name, { kind: 'unreadable', problems: reading.problems });
  else if (!model.drafts && isDraft(source)) model.entries.set(name, { kind: 'draft' });
  else model.entries.set(name, renderEntry(model, source, hashOf(source.text), true));
  return before;
}

/** The record's pages, rendered again from its kept text (the same bytes as when it was read). */
export function renderPages(model: RecordModel, entry: RecordRead): OutputFile[] {
  const outcome = renderRecord(model.config, model.schema, model.pageSite, sourceOf(entry));
  return 'files' in outcome ? outcome.files : [];
}

/** The record's article whole: kept while it is among the feeds' newest, else rendered again from its text. */
export function wholeArticle(model: RecordModel, entry: RecordRead): Article | undefined {
  if (entry.whole === undefined) {
    const outcome = renderRecord(model.config, model.schema, model.pageSite, sourceOf(entry));
    if ('article' in outcome) entry.whole = outcome.article;
    model.wholes.add(entry);
  }
  return entry.whole;
}

/** The record as read: its file, name and text. */
export function sourceOf(entry: RecordRead): SourceFile {
  return { file: entry.file, name: entry.name, text: keptText(entry.text) };
}

/** SHA-1 of a file's contents (a string as its UTF-8 bytes), base64: what the pages are compared by. */
export function hashOf(contents: string | Uint8Array): string {
  return createHash('sha1').update(contents).digest('base64');
}

/**
 * Checks and renders a record; keeps its text, its listed article, its pages' paths and hashes, and when `keepWhole`
 * its whole article.
 */
function renderEntry(model: RecordModel, source: SourceFile, textHash: string, keepWhole: boolean): RecordRead {
  const { outcome, whole, files } = renderKept(model.config, model.schema, model.pageSite, source);
  const entry: RecordRead = {
    kind: 'record',
    file: source.file,
    name: source.name,
    textHash,
    text: keepText(source.text),
    outcome,
  };
  if ('article' in outcome) model.lightArticles.set(outcome.article, source.name);
  if (keepWhole && whole !== undefined) {
    entry.whole = whole;
    entry.files = files;
    model.wholes.add(entry);
  }
  return entry;
}

/**
 * What is kept of a record's outcome (copies: the strings parsed from the text are slices of it, and would keep it
 * alive), with its whole article and pages.
 */
function renderKept(
  config: SiteConfig,
  schema: ReturnType<typeof articleSchema>,
  pageSite: SiteSettings,
  source: SourceFile,
): { outcome: KeptOutcome; whole?: Article; files?: OutputFile[] } {
  const rendered = renderRecord(config, schema, pageSite, source);
  if ('problems' in rendered) return { outcome: rendered };
  const { slug, id, lang } = structuredClone({
    slug: rendered.record.slug,
    id: rendered.record.id,
    lang: rendered.record.lang,
  });
  const article = structuredClone(listedArticle(rendered.article));
  const pages = rendered.files.map((file) => ({ path: file.path, hash: hashOf(file.contents) }));
  const warnings = structuredClone(rendered.warnings);
  return {
    outcome: { record: { slug, id, lang }, article, pages, warnings },
    whole: rendered.article,
    files: rendered.files,
  };
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
