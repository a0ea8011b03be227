/**
 * build = load → validate → model → render → write. The records are read, checked and rendered in
 * batches on every core (incremental/pool.ts, incremental/records.ts), their pages placed as they come in a
 * folder beside the output (a new one, or the spare of an incremental build); every problem of
 * every record is collected; then the model gives the site-wide files (home page, feeds,
 * sitemaps), and the folder is swapped in whole. When anything fails, the served site is left as it
 * was, byte for byte (write/output.ts).
 */
import { join } from 'node:path';
import {
  cacheKey,
  type CachedRecord,
  type CachedSiteFiles,
  type OpenedCache,
  dropCache,
  dropIncrementalState,
  markBuildStart,
  openCache,
  saveCache,
  settledRecords,
} from './incremental/cache.js';
import { createShardPool, type ShardPool } from './incremental/pool.js';
import { siteNotices } from './site-notices.js';
import { buildRecords, type RecordsOutcome } from './incremental/records.js';
import {
  placeSiteFiles,
  planSiteFiles,
  renderedSiteFiles,
  siteFileDigests,
  siteFilePaths,
  type SiteFileGroup,
} from './incremental/site-files.js';
import type { ShardSetup } from './incremental/shard.js';
import { declaredAuthorIds, parseSiteConfig, type SiteConfig } from './config.js';
import { articleSchema } from './content/article-schema.js';
import {
  loadContent,
  openContent,
  readArticle,
  recordReader,
  recordStats,
  type OpenedContent,
  type PublicFile,
  type SourceFile,
} from './content/load.js';
import { checkArticles, readArticles } from './content/records.js';
import { isDraft } from './drafts.js';
import { ContentError, type Problem } from './errors.js';
import type { Article, OutputFile, Site, SiteSettings } from './model.js';
import { renderRecord } from './render-record.js';
import { createSite, siteForPages } from './site.js';
import { openOutput, type SiteOutput } from './write/output.js';
import { addResult, placeFiles } from './write/place.js';

export interface BuildOptions {
  /** Folder holding `site.yaml`, `articles/` and `public/`. Default `content`. */
  contentDir?: string;
  /** Folder the site is written to; replaced whole on success. Default `dist`. */
  outDir?: string;
  /** Replaces the `url` of `site.yaml` (staging, previews). Default: the setting. */
  baseUrl?: string;
  /** When false, the site is rendered but nothing is written. Default true. */
  write?: boolean;
  /** Includes the records marked `draft: true`. Default false: drafts are left out. */
  drafts?: boolean;
  /**
   * Modification time of every file and folder written, so that an archive of the site is byte
   * identical too; the CLI passes `SOURCE_DATE_EPOCH` when it is set. Default: the time of writing.
   */
  mtime?: Date;
  /**
   * Keeps every file in memory for `BuildResult.files` while writing them. Default true; the CLI
   * passes false, so that a large site streams to disk and memory holds the model only: then the
   * articles of `BuildResult.site` beyond the feeds' newest hold only what the site-wide files read
   * (`listedArticle` in model.ts). Files are always kept when `write` is false.
   */
  keepFiles?: boolean;
  /**
   * Keeps a build cache beside the output folder (incremental/cache.ts): the next build neither parses,
   * renders nor writes an unchanged record, and links its files from the previous site instead.
   * Only with `write` and `keepFiles: false` (the files of a reused record are not read back).
   * The CLI passes true. Default false; a build without it removes a cache it would make stale.
   */
  incremental?: boolean;
  /** Called as the build goes: each phase as it starts, then each article rendered. Default: none. */
  onProgress?: (progress: BuildProgress) => void;
}

/** Where a build is: `load` and `write` start with `done` 0; `render` counts the articles rendered. */
export interface BuildProgress {
  phase: 'load' | 'render' | 'write';
  done: number;
  total: number;
}

export interface BuildResult {
  site: Site;
  /** Every file of the site: the rendered outputs, then the files of `public/`; empty with `keepFiles: false`. */
  files: OutputFile[];
  /** How many files the site has (written, or in `files`). */
  fileCount: number;
  /** Bytes written (0 when `write` is false). */
  bytes: number;
  /** The records left out because they are drafts (their files), empty with `drafts: true`. */
  drafts: string[];
  /** How many articles were taken unchanged from the build cache (`incremental`), not rendered. */
  reused: number;
  /** Of those, how many were not even read: their file's stat said it was not written since (incremental/cache.ts). */
  unread: number;
  /** What the build says without failing (`site-notices.ts`), such as the robots.txt a sub-path site needs. */
  warnings: Problem[];
}

