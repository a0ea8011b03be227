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

export function renderSite(site: Site): OutputFile[] {
  return [
    renderHomePage(site),
    ...site.articles.flatMap((article) => renderArticlePage(site, article)),
    renderRss(site),
    renderAtom(site),
    renderJsonFeed(site),
    ...renderSitemaps(site),
    renderRobots(site),
    renderNotFoundPage(site),
    renderHeaders(site),
  ];
}
