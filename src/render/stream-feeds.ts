/**
 * Each stream's RSS, Atom and JSON Feed, in its folder (`tags/ia/feed.xml`, `atom.xml`, `feed.json`), for
 * the kinds `site.streamFeeds` names: the main feeds' renderers, given the stream's view of the site
 * (`streamSite`: its articles, title, page, feed URLs, no archives).
 */
import type { OutputFile, Site } from '../model.js';
import { allStreams, streamSite } from '../streams.js';
import { renderAtom } from './atom.js';
import { renderJsonFeed } from './jsonfeed.js';
import { renderRss } from './rss.js';

export function renderStreamFeeds(site: Site): OutputFile[] {
  return allStreams(site)
    .filter((stream) => site.streamFeeds.includes(stream.kind))
    .flatMap((stream) => {
      const view = streamSite(site, stream);
      return [renderRss(view), renderAtom(view), renderJsonFeed(view)].map((file) => ({
        path: stream.path + file.path,
        contents: file.contents,
      }));
    });
}
