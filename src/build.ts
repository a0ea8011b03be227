/**
 * The pipeline: load → check → model → render → write. The content folder is listed and the
 * settings checked; each record is checked, modelled and rendered on its own, its files handed to
 * the writer as they come (how, on how many cores, and what is reused from the previous build, is
 * behind `renderRecords`: incremental/index.ts); with every problem of every record collected, the
 * model gives the site-wide files (home page, feeds, sitemaps), and the writer swaps the new site in
 * whole. When anything fails, the served site is left as it was, byte for byte (write/output.ts).
 */
import { basename, join } from 'node:path';
import { declaredAuthorIds, parseSiteConfig, type SiteConfig } from './config.js';
import {
  loadContent,
  openContent,
  readArticle,
  type OpenedContent,
  type PublicFile,
  type SourceFile,
} from './content/load.js';
import { checkArticles, readArticles } from './content/records.js';
import { missingLocalFiles, withFieldLines } from './content/local-files.js';
import { isDraft } from './drafts.js';
import { ContentError, type Problem } from './errors.js';
import { renderRecords } from './incremental/index.js';
import type { OutputFile, Site } from './model.js';
import { siteNotices } from './site-notices.js';
import { createSite } from './site.js';
import { openOutput } from './write/output.js';
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
  const outDir = options.outDir ?? 'dist';
  const write = options.write !== false;
  const drafts = options.drafts ?? false;
  const keepFiles = !write || options.keepFiles !== false;
  const progress = options.onProgress;
  // Load: the content folder's listing and the settings, checked.
  progress?.({ phase: 'load', done: 0, total: 0 });
  const content = await openContent(contentDir);
  const config = await readSettings(content, contentDir, options.baseUrl, drafts);
  const output = write
    ? await openOutput(outDir, {
        protect: [contentDir],
        spare: options.incremental === true && !keepFiles,
        ...(options.mtime === undefined ? {} : { mtime: options.mtime }),
      })
    : undefined;
  const rendering = renderRecords({
    content,
    config,
    outDir,
    drafts,
    output,
    keepFiles,
    reuse: options.incremental === true && write && !keepFiles,
    mtime: options.mtime,
  });
  try {
    if (output !== undefined)
      progress?.({ phase: 'write', done: 0, total: content.articleNames.length * 2 + content.publicFiles.length });
    // Check and render each record, its files handed to the writer as they come.
    const records = await rendering.records((done, total) => progress?.({ phase: 'render', done, total }));
    if (records.problems.length === 0 && records.articles.length === 0 && records.read > 0) {
      records.problems.push({
        file: content.articlesDir,
        field: '(folder)',
        message: 'expected at least one article that is not a draft, found only drafts (build them with --drafts)',
      });
    }
    if (records.problems.length > 0) throw new ContentError(records.problems);
    // The model, then the site-wide files that read it.
    const site = createSite(config, records.articles);
    const siteFiles = await rendering.siteFiles(site);
    // The local files named must exist: in public/, or among the files the build writes.
    const missing = await missingFiles(content, contentDir, site, siteFiles.paths);
    if (missing.length > 0) throw new ContentError(missing);
    // The files of `public/`, which must not stand where the build writes, then the swap.
    const publicFiles = publicFilesBeside(content, siteFiles.paths);
    let bytes = 0;
    if (output !== undefined) {
      const placed = addResult(siteFiles.placed, placeFiles(output.folder, publicFiles, new Set()));
      const paths = new Set([...siteFiles.paths, ...publicFiles.map((file) => file.path)]);
      bytes = (await output.commit(placed, paths)).bytes;
    }
    await rendering.committed();
    const settings = content.siteConfig;
    const urlFrom = options.baseUrl === undefined ? settings?.text : undefined;
    return {
      site,
      files: keepFiles && siteFiles.files.length > 0 ? [...siteFiles.files, ...publicFiles] : [],
      fileCount: siteFiles.paths.length + publicFiles.length,
      bytes,
      drafts: records.drafts,
      reused: siteFiles.reused,
      unread: siteFiles.unread,
      // The records' warnings in file-name order, then the site's.
      warnings: [
        ...records.warnings,
        ...config.warnings,
        ...siteNotices(site.url, settings?.file ?? 'site.yaml', urlFrom),
      ],
    };
  } catch (error) {
    // The workers stop before the new folder goes: none may still be writing into it.
    await rendering.close().catch(() => undefined);
    await output?.abort().catch(() => undefined);
    throw error;
  } finally {
    await output?.release();
  }
}

/**
 * The local files the settings and the records name that are neither in `public/` nor among the paths the
 * build writes (gathered only when an image is not in `public/`, which is rare: a large build writes hundreds
 * of thousands). A record's `image.src` gets its line from the record, read again: only a failing build does.
 */
async function missingFiles(
  content: OpenedContent,
  contentDir: string,
  site: Site,
  written: readonly string[],
): Promise<Problem[]> {
  const publicPaths = new Set(content.publicFiles.map((file) => file.path));
  let writtenPaths: Set<string> | undefined;
  const writes = (path: string): boolean => {
    writtenPaths ??= new Set(written);
    return writtenPaths.has(path);
  };
  const missing = missingLocalFiles({
    site,
    articles: site.articles,
    paths: { has: (path) => publicPaths.has(path) || writes(path) },
    settings: content.siteConfig,
    publicDir: join(contentDir, 'public'),
  });
  const texts = new Map<string, string>();
  const records = new Set(content.articleNames);
  for (const { file, line } of missing) {
    if (line !== undefined || texts.has(file) || !records.has(basename(file))) continue;
    const source = await readArticle(content, basename(file));
    if (source !== undefined) texts.set(file, source.text);
  }
  return withFieldLines(missing, texts);
}

/** The files of `public/`, as output files; an error names each that stands where the build writes. */
function publicFilesBeside(content: OpenedContent, written: readonly string[]): OutputFile[] {
  const paths = new Set(written);
  const clashes = content.publicFiles.filter((file) => paths.has(file.path));
  if (clashes.length > 0) {
    throw new ContentError(
      clashes.map((file) => ({
        file: file.file,
        field: '(file)',
        message: `expected a file the build does not write itself, found ${JSON.stringify(file.path)}`,
      })),
    );
  }
  return content.publicFiles.map(({ path, bytes }): OutputFile => ({ path, contents: bytes }));
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
): Promise<{ site: Site; publicFiles: PublicFile[]; drafts: string[]; warnings: Problem[] }> {
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
  const { articles, problems: articleProblems, warnings } = readArticles(config, sources);
  problems.push(...articleProblems);
  if (problems.length === 0 && articles.length === 0 && content.articles.length > 0) {
    problems.push({
      file: join(contentDir, 'articles'),
      field: '(folder)',
      message: 'expected at least one article that is not a draft, found only drafts (build them with --drafts)',
    });
  }
  if (problems.length > 0) throw new ContentError(problems);
  return {
    site: createSite(config, articles),
    publicFiles: content.publicFiles,
    drafts: leftOut,
    warnings: [...warnings, ...config.warnings],
  };
}
