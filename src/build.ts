/**
 * build = load → validate → model → render → write. The content is read once, every problem of
 * every record is collected before anything is written, and the site is swapped in atomically.
 */
import { join } from 'node:path';
import { type BuildOutcome, MissedUpdated, siteOutputs } from './build-outputs.js';
import { declaredAuthorIds, parseSiteConfig, type SiteConfig } from './config.js';
import { loadContent, openContent, readArticle, type OpenedContent, type PublicFile, type SourceFile } from './content/load.js';
import { checkArticles, readArticles } from './content/records.js';
import { guessLastUpdated, newer } from './content/updated-guess.js';
import { isDraft } from './drafts.js';
import { ContentError, type Problem } from './errors.js';
import type { DateTime, OutputFile, Site } from './model.js';
import type { RenderMemo } from './render-memo.js';
import { createSite } from './site.js';
import { writeSite } from './write.js';

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
   * passes false, so that a large site streams to disk and memory holds the model only. Files are
   * always kept when `write` is false.
   */
  keepFiles?: boolean;
  /**
   * What records rendered to in the previous builds of this process (`createRenderMemo()`), kept
   * by the caller between builds: a record whose text, settings and page year are unchanged is not
   * parsed nor rendered again. The dev server passes one. Default: none.
   */
  memo?: RenderMemo;
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
}

/** Builds the site. Throws a `ContentError` listing every problem when the content is invalid. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = options.contentDir ?? 'content';
  const outDir = options.outDir ?? 'dist';
  const write = options.write !== false;
  const drafts = options.drafts ?? false;
  const progress = options.onProgress;
  progress?.({ phase: 'load', done: 0, total: 0 });
  const content = await openContent(contentDir);
  const config = await readSettings(content, contentDir, options.baseUrl, drafts);
  let updated = await guessUpdated(content, drafts);
  for (;;) {
    const outcome: BuildOutcome = { files: [], fileCount: 0, drafts: [] };
    const outputs = siteOutputs(openedAgain(content), config, {
      drafts,
      keepFiles: !write || options.keepFiles !== false,
      updated,
      ...(options.memo === undefined ? {} : { memo: options.memo }),
      ...(progress === undefined ? {} : { onRecord: (done: number, total: number) => progress({ phase: 'render', done, total }) }),
    }, outcome);
    try {
      let bytes = 0;
      if (write) {
        // The writer starts with the first file: a build whose first record is broken never reaches it.
        const first = await outputs.next();
        progress?.({ phase: 'write', done: 0, total: content.articleNames.length * 2 + content.publicFiles.length });
        bytes = (await writeSite(outDir, withFirst(first, outputs), { protect: [contentDir], ...(options.mtime === undefined ? {} : { mtime: options.mtime }) })).bytes;
      } else {
        for await (const file of outputs) void file;
      }
      if (outcome.site === undefined) throw new Error('the build ended before its site was made');
      return { site: outcome.site, files: outcome.files, fileCount: outcome.fileCount, bytes, drafts: outcome.drafts };
    } catch (error) {
      if (!(error instanceof MissedUpdated)) throw error;
      updated = error.updated;
    }
  }
}

/** The settings; when they cannot be read, every record is still checked, so that one run shows everything. */
async function readSettings(content: OpenedContent, contentDir: string, baseUrl: string | undefined, drafts: boolean): Promise<SiteConfig> {
  const config = content.siteConfig === undefined ? undefined : parseSiteConfig(content.siteConfig.file, content.siteConfig.text, baseUrl);
  if (config !== undefined && !Array.isArray(config)) return config;
  const sources: SourceFile[] = [];
  for (const name of content.articleNames) {
    const source = await readArticle(content, name);
    if (source !== undefined && (drafts || !isDraft(source))) sources.push(source);
  }
  const problems: Problem[] = [...content.problems, ...(config ?? [])];
  problems.push(...checkArticles(content.siteConfig && declaredAuthorIds(content.siteConfig.text), sources));
  throw new ContentError(problems.length > 0 ? problems : [{ file: join(contentDir, 'site.yaml'), field: '(file)', message: 'expected site settings, found none' }]);
}

/** The site's last update as the records' date lines tell it (see `content/updated-guess.ts`); nothing is reported here. */
async function guessUpdated(content: OpenedContent, drafts: boolean): Promise<DateTime> {
  let updated: DateTime | undefined;
  const ignored = { ...content, problems: [] };
  for (const name of content.articleNames) {
    const source = await readArticle(ignored, name);
    if (source !== undefined && (drafts || !isDraft(source))) updated = newer(updated, guessLastUpdated(source.text));
  }
  return updated ?? { iso: '0000-01-01T00:00:00Z', epochMs: 0, offsetMinutes: 0 };
}

async function* withFirst(first: IteratorResult<OutputFile, void>, rest: AsyncGenerator<OutputFile, void>): AsyncGenerator<OutputFile, void> {
  if (first.done === true) return;
  yield first.value;
  yield* rest;
}

/** The content as opened, with the problems found so far: a second run of the stream starts from there. */
function openedAgain(content: OpenedContent): OpenedContent {
  return { ...content, problems: [...content.problems] };
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
  const config = content.siteConfig === undefined ? undefined : parseSiteConfig(content.siteConfig.file, content.siteConfig.text, baseUrl);
  const sources = drafts ? content.articles : content.articles.filter((source) => !isDraft(source));
  if (config === undefined || Array.isArray(config)) {
    if (Array.isArray(config)) problems.push(...config);
    // The records are still checked, against what can be read of the settings: one run shows everything.
    problems.push(...checkArticles(content.siteConfig && declaredAuthorIds(content.siteConfig.text), sources));
    throw new ContentError(problems.length > 0 ? problems : [{ file: join(contentDir, 'site.yaml'), field: '(file)', message: 'expected site settings, found none' }]);
  }
  const leftOut = content.articles.filter((source) => !sources.includes(source)).map((source) => source.file);
  const { articles, problems: articleProblems } = readArticles(config, sources);
  problems.push(...articleProblems);
  if (problems.length === 0 && articles.length === 0 && content.articles.length > 0) {
    problems.push({ file: join(contentDir, 'articles'), field: '(folder)', message: 'expected at least one article that is not a draft, found only drafts (build them with --drafts)' });
  }
  if (problems.length > 0) throw new ContentError(problems);
  return { site: createSite(config, articles), publicFiles: content.publicFiles, drafts: leftOut };
}
