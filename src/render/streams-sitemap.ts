/**
 * `sitemap-streams.xml`: the first page of each section, tag and author, and the indexes of the sections,
 * tags and authors, a `urlset` the sitemap index lists (sitemap.ts). A stream's page 2 and later are left
 * out: their contents move down with every new article, so that a `lastmod` of theirs says nothing a crawler
 * can use, and each is reached from the first page by `rel="next"`. Each first page's `lastmod` is the last
 * update among the articles it lists; an index's, the site's last update.
 */
import { type DateTime, lastUpdated, type Site } from '../model.js';
import { languageSites } from '../languages.js';
import { siteStreams } from '../streams.js';
import { el, renderXmlList, type XmlElement } from './xml.js';

export const STREAMS_SITEMAP_PATH = 'sitemap-streams.xml';

/** The streams' urlset, with the latest `lastmod` of its entries; none when the site has no stream. */
export function streamsUrlset(site: Site, ns: string): { contents: string; lastmod: DateTime } | undefined {
  const entries: { loc: string; lastmod: DateTime }[] = [];
  // A site of several languages has the streams of each in its folder (languages.ts).
  for (const view of languageSites(site)) {
    const streams = siteStreams(view);
    for (const kind of ['sections', 'tags', 'authors'] as const) {
      if (streams[kind].length === 0) continue;
      entries.push({ loc: `${view.url}${kind}/`, lastmod: view.updated });
      for (const stream of streams[kind]) {
        const listed = stream.articles.slice(0, view.pageSize).map(lastUpdated);
        const lastmod = listed.reduce((a, b) => (b.epochMs > a.epochMs ? b : a), listed[0] ?? view.updated);
        entries.push({ loc: stream.url, lastmod });
      }
    }
  }
  if (entries.length === 0) return undefined;
  function* urls(): Generator<XmlElement> {
    for (const { loc, lastmod } of entries) yield el('url', [el('loc', loc), el('lastmod', lastmod.iso)]);
  }
  const lastmod = entries.reduce((a, b) => (b.lastmod.epochMs > a.lastmod.epochMs ? b : a)).lastmod;
  return { contents: renderXmlList('urlset', { xmlns: ns }, urls()), lastmod };
}
