/**
 * The site's WebSub topics: the documents a subscriber follows and a hub is told of when they
 * change. The feeds, the streams' feeds too, and the home page, which names the hubs as every page does;
 * of a site of several languages, every language's, each in its folder (languages.ts).
 */
import { languageSites } from '../languages.js';
import { FEED_PATHS, type Site } from '../model.js';
import { allStreams, streamSite } from '../streams.js';

export interface Topic {
  /** Its public URL: what the hub knows it by (`hub.url`). */
  url: string;
  /** Its file in the output folder. */
  path: string;
}

export function websubTopics(site: Site): Topic[] {
  return languageSites(site).flatMap(editionTopics);
}

/** One language's topics, the paths from the site's root. */
function editionTopics(site: Site): Topic[] {
  const folder = site.edition?.path ?? '';
  const streams = allStreams(site)
    .filter((stream) => site.streamFeeds.includes(stream.kind))
    .flatMap((stream): Topic[] => {
      const { feeds } = streamSite(site, stream);
      return [
        { url: feeds.rss, path: folder + stream.path + FEED_PATHS.rss },
        { url: feeds.atom, path: folder + stream.path + FEED_PATHS.atom },
        { url: feeds.json, path: folder + stream.path + FEED_PATHS.json },
      ];
    })
    // By path: the order of the pings does not follow the order the streams are found in.
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return [
    { url: site.feeds.rss, path: folder + FEED_PATHS.rss },
    { url: site.feeds.atom, path: folder + FEED_PATHS.atom },
    { url: site.feeds.json, path: folder + FEED_PATHS.json },
    { url: site.url, path: `${folder}index.html` },
    ...streams,
  ];
}
