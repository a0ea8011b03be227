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
  return [
    renderHomePage(site),
    ...site.articles.flatMap((article, index) => {
      const files = renderArticlePage(site, article);
      onArticle?.(index + 1, total);
      return files;
    }),
    renderRss(site),
    renderAtom(site),
    renderJsonFeed(site),
    ...renderSitemaps(site),
    renderRobots(site),
    renderNotFoundPage(site),
    renderHeaders(site),
  ];
}
