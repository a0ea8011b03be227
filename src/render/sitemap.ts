/**
 * The sitemaps per sitemaps.org: `sitemap.xml` is always a `sitemapindex`, of the `urlset`s of the
 * home page and every article (`sitemap-1.xml`, `sitemap-2.xml`… of `maxUrls` URLs each) and of the
 * News sitemap (news-sitemap.ts), so that robots.txt names one file whatever the site's size. The
 * News sitemap's entry has no `lastmod`: it changes with the build's now, which the index does not read.
 * Each article's `url` lists the pictures its page shows (`image:image`, Google's image extension).
 */
import { sitePathOf } from '../content/local-image.js';
import { type Article, type DateTime, type OutputFile, type Site, lastUpdated } from '../model.js';
import { NEWS_SITEMAP_PATH } from './news-sitemap.js';
import { el, renderXml, renderXmlList, type XmlElement } from './xml.js';

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** Google's image extension: https://developers.google.com/search/docs/crawling-indexing/sitemaps/image-sitemaps */
export const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';

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
  sitemaps.push(el('sitemap', [el('loc', new URL(NEWS_SITEMAP_PATH, site.url).href)]));
  return [{ path: 'sitemap.xml', contents: renderXml(el('sitemapindex', sitemaps, { xmlns: NS })) }, ...files];
}

/** URL `index` of the site: its address, its last update, and the pictures its page shows. */
function entry(site: Site, index: number): { loc: string; lastmod: DateTime; images: readonly string[] } {
  const article = site.articles[index - 1];
  return index === 0 || article === undefined
    ? { loc: site.url, lastmod: site.updated, images: [] }
    : { loc: article.url, lastmod: lastUpdated(article), images: pageImages(site, article) };
}

/** Google's image sitemap extension reads at most this many `image:image` a URL. */
export const MAX_IMAGES_PER_URL = 1000;

/**
 * The pictures an article page shows, each once, for the image sitemap: its own image, then those of its body
 * in order; a processed one as its largest JPEG (the page's largest candidate in the format every crawler
 * reads). Not the site's default image, which the page does not show. At most `MAX_IMAGES_PER_URL`.
 */
export function pageImages(site: Pick<Site, 'url'>, article: Article): string[] {
  const urls = new Set<string>();
  const { image } = article;
  if (image !== undefined) urls.add(image.local?.widths.at(-1)?.jpeg.url ?? image.url);
  const pictures = new Map((article.bodyPictures ?? []).map((picture) => [picture.source, picture]));
  for (const { url } of article.bodyImages) {
    const path = sitePathOf(site.url, url);
    const largest = path === undefined ? undefined : pictures.get(path)?.widths.at(-1);
    urls.add(largest?.jpeg.url ?? url);
  }
  return [...urls].slice(0, MAX_IMAGES_PER_URL);
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
      const { loc, lastmod, images } = entry(site, index);
      const pictures = images.map((url) => el('image:image', [el('image:loc', url)]));
      yield el('url', [el('loc', loc), el('lastmod', lastmod.iso), ...pictures]);
    }
  }
  // The namespace is declared once, on the root, and only in a file that has pictures.
  let pictured = false;
  for (let index = start; index < end && !pictured; index++) pictured = entry(site, index).images.length > 0;
  return renderXmlList('urlset', { xmlns: NS, ...(pictured ? { 'xmlns:image': IMAGE_NS } : {}) }, urls());
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
