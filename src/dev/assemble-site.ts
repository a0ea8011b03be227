/**
 * The site of the records the dev server keeps (see `record-model.ts`), assembled as a full build
 * assembles it (build.ts), with the same problems in the same order: the records that
 * could not be read, then each record's own problems or, for a valid one, those across records
 * (one slug, one id), in file-name order; then a site of drafts only; then the local files named
 * and missing; then the files of `public/` that a page would overwrite. Nothing is read and no
 * record's page is rendered here.
 */
import { dirname, join } from 'node:path';
import { shown } from '../content/load.js';
import { missingLocalFiles, publicOrWritten, withFieldLines } from '../content/local-files.js';
import { articleFolders, crossRecordChecks } from '../content/records.js';
import type { Problem } from '../errors.js';
import type { Article, OutputFile, Site } from '../model.js';
import { createSite } from '../site.js';
import { type RecordModel, type RecordRead, sourceOf, wholeArticle } from './record-model.js';
import { renderSiteWideFiles, type SiteFilesMemo } from './site-wide-files.js';

export type Assembled =
  | { ok: true; site: Site; siteFiles: OutputFile[]; warnings: Problem[] }
  | { ok: false; problems: Problem[] }
  /** No record left: build in full. */
  | { ok: 'full' };

/** `siteFiles`: what the previous assemblies of this model rendered (see `site-wide-files.ts`). */
export function assembleSite(model: RecordModel, siteFiles: SiteFilesMemo): Assembled {
  if (model.names.length === 0) return { ok: 'full' };
  const unreadable: Problem[] = [];
  let problems: Problem[] = [];
  // What the valid records hold that the outputs do not carry, in file-name order (as a build gives them).
  const warnings: Problem[] = [];
  // The valid records' articles without their HTML body, by record file name.
  const valid = new Map<string, Article>();
  const publicPaths = new Set(model.publicFiles.map((file) => file.path));
  const collisions = new Set<string>();
  for (const name of model.names) {
    const entry = model.entries.get(name);
    if (entry === undefined || entry.kind === 'draft') continue;
    if (entry.kind === 'unreadable') {
      unreadable.push(...entry.problems);
      continue;
    }
    const { outcome } = entry;
    if ('problems' in outcome) {
      problems.push(...outcome.problems);
      continue;
    }
    valid.set(name, outcome.article);
    warnings.push(...outcome.warnings);
    if (publicPaths.size > 0)
      for (const page of outcome.pages) if (publicPaths.has(page.path)) collisions.add(page.path);
  }
  // Two records with one slug or id: their problems again, in file-name order with the others.
  if (sharesSlugOrId(valid.values())) problems = acrossRecords(model);
  const all = [...unreadable, ...problems];
  if (all.length === 0 && valid.size === 0) {
    all.push({
      file: shown(model.content.articlesDir, model.content.namesRelativeTo),
      field: '(folder)',
      message: 'expected at least one article that is not a draft, found only drafts (build them with --drafts)',
    });
  }
  if (all.length > 0) return { ok: false, problems: all };
  const site = createSite(model.config, inLastOrder(model, valid), model.now());
  model.order = site.articles.map((article) => model.lightArticles.get(article) ?? '');
  // The feeds carry the HTML of the newest articles; the model keeps it for those only.
  const newest = new Set<RecordRead>();
  for (let index = 0; index < Math.min(site.feedLimit, site.articles.length); index++) {
    const entry = model.entries.get(model.order[index] ?? '');
    const whole = entry?.kind === 'record' ? wholeArticle(model, entry) : undefined;
    if (entry?.kind === 'record') newest.add(entry);
    if (whole !== undefined) site.articles[index] = whole;
  }
  for (const entry of model.wholes) {
    if (newest.has(entry)) continue;
    delete entry.whole;
    model.wholes.delete(entry);
  }
  const files = renderSiteWideFiles(site, siteFiles);
  const missing = missingFiles(model, site, publicPaths, files);
  if (missing.length > 0) return { ok: false, problems: missing };
  for (const file of files) if (publicPaths.has(file.path)) collisions.add(file.path);
  if (collisions.size > 0) {
    return {
      ok: false,
      problems: model.publicFiles
        .filter((file) => collisions.has(file.path))
        .map((file) => ({
          file: file.file,
          field: '(file)',
          message: `expected a file the build does not write itself, found ${JSON.stringify(file.path)}`,
        })),
    };
  }
  return { ok: true, site, siteFiles: files, warnings: [...warnings, ...model.config.warnings] };
}

/**
 * The local files the settings and the records name that are in neither `public/` nor what the build writes
 * (the valid records' pages, the site-wide files), as a build reports them: a record's `image.src` at its line
 * in the record's text. The written paths are gathered only when an image is not in `public/`, which is rare.
 */
function missingFiles(
  model: RecordModel,
  site: Site,
  publicPaths: ReadonlySet<string>,
  siteFiles: readonly OutputFile[],
): Problem[] {
  const written = (): string[] => [
    ...siteFiles.map((file) => file.path),
    ...[...model.entries.values()].flatMap((entry) =>
      entry.kind === 'record' && 'pages' in entry.outcome ? entry.outcome.pages.map((page) => page.path) : [],
    ),
  ];
  const missing = missingLocalFiles({
    site,
    articles: site.articles,
    paths: publicOrWritten(publicPaths, written),
    settings: model.content.siteConfig,
    // The content folder's `public/`, beside `articles/`, named as the build names it.
    publicDir: shown(join(dirname(model.content.articlesDir), 'public'), model.content.namesRelativeTo),
  });
  if (missing.length === 0) return missing;
  const texts = new Map<string, string>();
  for (const entry of model.entries.values())
    if (entry.kind === 'record' && missing.some((problem) => problem.file === entry.file))
      texts.set(entry.file, sourceOf(entry).text);
  return withFieldLines(missing, texts);
}

/** Each record's own problems or, for a valid one, those across records, in file-name order. */
function acrossRecords(model: RecordModel): Problem[] {
  const problems: Problem[] = [];
  const across = crossRecordChecks(model.config.url, articleFolders(model.config));
  for (const name of model.names) {
    const entry = model.entries.get(name);
    if (entry?.kind !== 'record') continue;
    if ('problems' in entry.outcome) problems.push(...entry.outcome.problems);
    else problems.push(...across(sourceOf(entry), entry.outcome.record));
  }
  return problems;
}

/**
 * Whether two articles share a slug or an id: the only problems `crossRecordChecks` finds, on the
 * same values (an article's `slug` and `id` are the record's, defaulted by the same rule), so that
 * the checks, which make each default id again, run only when they have something to report. The
 * articles' strings are kept from one rebuild to the next, with their hashes.
 */
function sharesSlugOrId(articles: Iterable<Article>): boolean {
  const slugs = new Set<string>();
  const ids = new Set<string>();
  for (const article of articles) {
    if (slugs.has(article.path) || ids.has(article.id)) return true;
    slugs.add(article.path);
    ids.add(article.id);
  }
  return false;
}

/**
 * The articles in the order of the last site assembled, the new ones last: `createSite` sorts them
 * newest first, and a list sorted but for the records edited sorts in one pass.
 */
function inLastOrder(model: RecordModel, valid: Map<string, Article>): Article[] {
  const articles: Article[] = [];
  const left = new Map(valid);
  for (const name of model.order) {
    const article = left.get(name);
    if (article === undefined) continue;
    articles.push(article);
    left.delete(name);
  }
  articles.push(...left.values());
  return articles;
}
