/**
 * The site-wide files: one list of renderers, which the build, its incremental rebuild and the dev
 * server all render from. Each is a pure function of the model, and says what it reads of it, so
 * that a caller that keeps earlier files knows when one is still right.
 */
import { type Article, feedArticles, lastUpdated, newsArticles, type OutputFile, type Site } from '../model.js';
import { archiveMonths, monthOf, newestArchive } from './archive-months.js';
import { archiveFiles } from './archives.js';
import { renderAtom } from './atom.js';
import { renderHeaders } from './headers.js';
import { homePages, item } from './home-page.js';
import { labelsFor, type SafeHtml } from './html.js';
import { renderJsonFeed } from './jsonfeed.js';
import { renderNewsSitemap } from './news-sitemap.js';
import { renderNotFoundPage } from './not-found-page.js';
import { renderRobots } from './robots.js';
import { renderRss } from './rss.js';
import { pageImages, renderSitemaps } from './sitemap.js';
import { renderOpml } from './opml.js';
import { inEachLanguage, inputsInEachLanguage } from '../languages.js';
import { renderLanguageIndex } from './language-index.js';
import { streamFeedFiles } from './stream-feeds.js';
import { streamIndexes, streamPages } from './stream-pages.js';
import { allStreams, type Stream } from '../streams.js';

/** What callers that render again and again keep between calls, for sites of the same settings. */
export interface RenderMemo {
  /** The home page's list items, by article object (an edited record is a new object). */
  items: WeakMap<Article, SafeHtml>;
}

export interface SiteFileRenderer {
  name:
    | 'home'
    | 'feeds'
    | 'archives'
    | 'sitemaps'
    | 'news-sitemap'
    | 'robots'
    | 'not-found'
    | 'headers'
    | 'stream-pages'
    | 'stream-indexes'
    | 'stream-feeds'
    | 'opml';
  /** `listed`: every article as listed (`listedArticle` in model.ts); `newest`: the feeds' newest, whole. */
  reads: 'listed' | 'newest';
  /**
   * Its files, made one at a time as they are asked for: a caller that writes each as it comes holds
   * one file at a time (the streams' pages and feeds of a large site are most of its size).
   */
  render(site: Site, memo?: RenderMemo): Iterable<OutputFile>;
  /**
   * For the renderers of files of each stream (streams.ts): the files of one stream; `render` gives
   * every stream's, in the order of `allStreams`. An incremental build reuses each stream's on its own.
   */
  stream?(site: Site, stream: Stream, memo: RenderMemo): Iterable<OutputFile>;
  /**
   * Every value its bytes depend on besides the settings: equal values (`===`), equal bytes. None
   * for the files that cost too little to be worth comparing: they are always rendered.
   */
  inputs?(site: Site, memo: RenderMemo): unknown[];
}

