/**
 * The work of one record in a build: read and validate it alone, resolve it into an Article, render
 * its page and its JSON-LD. Pure, and the same wherever it runs, in the build's thread or a worker.
 * The checks across records (one slug, one id) are the caller's: they need every record in order.
 */
import type { SiteConfig } from './config.js';
import type { ArticleRecord, articleSchema } from './content/article-schema.js';
import type { SourceFile } from './content/load.js';
import { modelRecord } from './content/records.js';
import type { Problem } from './errors.js';
import type { Article, OutputFile, SiteSettings } from './model.js';
import { settingsFor } from './languages.js';
import { renderArticlePage } from './render/article-page.js';
import { ThemeError, themeProblem } from './theme/engine.js';

export type RecordOutcome =
  | { problems: Problem[] }
  | { record: ArticleRecord; article: Article; files: OutputFile[]; warnings: Problem[] };

/** `site` is what the pages read of the site: its settings alone. */
export function renderRecord(
  config: SiteConfig,
  schema: ReturnType<typeof articleSchema>,
  site: SiteSettings,
  source: SourceFile,
): RecordOutcome {
  const modelled = modelRecord(config, schema, source);
  if ('problems' in modelled) return modelled;
  // In a site of several languages, a page reads the settings of its language's view (languages.ts).
  try {
    return { ...modelled, files: renderArticlePage(settingsFor(site, modelled.article.lang), modelled.article) };
  } catch (error) {
    // A theme's template that fails on this record's page is the build's problem, named at the template.
    if (error instanceof ThemeError) return { problems: [themeProblem(error, source.file)] };
    throw error;
  }
}