/** Builds the site. Throws a `ContentError` listing every problem when the content is invalid. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = options.contentDir ?? 'content';
  const write = options.write !== false;
  const drafts = options.drafts ?? false;
  const progress = options.onProgress;
  progress?.({ phase: 'load', done: 0, total: 0 });
  const content = await openContent(contentDir);
  const config = await readSettings(content, contentDir, options.baseUrl, drafts);
  const outDir = options.outDir ?? 'dist';
  const keepFiles = !write || options.keepFiles !== false;
  const incremental = options.incremental === true && write && !keepFiles;
  const output = write
    ? await openOutput(outDir, {
        protect: [contentDir],
        spare: incremental,
        ...(options.mtime === undefined ? {} : { mtime: options.mtime }),
      })
    : undefined;
  const setup: ShardSetup = {
    config,
    root: content.root,
    articlesDir: content.articlesDir,
    drafts,
    keepFiles,
    cache: incremental,
    ...(output === undefined ? {} : { output: output.folder }),
  };
  // Taken before any record is read: it tells the next build which records had settled (incremental/cache.ts).
  const started = incremental ? markBuildStart(outDir) : 0;
  const lastBuild = incremental ? openCache(outDir) : undefined;
  let pool: ShardPool | undefined;
  try {
    if (output !== undefined)
      progress?.({ phase: 'write', done: 0, total: content.articleNames.length * 2 + content.publicFiles.length });
    const key = cacheKey(config, drafts, options.mtime);
    const cached = lastBuild?.records(key) ?? new Map<string, CachedRecord>();
    const clean = settledRecords(
      content.articleNames,
      cached,
      lastBuild?.started,
      recordStats(content.root, content.articlesDir),
    );
    // Workers for the records to read: a rebuild that reads a few links the others in this thread.
    pool = createShardPool(setup, content.articleNames.length - clean.size);
    const records = await buildRecords({
      pool,
      content,
      config,
      write,
      cached,
      clean,
      incremental,
      wholeArticle: wholeArticles(config, content),
      onRecord: (done, total) => progress?.({ phase: 'render', done, total }),
    });
    if (records.problems.length === 0 && records.records.length === 0 && records.read > 0) {
      records.problems.push({
        file: content.articlesDir,
        field: '(folder)',
        message: 'expected at least one article that is not a draft, found only drafts (build them with --drafts)',
      });
    }
    if (records.problems.length > 0) throw new ContentError(records.problems);
    const site = createSite(
      config,
      records.records.map((record) => record.article),
    );
    await pool.close();
    const siteFiles = await planSiteFiles(
      site,
      incremental ? siteFileDigests(key, site, records.records) : undefined,
      lastBuild?.siteFiles(key),
      output?.folder.target,
    );
    const { result, siteState } = await finish(site, content, records, siteFiles, output, keepFiles);
    // The new site is in place: a cache that cannot be saved only costs the next build its reuse.
    if (incremental) {
      const state = { key, started, ...(siteState === undefined ? {} : { siteFiles: siteState }) };
      await saveCache(outDir, state, cachedRecords(records, lastBuild)).catch(() => dropCache(outDir));
    } else if (write) {
      dropIncrementalState(outDir);
    }
    const settings = content.siteConfig;
    const urlFrom = options.baseUrl === undefined ? settings?.text : undefined;
    // The records' warnings in file-name order, then the site's.
    const warnings = [
      ...records.records.flatMap((record) => record.warnings ?? []),
      ...siteNotices(site.url, settings?.file ?? 'site.yaml', urlFrom),
    ];
    return { ...result, warnings };
  } catch (error) {
    // The workers stop before the new folder goes: none may still be writing into it.
    await pool?.close().catch(() => undefined);
    await output?.abort().catch(() => undefined);
    throw error;
  } finally {
    await output?.release();
  }
}

/** What the next build's cache keeps of each record: the last cache's line when nothing of it changed. */
function* cachedRecords(
  records: RecordsOutcome,
  lastBuild: OpenedCache | undefined,
): Generator<[string, CachedRecord] | Uint8Array> {
  for (const { name, article, cache, whole, listedHash, asCached, warnings } of records.records) {
    const line = asCached === true ? lastBuild?.line(name) : undefined;
    if (line !== undefined) yield line;
    else if (cache !== undefined && listedHash !== undefined)
      yield [name, { ...cache, article, listedHash, ...(whole ? { whole } : {}), ...(warnings ? { warnings } : {}) }];
  }
}

/** Renders a record again in this thread, for its article whole (a reused record among the newest, for the feeds). */
function wholeArticles(config: SiteConfig, content: OpenedContent): (name: string) => Article {
  // Made at the first call: most builds never need it.
  let renderer:
    | { read: ReturnType<typeof recordReader>; schema: ReturnType<typeof articleSchema>; site: SiteSettings }
    | undefined;
  return (name) => {
    renderer ??= {
      read: recordReader(content.root, content.articlesDir),
      schema: articleSchema(new Set(config.authors.keys())),
      site: siteForPages(config),
    };
    const { read, schema, site } = renderer;
    const source = read(name, []);
    const rendered = source === undefined ? undefined : renderRecord(config, schema, site, source);
    if (rendered === undefined || 'problems' in rendered)
      throw new Error(`${name} was reused from the cache, then could not be rendered again`);
    return rendered.article;
  };
}