/** In the order of `BuildResult.files` (the article pages go after the home page). */
export const SITE_FILES: readonly SiteFileRenderer[] = [
  {
    name: 'home',
    reads: 'listed',
    *render(site, memo) {
      yield* inEachLanguage(site, (view) => homePages(view, memo === undefined ? {} : { items: memo.items }));
      yield* renderLanguageIndex(site);
    },
    inputs: (site, memo) =>
      inputsInEachLanguage(site, (view) => [
        view.updated.iso,
        ...view.articles.map((article) => listItem(view, memo, article).text),
      ]),
  },
  {
    name: 'feeds',
    reads: 'newest',
    render: (site) => inEachLanguage(site, (view) => [renderRss(view), renderAtom(view), renderJsonFeed(view)]),
    inputs: (site) =>
      inputsInEachLanguage(site, (view) => [view.updated.iso, newestArchive(view), ...feedArticles(view)]),
  },
  {
    name: 'archives',
    reads: 'listed',
    render: (site) => inEachLanguage(site, archiveFiles),
    inputs(site) {
      // Now's month closes the month before it (its `next-archive`) and opens its own.
      const inputs: unknown[] = [monthOf(site.now)];
      for (const article of site.articles) {
        inputs.push(article.id, article.url, article.title, article.description, article.datePublished.iso);
        inputs.push(lastUpdated(article).iso, article.section, article.lang);
      }
      return inputs;
    },
  },
  {
    name: 'sitemaps',
    reads: 'listed',
    render: (site) => renderSitemaps(site),
    inputs(site) {
      const inputs: unknown[] = [site.updated.iso];
      for (const article of site.articles) {
        inputs.push(article.url, lastUpdated(article).iso, pageImages(site, article).join('\n'));
        inputs.push(article.lang, article.translationOf);
      }
      // The streams' sitemap: which streams there are, and the articles of their first pages.
      inputs.push(
        ...inputsInEachLanguage(site, (view) =>
          allStreams(view).flatMap((stream) => [
            stream.url,
            ...stream.articles.slice(0, view.pageSize).map((article) => article.url),
          ]),
        ),
      );
      return inputs;
    },
  },
  {
    name: 'news-sitemap',
    reads: 'listed',
    render: (site) => [renderNewsSitemap(site)],
    // Now moves the window: equal articles in it, equal bytes.
    inputs: (site) =>
      newsArticles(site).flatMap((article) => [article.url, article.title, article.lang, article.datePublished.iso]),
  },
  { name: 'robots', reads: 'listed', render: (site) => renderRobots(site) },
  { name: 'not-found', reads: 'listed', render: (site) => [renderNotFoundPage(site)] },
  {
    name: 'headers',
    reads: 'listed',
    render: (site) => [renderHeaders(site)],
    inputs: (site) => [
      site.deployRoot,
      ...inputsInEachLanguage(site, (view) =>
        archiveMonths(view).map(({ month, closed }) => `${month}${closed ? '' : ' open'}`),
      ),
      ...site.articles.map((article) => article.path),
      // Each language's streams' folders, and which kinds have feeds (settings: equal for one memo).
      ...inputsInEachLanguage(site, (view) => allStreams(view).map((stream) => stream.path)),
    ],
  },
  {
    name: 'stream-pages',
    reads: 'listed',
    render: (site, memo) => inEachLanguage(site, (view) => eachStream(view, memo, streamPagesOf)),
    stream: streamPagesOf,
    inputs: (site, memo) =>
      inputsInEachLanguage(site, (view) => [
        view.updated.iso,
        ...view.articles.flatMap((article) => [listItem(view, memo, article).text, ...streamInputs(article)]),
      ]),
  },
  {
    name: 'stream-indexes',
    reads: 'listed',
    render: (site) => inEachLanguage(site, streamIndexes),
    inputs: (site) =>
      inputsInEachLanguage(site, (view) => [
        view.updated.iso,
        ...allStreams(view).map((stream) => `${stream.path}\n${stream.name}\n${stream.articles.length}`),
      ]),
  },
  {
    name: 'stream-feeds',
    reads: 'listed',
    render: (site, memo) =>
      inEachLanguage(site, (view) => eachStream(view, memo, (edition, stream) => streamFeedFiles(edition, stream))),
    stream: (site, stream) => streamFeedFiles(site, stream),
    inputs: (site, memo) =>
      inputsInEachLanguage(site, (view) => [
        view.updated.iso,
        ...view.articles.flatMap((article) => [listItem(view, memo, article).text, ...streamInputs(article)]),
      ]),
  },
  { name: 'opml', reads: 'listed', render: (site) => [renderOpml(site)] },
];

/** What a stream's pages and feeds read of an article besides its list item: its streams, and its feeds' fields. */
function streamInputs(article: Article): unknown[] {
  return [
    article.id,
    article.tags.join('\n'),
    article.authors.map((author) => `${author.name}\n${author.url}\n${author.page}`).join('\n'),
    lastUpdated(article).iso,
    article.image?.url,
  ];
}

/** One stream's list pages, each article's list item made once for all the lists that show it. */
function streamPagesOf(site: Site, stream: Stream, memo: RenderMemo): Iterable<OutputFile> {
  return streamPages(site, stream, (article) => listItem(site, memo, article));
}

/** The files of every stream in turn, one stream's made only when the previous one's were taken. */
function* eachStream(
  site: Site,
  memo: RenderMemo | undefined,
  files: (site: Site, stream: Stream, memo: RenderMemo) => Iterable<OutputFile>,
): Generator<OutputFile> {
  const made = memo ?? { items: new WeakMap() };
  for (const stream of allStreams(site)) yield* files(site, stream, made);
}

/** The article's list item (home-page.ts), made once for all the lists that show it. */
function listItem(site: Site, memo: RenderMemo, article: Article): SafeHtml {
  let made = memo.items.get(article);
  if (made === undefined) {
    made = item(site, article, labelsFor(site.language));
    memo.items.set(article, made);
  }
  return made;
}

/** Every site-wide file, in the order of `SITE_FILES`. */
export function renderSiteFiles(site: Site): OutputFile[] {
  return [...siteFiles(site)];
}

/** `renderSiteFiles`, one file at a time, for a caller that writes each as it comes. */
export function* siteFiles(site: Site, memo: RenderMemo = { items: new WeakMap() }): Generator<OutputFile> {
  for (const renderer of SITE_FILES) yield* renderer.render(site, memo);
}

/** The site-wide files that read every article as listed, but each stream's own (`renderStream`), home page first. */
export function* renderListings(site: Site, memo: RenderMemo): Generator<OutputFile> {
  for (const renderer of SITE_FILES) {
    if (renderer.reads === 'listed' && renderer.stream === undefined) yield* renderer.render(site, memo);
  }
}

/** The feeds: they read the newest `site.feedLimit` articles whole, with their HTML. */
export function* renderFeeds(site: Site): Generator<OutputFile> {
  for (const renderer of SITE_FILES) if (renderer.reads === 'newest') yield* renderer.render(site);
}

/** One stream's own files (its pages, its feeds): they read its articles as listed, and its name. */
export function* renderStream(site: Site, stream: Stream, memo: RenderMemo): Generator<OutputFile> {
  for (const renderer of SITE_FILES) if (renderer.stream !== undefined) yield* renderer.stream(site, stream, memo);
}
