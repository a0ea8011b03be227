/** Assembles the model: the resolved settings and the articles, sorted newest first. Pure. */
import type { SiteConfig } from './config.js';
import { frozenFreeValue } from './content/fields.js';
import { FEED_PATHS, lastUpdated, type Article, type Site, type SiteSettings } from './model.js';

/** `now` (ms since the epoch) is the build's: the articles given must be those published by then. */
export function createSite(config: SiteConfig, articles: readonly Article[], now: number): Site {
  if (articles.length === 0) throw new Error('a site needs at least one article');
  const sorted = [...articles].sort(newestFirst);
  // Frozen when modelled (content/resolve.ts), but an article copied from a worker or the build cache is not.
  for (const article of sorted) frozenFreeValue(article.extra);
  const newest = sorted.map(lastUpdated).reduce((latest, date) => (date.epochMs > latest.epochMs ? date : latest));
  return { ...siteForPages(config), articles: sorted, updated: newest, now };
}

/** What the article pages read of the site: its settings, known before any record is read. */
export function siteForPages(config: SiteConfig): SiteSettings {
  // The site's own feeds, which the pages of no language's view offer (the 404 page), are the default language's.
  const feeds = config.url + (config.languages?.[0]?.path ?? '');
  return {
    url: config.url,
    title: config.title,
    description: config.description,
    language: config.language,
    ...(config.timeZone === undefined ? {} : { timeZone: config.timeZone }),
    ...(config.languages === undefined ? {} : { languages: config.languages }),
    publisher: config.publisher,
    ...(config.image === undefined ? {} : { image: config.image }),
    ...(config.logo === undefined ? {} : { logo: config.logo }),
    ...(config.favicon === undefined ? {} : { favicon: config.favicon }),
    feedLimit: config.feedLimit,
    deployRoot: config.deployRoot,
    hubs: config.hubs,
    pageSize: config.pageSize,
    streamFeeds: config.streamFeeds,
    authors: [...config.authors.values()],
    ...(config.navigation.length === 0 ? {} : { navigation: config.navigation }),
    ...(config.theme === undefined ? {} : { theme: config.theme }),
    feeds: {
      rss: feeds + FEED_PATHS.rss,
      atom: feeds + FEED_PATHS.atom,
      json: feeds + FEED_PATHS.json,
    },
  };
}

/** The order of `site.articles`: newest first, ties broken by id. */
export function newestFirst(a: Article, b: Article): number {
  return b.datePublished.epochMs - a.datePublished.epochMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
