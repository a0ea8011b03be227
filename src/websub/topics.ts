/**
 * The site's WebSub topics: the documents a subscriber follows and a hub is told of when they
 * change. The feeds, and the home page, which names the hubs too (render/home-page.ts).
 */
import { FEED_PATHS, type SiteSettings } from '../model.js';

export interface Topic {
  /** Its public URL: what the hub knows it by (`hub.url`). */
  url: string;
  /** Its file in the output folder. */
  path: string;
}

export function websubTopics(site: SiteSettings): Topic[] {
  return [
    { url: site.feeds.rss, path: FEED_PATHS.rss },
    { url: site.feeds.atom, path: FEED_PATHS.atom },
    { url: site.feeds.json, path: FEED_PATHS.json },
    { url: site.url, path: 'index.html' },
  ];
}
