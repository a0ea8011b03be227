/**
 * Each stream's RSS, Atom and JSON Feed, in its folder (`tags/ia/feed.xml`, `atom.xml`, `feed.json`), for
 * the kinds `site.streamFeeds` names: the main feeds' renderers, given the stream's view of the site
 * (`streamSite`: its articles, title, page, feed URLs, no archives).
 */
import type { OutputFile, Site } from '../model.js';
import { allStreams, type Stream, streamSite } from '../streams.js';
import { renderAtom } from './atom.js';
import { renderJsonFeed } from './jsonfeed.js';
import { renderRss } from './rss.js';

export function renderStreamFeeds(site: Site): OutputFile[] {
  return allStreams(site).flatMap((stream) => streamFeedFiles(site, stream));
}

/** One stream's three feeds; none when `site.streamFeeds` leaves out its kind. */
export function streamFeedFiles(site: Site, stream: Stream): OutputFile[] {
  if (!site.streamFeeds.includes(stream.kind)) return [];
  const view = streamSite(site, stream);
  return [renderRss(view), renderAtom(view), renderJsonFeed(view)].map((file) => ({
    path: stream.path + file.path,
    contents: file.contents,
  }));
}
