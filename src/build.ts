/**
 * build = load → validate → model → render → write. The content is read once, every problem of
 * every record is collected before anything is written, and the site is swapped in atomically.
 */
import { join } from 'node:path';
import { parseSiteConfig } from './config.js';
import { loadContent } from './content/load.js';
import { readArticles } from './content/records.js';
import { ContentError, type Problem } from './errors.js';
import type { OutputFile, Site } from './model.js';
import { renderSite } from './render/index.js';
import { createSite } from './site.js';
import { writeSite } from './write.js';

export interface BuildOptions {
  /** Folder holding `site.yaml` and `articles/`. Default `content`. */
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
  files: OutputFile[];
  /** Bytes written (0 when `write` is false). */
  bytes: number;
}

/** Builds the site. Throws a `ContentError` listing every problem when the content is invalid. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = options.contentDir ?? 'content';
  const outDir = options.outDir ?? 'dist';
  const site = await loadSite(contentDir, options.baseUrl);
  const files = renderSite(site);
  const written = options.write === false ? { bytes: 0 } : await writeSite(outDir, files);
  return { site, files, bytes: written.bytes };
}

/** Loads and validates the content into the model; throws a `ContentError` with every problem. */
export async function loadSite(contentDir: string, baseUrl?: string): Promise<Site> {
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
  return createSite(config, articles);
}
