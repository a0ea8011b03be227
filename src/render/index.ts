/** Every output of the site, in memory: the renderers are pure functions of the model. */
import type { OutputFile, Site } from '../model.js';
import { renderArticlePage } from './article-page.js';
import { renderAtom } from './atom.js';
import { renderHeaders } from './headers.js';
import { renderHomePage } from './home-page.js';
import { renderJsonFeed } from './jsonfeed.js';
import { renderNotFoundPage } from './not-found-page.js';
import { renderRobots } from './robots.js';
import { renderRss } from './rss.js';
import { renderSitemaps } from './sitemap.js';

/** `onArticle`, when given, is called after each article page with the count rendered so far. */
export function renderSite(site: Site, onArticle?: (done: number, total: number) => void): OutputFile[] {
  const total = site.articles.length;
  const [home, ...rest] = renderSiteFiles(site);
  return [
    ...(home === undefined ? [] : [home]),
    ...site.articles.flatMap((article, index) => {
      const files = renderArticlePage(site, article);
      onArticle?.(index + 1, total);
      return files;
    }),
    ...rest,
  ];
}

/**
 * Every output but the article pages, in the order `renderSite` gives them: the home page, then
 * the feeds, sitemaps, robots.txt, 404 page and headers. The feeds read `contentHtml` of the newest
 * `site.feedLimit` articles only.
 */
export function renderSiteFiles(site: Site): OutputFile[] {
  const [home, ...rest] = renderListings(site);
  return [...(home === undefined ? [] : [home]), ...renderFeeds(site), ...rest];
}

/**
 * The site-wide files that read every article as listed (`listedArticle` in model.ts): the home
 * page, the sitemaps, robots.txt, the 404 page and the headers, home page first.
 */
export function renderListings(site: Site): OutputFile[] {
  return [
    renderHomePage(site),
    ...renderSitemaps(site),
    ...renderRobots(site),
    renderNotFoundPage(site),
    renderHeaders(site),
  ];
}

/** The feeds: they read the newest `site.feedLimit` articles whole, with their HTML. */
export function renderFeeds(site: Site): OutputFile[] {
  return [renderRss(site), renderAtom(site), renderJsonFeed(site)];
}
