/**
 * `sitemap.xml` per sitemaps.org: a `urlset` of the home page and every article. Past `maxUrls`
 * URLs, the URLs go to `sitemap-1.xml`, `sitemap-2.xml`… and `sitemap.xml` becomes their
 * `sitemapindex`.
 */
import { create } from 'xmlbuilder2';
import { type DateTime, type OutputFile, type Site, lastUpdated } from '../model.js';

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
  const index = document().ele(NS, 'sitemapindex');
  chunks.forEach((chunk, i) => {
    const sitemap = index.ele(NS, 'sitemap');
    sitemap.ele(NS, 'loc').txt(new URL(`sitemap-${i + 1}.xml`, site.url).href);
    sitemap.ele(NS, 'lastmod').txt(newest(chunk).iso);
  });
  return [{ path: 'sitemap.xml', contents: index.end({ prettyPrint: true }) + '\n' }, ...files];
}

function document() {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
}

function urlset(entries: readonly Entry[]): string {
  const root = document().ele(NS, 'urlset');
  for (const entry of entries) {
    const url = root.ele(NS, 'url');
    url.ele(NS, 'loc').txt(entry.loc);
    url.ele(NS, 'lastmod').txt(entry.lastmod.iso);
  }
  return root.end({ prettyPrint: true }) + '\n';
}

function newest(entries: readonly Entry[]): DateTime {
  return entries.reduce((a, b) => (b.lastmod.epochMs > a.lastmod.epochMs ? b : a)).lastmod;
}
