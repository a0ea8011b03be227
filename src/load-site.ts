import { join } from 'node:path';
import { declaredAuthorIds, declaredOwnFields, parseSiteConfig } from './config.js';
import { loadContent, type PublicFile, shown } from './content/load.js';
import { checkArticles, readArticles } from './content/records.js';
import { isDraft } from './drafts.js';
import { ContentError, type Problem } from './errors.js';
import type { BuildOptions } from './build-types.js';
import type { Site } from './model.js';
import { isScheduled, nothingPublished } from './scheduled.js';
import { createSite } from './site.js';
import { describeImages } from './images/describe.js';

/**
 * Loads and validates the content into the model, with the files of `public/` to copy; throws a
 * `ContentError` with every problem. Records marked `draft: true` are left out unless `drafts`, and
 * those published after `now` (default: the time of the call) unless `future`.
 * File names in problems are relative to `namesRelativeTo` as in `BuildOptions` (default: as `contentDir` is spelled).
 */
export async function loadSite(
  contentDir: string,
  baseUrl?: string,
  drafts = false,
  namesRelativeTo?: string,
  { now = new Date(), future = false }: Pick<BuildOptions, 'now' | 'future'> = {},
): Promise<{ site: Site; publicFiles: PublicFile[]; drafts: string[]; scheduled: string[]; warnings: Problem[] }> {
  const content = await loadContent(contentDir, namesRelativeTo);
  const problems: Problem[] = [...content.problems];
  const config =
    content.siteConfig === undefined
      ? undefined
      : parseSiteConfig(content.siteConfig.file, content.siteConfig.text, baseUrl, {
          images: await describeImages(content.publicFiles),
        });
  const sources = drafts ? content.articles : content.articles.filter((source) => !isDraft(source));
  if (config === undefined || Array.isArray(config)) {
    if (Array.isArray(config)) problems.push(...config);
    // The records are still checked, against what can be read of the settings: one run shows everything.
    problems.push(
      ...checkArticles(
        content.siteConfig && declaredAuthorIds(content.siteConfig.text),
        content.siteConfig === undefined ? [] : declaredOwnFields(content.siteConfig.text),
        sources,
      ),
    );
    throw new ContentError(
      problems.length > 0
        ? problems
        : [
            {
              file: shown(join(contentDir, 'site.yaml'), namesRelativeTo),
              field: '(file)',
              message: 'expected site settings, found none',
            },
          ],
    );
  }
  const leftOut = content.articles.filter((source) => !sources.includes(source)).map((source) => source.file);
  const read = readArticles(config, sources);
  problems.push(...read.problems);
  const at = now.getTime();
  const articles = future ? read.articles : read.articles.filter((article) => !isScheduled(article, at));
  const scheduled = read.articles.filter((article) => !articles.includes(article)).map((a) => a.sourcePath);
  if (problems.length === 0 && articles.length === 0 && content.articles.length > 0)
    problems.push(nothingPublished(shown(join(contentDir, 'articles'), namesRelativeTo), scheduled.length > 0));
  if (problems.length > 0) throw new ContentError(problems);
  return {
    site: createSite(config, articles, at),
    publicFiles: content.publicFiles,
    drafts: leftOut,
    scheduled,
    warnings: [...read.warnings, ...config.warnings],
  };
}
