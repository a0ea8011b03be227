/**
 * `sitemap.xml` per sitemaps.org: a `urlset` of the home page and every article. Past `maxUrls`
 * URLs, the URLs go to `sitemap-1.xml`, `sitemap-2.xml`… and `sitemap.xml` becomes their
 * `sitemapindex`.
 */
import { type DateTime, type OutputFile, type Site, lastUpdated } from '../model.js';
import { el, renderXml } from './xml.js';

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export interface SitemapOptions {
  /** Most URLs one sitemap file may list (sitemaps.org allows 50,000). @default 50000 */
  maxUrls?: number;
}

interface Entry {
  loc: string;
  lastmod: DateTime;
}

export function renderSitemaps(site: Site, options: SitemapOptions = {}): OutputFile[] {
  const maxUrls = options.maxUrls ?? 50_000;
  if (!Number.isInteger(maxUrls) || maxUrls < 1) throw new RangeError(`maxUrls must be a positive integer, got ${maxUrls}`);
  const entries: Entry[] = [
    { loc: site.url, lastmod: site.updated },
    ...site.articles.map((article) => ({ loc: article.url, lastmod: lastUpdated(article) })),
  ];
  if (entries.length <= maxUrls) return [{ path: 'sitemap.xml', contents: urlset(entries) }];

  const chunks: Entry[][] = [];
  for (let i = 0; i < entries.length; i += maxUrls) chunks.push(entries.slice(i, i + maxUrls));
  const files = chunks.map((chunk, i) => ({ path: `sitemap-${i + 1}.xml`, contents: urlset(chunk) }));
  const index = el(
    'sitemapindex',
    chunks.map((chunk, i) => el('sitemap', [el('loc', new URL(`sitemap-${i + 1}.xml`, site.url).href), el('lastmod', newest(chunk).iso)])),
    { xmlns: NS },
  );
  return [{ path: 'sitemap.xml', contents: renderXml(index) }, ...files];
}

/**
 * Through `renderXml`, like the feeds: xmlbuilder2 alone leaves an `&` that looks like an entity
 * unescaped, and a site at `https://x.example/a&amp;b/` was listed as `https://x.example/a&b/`.
 */
function urlset(entries: readonly Entry[]): string {
  return renderXml(el('urlset', entries.map((entry) => el('url', [el('loc', entry.loc), el('lastmod', entry.lastmod.iso)])), { xmlns: NS }));
}

function newest(entries: readonly Entry[]): DateTime {
  return entries.reduce((a, b) => (b.lastmod.epochMs > a.lastmod.epochMs ? b : a)).lastmod;
}
