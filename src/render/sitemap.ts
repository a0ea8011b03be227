/**
 * The sitemaps per sitemaps.org: `sitemap.xml` is always a `sitemapindex`, of the `urlset`s of the
 * home page and every article (`sitemap-1.xml`, `sitemap-2.xml`… of `maxUrls` URLs each), of the
 * streams' first pages (streams-sitemap.ts) and of the News sitemap (news-sitemap.ts), so that robots.txt
 * names one file whatever the site's size. The News sitemap's entry has no `lastmod`: it changes with the
 * build's now, which the index does not read.
 */
import { type DateTime, type OutputFile, type Site, lastUpdated } from '../model.js';
import { NEWS_SITEMAP_PATH } from './news-sitemap.js';
import { STREAMS_SITEMAP_PATH, streamsUrlset } from './streams-sitemap.js';
import { el, renderXml, renderXmlList, type XmlElement } from './xml.js';

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export interface SitemapOptions {
  /** Most URLs one sitemap file may list (sitemaps.org allows 50,000). @default 50000 */
  maxUrls?: number;
}

export function renderSitemaps(site: Site, options: SitemapOptions = {}): OutputFile[] {
  const maxUrls = options.maxUrls ?? 50_000;
  if (!Number.isInteger(maxUrls) || maxUrls < 1)
    throw new RangeError(`maxUrls must be a positive integer, got ${maxUrls}`);
  // The home page, then every article: URL i of the site is the article i - 1.
  const count = site.articles.length + 1;
  const files: OutputFile[] = [];
  const sitemaps: XmlElement[] = [];
  for (let start = 0, i = 1; start < count; start += maxUrls, i++) {
    const end = Math.min(start + maxUrls, count);
    files.push({ path: `sitemap-${i}.xml`, contents: urlset(site, start, end) });
    sitemaps.push(
      el('sitemap', [
        el('loc', new URL(`sitemap-${i}.xml`, site.url).href),
        el('lastmod', newest(site, start, end).iso),
      ]),
    );
  }
  const streams = streamsUrlset(site, NS);
  if (streams !== undefined) {
    files.push({ path: STREAMS_SITEMAP_PATH, contents: streams.contents });
    sitemaps.push(
      el('sitemap', [el('loc', new URL(STREAMS_SITEMAP_PATH, site.url).href), el('lastmod', streams.lastmod.iso)]),
    );
  }
  sitemaps.push(el('sitemap', [el('loc', new URL(NEWS_SITEMAP_PATH, site.url).href)]));
  return [{ path: 'sitemap.xml', contents: renderXml(el('sitemapindex', sitemaps, { xmlns: NS })) }, ...files];
}

/** URL `index` of the site: its address and its last update. */
function entry(site: Site, index: number): { loc: string; lastmod: DateTime } {
  const article = site.articles[index - 1];
  return index === 0 || article === undefined
    ? { loc: site.url, lastmod: site.updated }
    : { loc: article.url, lastmod: lastUpdated(article) };
}

/**
 * URLs `start` to `end` (excluded) as a `urlset`, one `url` element made at a time. Through
 * `renderXmlList`, which escapes as `renderXml` does (xmlbuilder2 alone leaves an `&` that looks
 * like an entity unescaped, and a site at `https://x.example/a&amp;b/` was listed as
 * `https://x.example/a&b/`), without a DOM of 50,000 elements.
 */
function urlset(site: Site, start: number, end: number): string {
  function* urls(): Generator<XmlElement> {
    for (let index = start; index < end; index++) {
      const { loc, lastmod } = entry(site, index);
      yield el('url', [el('loc', loc), el('lastmod', lastmod.iso)]);
    }
  }
  return renderXmlList('urlset', { xmlns: NS }, urls());
}

/** The latest update of URLs `start` to `end` (excluded); the first one wins a tie. */
function newest(site: Site, start: number, end: number): DateTime {
  let latest = entry(site, start).lastmod;
  for (let index = start + 1; index < end; index++) {
    const { lastmod } = entry(site, index);
    if (lastmod.epochMs > latest.epochMs) latest = lastmod;
  }
  return latest;
}
