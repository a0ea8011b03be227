/**
 * `feeds.opml` (OPML 2.0, https://opml.org/spec2.opml): every feed of the site, for subscribing in bulk,
 * one outline a stream, by its RSS feed (its Atom and JSON feeds carry the same items, and a reader given
 * all three would show each article three times): the site's, then each section's, tag's and author's
 * that has feeds (`feeds.streams`), grouped by kind.
 */
import { OPML_PATH, type OutputFile, type Site } from '../model.js';
import { siteStreams, streamFeeds } from '../streams.js';
import { labelsFor } from './html.js';
import { languageSites } from '../languages.js';
import { languageName } from './language-index.js';
import { formatRfc822 } from './rfc822.js';
import { textAsHtml } from './rss.js';
import { el, renderXml, type XmlElement } from './xml.js';

/**
 * OPML 2.0 lets `text` hold HTML, so the title is escaped as HTML in it: `R&D` must not read as an entity.
 * `title` is the feed's title, which the spec says "should not be omitted" (the W3C validator warns without it).
 */
function outline(title: string, page: string, rss: string): XmlElement {
  const text = textAsHtml(title);
  return el('outline', [], { type: 'rss', text, title: text, xmlUrl: rss, htmlUrl: page });
}

/** The site's feed, then its streams' by kind; of a site of several languages, one outline of these a language. */
export function renderOpml(site: Site): OutputFile {
  const feeds = (view: Site): XmlElement[] => [outline(view.title, view.url, view.feeds.rss), ...streamGroups(view)];
  const body =
    site.languages === undefined
      ? feeds(site)
      : languageSites(site).map((view) =>
          el('outline', feeds(view), { text: textAsHtml(languageName(view.language)) }),
        );
  const opml = el(
    'opml',
    [
      el('head', [
        el('title', site.title),
        el('dateCreated', formatRfc822(site.updated)),
        el('ownerName', site.publisher.name),
      ]),
      el('body', body),
    ],
    { version: '2.0' },
  );
  return { path: OPML_PATH, contents: renderXml(opml) };
}

function streamGroups(site: Site): XmlElement[] {
  const labels = labelsFor(site.language);
  const streams = siteStreams(site);
  return site.streamFeeds
    .filter((kind) => streams[kind].length > 0)
    .map((kind) =>
      el(
        'outline',
        streams[kind].map((stream) => outline(`${site.title} — ${stream.name}`, stream.url, streamFeeds(stream).rss)),
        { text: textAsHtml(labels.lists[kind]) },
      ),
    );
}
