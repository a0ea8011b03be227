/**
 * The site-wide files of the dev server's site, as `renderSiteFiles` renders them (same files,
 * same order, same bytes: `tests/dev/incremental-site.test.ts` checks both), made again after each
 * edit with what is known from the previous ones, for one site's settings (a new model, a new
 * memo):
 * - the home page reads the settings, `site.updated` and each article's list item (`item`, kept
 *   by article object): it is rendered again only when one of those differs (an edit of a body,
 *   say, changes no item);
 * - the feeds read the settings, `site.updated` and the newest `feedLimit` articles alone: they are
 *   rendered again only when one of those articles (a new object once its record is edited) or
 *   `updated` differs;
 * - the sitemaps read each article's `url` and last update, and `updated`: the same test on those.
 * - the headers read each article's `path` (its folder): the same test on those.
 * The rest (robots.txt, the 404 page) costs little and is always rendered. The files kept are
 * kept as bytes.
 */
import { type Article, feedArticles, lastUpdated, type OutputFile, type Site } from '../model.js';
import { renderAtom } from '../render/atom.js';
import { renderHeaders } from '../render/headers.js';
import { item, renderHomePage } from '../render/home-page.js';
import { labelsFor, type SafeHtml } from '../render/html.js';
import { renderJsonFeed } from '../render/jsonfeed.js';
import { renderNotFoundPage } from '../render/not-found-page.js';
import { renderRobots } from '../render/robots.js';
import { renderRss } from '../render/rss.js';
import { renderSitemaps } from '../render/sitemap.js';

export interface SiteFilesMemo {
  items: WeakMap<Article, SafeHtml>;
  home?: { inputs: readonly unknown[]; file: OutputFile };
  feeds?: { inputs: readonly unknown[]; files: OutputFile[] };
  sitemaps?: { inputs: readonly unknown[]; files: OutputFile[] };
  headers?: { inputs: readonly unknown[]; file: OutputFile };
}

export function createSiteFilesMemo(): SiteFilesMemo {
  return { items: new WeakMap() };
}

/** `renderSiteFiles(site)`, reusing what `memo` kept of the previous calls; `memo` is updated. */
export function renderSiteWideFiles(site: Site, memo: SiteFilesMemo): OutputFile[] {
  const feedInputs = [site.updated.iso, ...feedArticles(site)];
  if (memo.feeds === undefined || !sameInputs(memo.feeds.inputs, feedInputs)) {
    memo.feeds = { inputs: feedInputs, files: [renderRss(site), renderAtom(site), renderJsonFeed(site)].map(asBytes) };
  }
  const sitemapInputs: unknown[] = [site.updated.iso];
  for (const article of site.articles) sitemapInputs.push(article.url, lastUpdated(article).iso);
  if (memo.sitemaps === undefined || !sameInputs(memo.sitemaps.inputs, sitemapInputs)) {
    memo.sitemaps = { inputs: sitemapInputs, files: renderSitemaps(site).map(asBytes) };
  }
  const headerInputs = [site.deployRoot, ...site.articles.map((article) => article.path)];
  if (memo.headers === undefined || !sameInputs(memo.headers.inputs, headerInputs)) {
    memo.headers = { inputs: headerInputs, file: asBytes(renderHeaders(site)) };
  }
  const labels = labelsFor(site.language);
  const homeInputs: unknown[] = [site.updated.iso];
  for (const article of site.articles) {
    let made = memo.items.get(article);
    if (made === undefined) memo.items.set(article, (made = item(site, article, labels)));
    homeInputs.push(made.text);
  }
  if (memo.home === undefined || !sameInputs(memo.home.inputs, homeInputs)) {
    memo.home = { inputs: homeInputs, file: asBytes(renderHomePage(site, { items: memo.items })) };
  }
  return [
    memo.home.file,
    ...memo.feeds.files,
    ...memo.sitemaps.files,
    ...renderRobots(site),
    renderNotFoundPage(site),
    memo.headers.file,
  ];
}

/**
 * The file with its contents as UTF-8 bytes: what is kept is half the size of French text held
 * as a JavaScript string (two bytes a character), and outside the V8 heap.
 */
function asBytes(file: OutputFile): OutputFile {
  return typeof file.contents === 'string' ? { path: file.path, contents: Buffer.from(file.contents) } : file;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
