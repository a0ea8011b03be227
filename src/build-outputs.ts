/**
 * The outputs of a build as a stream: each record is read, checked, rendered and handed on before
 * the next one is read, so that a build holds the model (every article without its HTML body, but
 * the feed's) and never every page. The pages show the year of the site's last update, which only
 * the last record read may tell: it is guessed first from the records' date lines (see
 * `content/updated-guess.ts`) and checked at the end; a wrong guess throws `MissedUpdated`, and the
 * build runs again with the date it then knows.
 */
import type { SiteConfig } from './config.js';
import { readArticle, type OpenedContent, type SourceFile } from './content/load.js';
import { crossRecordChecks } from './content/records.js';
import { isDraft } from './drafts.js';
import { ContentError, type Problem } from './errors.js';
import type { Article, DateTime, OutputFile, Site } from './model.js';
import { renderSiteFiles } from './render/index.js';
import { createRecordRenderer } from './render-pool.js';
import { memoKey, type RenderMemo, useSettings } from './render-memo.js';
import type { RecordOutcome } from './render-record.js';
import { createSite, newestFirst } from './site.js';

export interface StreamOptions {
  drafts: boolean;
  /** Keeps every file, in `renderSite`'s order, for `BuildOutcome.files`. */
  keepFiles: boolean;
  /** The site's last update as far as it is known before the records are read. */
  updated: DateTime;
  /** What records rendered to in the previous builds of this process (the dev server); updated here. */
  memo?: RenderMemo;
  /** Called after each record with the count read so far and the count of records. */
  onRecord?: (done: number, total: number) => void;
}

/** What a stream leaves once it has ended. */
export interface BuildOutcome {
  site?: Site;
  files: OutputFile[];
  fileCount: number;
  drafts: string[];
}

/** The site's last update was not the one guessed: build again with this one. */
export class MissedUpdated extends Error {
  constructor(readonly updated: DateTime) {
    super('the guess of the site’s last update was wrong');
  }
}

export async function* siteOutputs(content: OpenedContent, config: SiteConfig, options: StreamOptions, outcome: BuildOutcome): AsyncGenerator<OutputFile> {
  const across = crossRecordChecks(config.url);
  const problems: Problem[] = [];
  const articles: Article[] = [];
  const feed = newestArticles(config.feedLimit);
  const publicPaths = new Set(content.publicFiles.map((file) => file.path));
  const collisions = new Set<string>();
  const pages = new Map<string, OutputFile[]>();
  const hand = (file: OutputFile): OutputFile => {
    if (publicPaths.has(file.path)) collisions.add(file.path);
    outcome.fileCount++;
    return file;
  };
  const take = function* (source: SourceFile, rendered: RecordOutcome): Generator<OutputFile> {
    if ('problems' in rendered) {
      problems.push(...rendered.problems);
      return;
    }
    problems.push(...across(source, rendered.record));
    feed.offer(articles.length, rendered.article);
    articles.push({ ...rendered.article, contentHtml: '' });
    // Once a record has a problem the build will fail: the rest are only checked.
    if (problems.length > 0 || content.problems.length > 0) return;
    if (options.keepFiles) pages.set(rendered.article.path, rendered.files);
    for (const file of rendered.files) yield hand(file);
  };
  const { memo } = options;
  if (memo !== undefined) useSettings(memo, config, options.updated);
  // With a memo filled by a previous build, few records are rendered: no pool for them.
  const renderer = createRecordRenderer(config, options.updated, memo !== undefined && memo.outcomes.size > 0 ? 0 : content.articleNames.length);
  const seen = new Map<string, RecordOutcome>();
  // The records in hand, oldest first: they are taken in file-name order whatever finishes first.
  const inHand: { source: SourceFile; rendered: Promise<RecordOutcome> }[] = [];
  let read = 0;
  try {
    for (const [index, name] of content.articleNames.entries()) {
      const source = await readArticle(content, name);
      options.onRecord?.(index + 1, content.articleNames.length);
      if (source === undefined) continue;
      read++;
      if (!options.drafts && isDraft(source)) {
        outcome.drafts.push(source.file);
        continue;
      }
      const key = memo === undefined ? '' : memoKey(source);
      const known = memo?.outcomes.get(key);
      const rendered = known === undefined ? renderer.render(source) : Promise.resolve(known);
      rendered.catch(() => undefined); // awaited below, in order
      if (memo !== undefined) void rendered.then((outcome) => seen.set(key, outcome), () => undefined);
      inHand.push({ source, rendered });
      while (inHand.length >= renderer.window) {
        const first = inHand.shift();
        if (first !== undefined) yield* take(first.source, await first.rendered);
      }
    }
    for (let first = inHand.shift(); first !== undefined; first = inHand.shift()) yield* take(first.source, await first.rendered);
  } finally {
    await renderer.close();
  }
  // The memo keeps the records of this build only: a deleted or edited record's outcome goes.
  if (memo !== undefined) memo.outcomes = seen;
  const all = [...content.problems, ...problems];
  if (all.length === 0 && articles.length === 0 && read > 0) {
    all.push({ file: content.articlesDir, field: '(folder)', message: 'expected at least one article that is not a draft, found only drafts (build them with --drafts)' });
  }
  if (all.length > 0) throw new ContentError(all);
  feed.restore(articles);
  const site = createSite(config, articles);
  if (site.updated.iso.slice(0, 4) !== options.updated.iso.slice(0, 4)) throw new MissedUpdated(site.updated);
  const [home, ...rest] = renderSiteFiles(site).map(hand);
  if (collisions.size > 0) {
    throw new ContentError(
      content.publicFiles
        .filter((file) => collisions.has(file.path))
        .map((file) => ({ file: file.file, field: '(file)', message: `expected a file the build does not write itself, found ${JSON.stringify(file.path)}` })),
    );
  }
  const publicFiles = content.publicFiles.map(({ path, bytes }): OutputFile => hand({ path, contents: bytes }));
  if (options.keepFiles && home !== undefined) {
    outcome.files = [home, ...site.articles.flatMap((article) => pages.get(article.path) ?? []), ...rest, ...publicFiles];
  }
  outcome.site = site;
  if (home !== undefined) yield home;
  yield* rest;
  yield* publicFiles;
}

/** The newest `limit` articles whole (the feeds carry their HTML); the others are kept without it. */
function newestArticles(limit: number): { offer(index: number, article: Article): void; restore(articles: Article[]): void } {
  let kept: { index: number; article: Article }[] = [];
  return {
    offer(index, article) {
      const oldest = kept[kept.length - 1];
      if (kept.length >= limit && oldest !== undefined && newestFirst(article, oldest.article) >= 0) return;
      kept.push({ index, article });
      kept.sort((a, b) => newestFirst(a.article, b.article));
      if (kept.length > limit) kept = kept.slice(0, limit);
    },
    restore(articles) {
      for (const { index, article } of kept) articles[index] = article;
    },
  };
}
