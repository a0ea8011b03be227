/**
 * build = load → validate → model → render → write. The content is read once, every problem of
 * every record is collected before anything is written, and the site is swapped in atomically.
 */
import { join } from 'node:path';
import { parseSiteConfig } from './config.js';
import { loadContent, type PublicFile } from './content/load.js';
import { readArticles } from './content/records.js';
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
}

export interface BuildResult {
  site: Site;
  /** Every file of the site: the rendered outputs, then the files of `public/`. */
  files: OutputFile[];
  /** Bytes written (0 when `write` is false). */
  bytes: number;
}

/** Builds the site. Throws a `ContentError` listing every problem when the content is invalid. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = options.contentDir ?? 'content';
  const outDir = options.outDir ?? 'dist';
  const { site, publicFiles } = await loadSite(contentDir, options.baseUrl);
  const rendered = renderSite(site);
  const collisions = publicFileCollisions(rendered, publicFiles);
  if (collisions.length > 0) throw new ContentError(collisions);
  const files = [...rendered, ...publicFiles.map(({ path, bytes }): OutputFile => ({ path, contents: bytes }))];
  const written = options.write === false ? { bytes: 0 } : await writeSite(outDir, files);
  return { site, files, bytes: written.bytes };
}

/**
 * Loads and validates the content into the model, with the files of `public/` to copy; throws a
 * `ContentError` with every problem.
 */
export async function loadSite(contentDir: string, baseUrl?: string): Promise<{ site: Site; publicFiles: PublicFile[] }> {
  const content = await loadContent(contentDir);
  const problems: Problem[] = [...content.problems];
  const config = content.siteConfig === undefined ? undefined : parseSiteConfig(content.siteConfig.file, content.siteConfig.text, baseUrl);
  if (config === undefined || Array.isArray(config)) {
    if (Array.isArray(config)) problems.push(...config);
    throw new ContentError(problems.length > 0 ? problems : [{ file: join(contentDir, 'site.yaml'), field: '(file)', message: 'expected site settings, found none' }]);
  }
  const { articles, problems: articleProblems } = readArticles(config, content.articles);
  problems.push(...articleProblems);
  if (problems.length > 0) throw new ContentError(problems);
  return { site: createSite(config, articles), publicFiles: content.publicFiles };
}

/** A file of `public/` may not take the place of a page or feed the build writes. */
function publicFileCollisions(rendered: readonly OutputFile[], publicFiles: readonly PublicFile[]): Problem[] {
  const written = new Set(rendered.map((file) => file.path));
  return publicFiles
    .filter((file) => written.has(file.path))
    .map((file) => ({ file: file.file, field: '(file)', message: `expected a file the build does not write itself, found ${JSON.stringify(file.path)}` }));
}