/** The site-wide files and `public/`, written after the pages; then the new site is swapped in. */
async function finish(
  site: Site,
  content: OpenedContent,
  records: RecordsOutcome,
  siteFileGroups: SiteFileGroup[],
  output: SiteOutput | undefined,
  keepFiles: boolean,
): Promise<{ result: BuildResult; siteState?: CachedSiteFiles }> {
  const sitePaths = siteFilePaths(siteFileGroups);
  const written = new Set([...records.records.flatMap((record) => record.paths), ...sitePaths]);
  const clashes = content.publicFiles.filter((file) => written.has(file.path));
  if (clashes.length > 0) {
    throw new ContentError(
      clashes.map((file) => ({
        file: file.file,
        field: '(file)',
        message: `expected a file the build does not write itself, found ${JSON.stringify(file.path)}`,
      })),
    );
  }
  const publicFiles = content.publicFiles.map(({ path, bytes }): OutputFile => ({ path, contents: bytes }));
  let bytes = 0;
  let siteState: CachedSiteFiles | undefined;
  if (output !== undefined) {
    const placedSiteFiles = await placeSiteFiles(site, siteFileGroups, output.folder);
    siteState = placedSiteFiles.state;
    const placed = addResult(
      addResult(records.placed, placedSiteFiles.placed),
      placeFiles(output.folder, publicFiles, new Set()),
    );
    bytes = (await output.commit(placed, new Set([...written, ...publicFiles.map((file) => file.path)]))).bytes;
  }
  const siteFiles = renderedSiteFiles(siteFileGroups);
  const [home, ...rest] = siteFiles;
  const pages = new Map(records.records.map((record) => [record.article.path, record.files ?? []]));
  const files =
    keepFiles && home !== undefined
      ? [home, ...site.articles.flatMap((article) => pages.get(article.path) ?? []), ...rest, ...publicFiles]
      : [];
  const fileCount =
    records.records.reduce((sum, record) => sum + record.paths.length, 0) + sitePaths.length + publicFiles.length;
  const reused = records.records.filter((record) => record.reused === true).length;
  return {
    result: { site, files, fileCount, bytes, drafts: records.drafts, reused, unread: records.unread, warnings: [] },
    ...(siteState === undefined ? {} : { siteState }),
  };
}

/** The settings; when they cannot be read, every record is still checked, so that one run shows everything. */
async function readSettings(
  content: OpenedContent,
  contentDir: string,
  baseUrl: string | undefined,
  drafts: boolean,
): Promise<SiteConfig> {
  const config =
    content.siteConfig === undefined
      ? undefined
      : parseSiteConfig(content.siteConfig.file, content.siteConfig.text, baseUrl);
  if (config !== undefined && !Array.isArray(config)) return config;
  const sources: SourceFile[] = [];
  for (const name of content.articleNames) {
    const source = await readArticle(content, name);
    if (source !== undefined && (drafts || !isDraft(source))) sources.push(source);
  }
  const problems: Problem[] = [...content.problems, ...(config ?? [])];
  problems.push(...checkArticles(content.siteConfig && declaredAuthorIds(content.siteConfig.text), sources));
  throw new ContentError(
    problems.length > 0
      ? problems
      : [{ file: join(contentDir, 'site.yaml'), field: '(file)', message: 'expected site settings, found none' }],
  );
}

/**
 * Loads and validates the content into the model, with the files of `public/` to copy; throws a
 * `ContentError` with every problem. Records marked `draft: true` are left out unless `drafts`.
 */
export async function loadSite(
  contentDir: string,
  baseUrl?: string,
  drafts = false,
): Promise<{ site: Site; publicFiles: PublicFile[]; drafts: string[] }> {
  const content = await loadContent(contentDir);
  const problems: Problem[] = [...content.problems];
  const config =
    content.siteConfig === undefined
      ? undefined
      : parseSiteConfig(content.siteConfig.file, content.siteConfig.text, baseUrl);
  const sources = drafts ? content.articles : content.articles.filter((source) => !isDraft(source));
  if (config === undefined || Array.isArray(config)) {
    if (Array.isArray(config)) problems.push(...config);
    // The records are still checked, against what can be read of the settings: one run shows everything.
    problems.push(...checkArticles(content.siteConfig && declaredAuthorIds(content.siteConfig.text), sources));
    throw new ContentError(
      problems.length > 0
        ? problems
        : [{ file: join(contentDir, 'site.yaml'), field: '(file)', message: 'expected site settings, found none' }],
    );
  }
  const leftOut = content.articles.filter((source) => !sources.includes(source)).map((source) => source.file);
  const { articles, problems: articleProblems } = readArticles(config, sources);
  problems.push(...articleProblems);
  if (problems.length === 0 && articles.length === 0 && content.articles.length > 0) {
    problems.push({
      file: join(contentDir, 'articles'),
      field: '(folder)',
      message: 'expected at least one article that is not a draft, found only drafts (build them with --drafts)',
    });
  }
  if (problems.length > 0) throw new ContentError(problems);
  return { site: createSite(config, articles), publicFiles: content.publicFiles, drafts: leftOut };
}
