/**
 * build = load → validate → model → render → write. The content is read once, every problem of
 * every record is collected before anything is written, and the site is swapped in atomically.
 */
import { join } from 'node:path';
import { declaredAuthorIds, parseSiteConfig } from './config.js';
import { loadContent, type PublicFile } from './content/load.js';
import { checkArticles, readArticles } from './content/records.js';
import { isDraft } from './drafts.js';
import { ContentError, type Problem } from './errors.js';
import type { OutputFile, Site } from './model.js';
import { renderSite } from './render/index.js';
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
  /** Every file of the site: the rendered outputs, then the files of `public/`. */
  files: OutputFile[];
  /** Bytes written (0 when `write` is false). */
  bytes: number;
  /** The records left out because they are drafts (their files), empty with `drafts: true`. */
  drafts: string[];
}

/** Builds the site. Throws a `ContentError` listing every problem when the content is invalid. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = options.contentDir ?? 'content';
  const outDir = options.outDir ?? 'dist';
  const progress = options.onProgress;
  progress?.({ phase: 'load', done: 0, total: 0 });
  const { site, publicFiles, drafts } = await loadSite(contentDir, options.baseUrl, options.drafts ?? false);
  const rendered = renderSite(site, progress && ((done, total) => progress({ phase: 'render', done, total })));
  const collisions = publicFileCollisions(rendered, publicFiles);
  if (collisions.length > 0) throw new ContentError(collisions);
  const files = [...rendered, ...publicFiles.map(({ path, bytes }): OutputFile => ({ path, contents: bytes }))];
  if (options.write !== false) progress?.({ phase: 'write', done: 0, total: files.length });
  const written = options.write === false ? { bytes: 0 } : await writeSite(outDir, files, { protect: [contentDir], ...(options.mtime === undefined ? {} : { mtime: options.mtime }) });
  return { site, files, bytes: written.bytes, drafts };
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

/** A file of `public/` may not take the place of a page or feed the build writes. */
function publicFileCollisions(rendered: readonly OutputFile[], publicFiles: readonly PublicFile[]): Problem[] {
  const written = new Set(rendered.map((file) => file.path));
  return publicFiles
    .filter((file) => written.has(file.path))
    .map((file) => ({ file: file.file, field: '(file)', message: `expected a file the build does not write itself, found ${JSON.stringify(file.path)}` }));
}
