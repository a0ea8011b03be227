/**
 * The sitemaps per sitemaps.org: `sitemap.xml` is always a `sitemapindex`, of the `urlset`s of the
 * home page and every article (`sitemap-1.xml`, `sitemap-2.xml`… of `maxUrls` URLs each), of the
 * streams' first pages (streams-sitemap.ts) and of the News sitemap (news-sitemap.ts), so that robots.txt
 * names one file whatever the site's size. The News sitemap's entry has no `lastmod`: it changes with the
 * build's now, which the index does not read.
 * Each article's `url` lists the pictures its page shows (`image:image`, Google's image extension).
 */
import { sitePathOf } from '../content/local-image.js';
import { languageSites } from '../languages.js';
import { alternatesOf, translationsOf } from '../translations.js';
import { type Article, type DateTime, type OutputFile, type Site, lastUpdated } from '../model.js';
import { NEWS_SITEMAP_PATH } from './news-sitemap.js';
import { STREAMS_SITEMAP_PATH, streamsUrlset } from './streams-sitemap.js';
import { el, renderXml, renderXmlList, type XmlElement } from './xml.js';

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** Google's image extension: https://developers.google.com/search/docs/crawling-indexing/sitemaps/image-sitemaps */
export const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';
/** Google's `xhtml:link` alternates of a page in other languages. */
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export interface SitemapOptions {
  /** Most URLs one sitemap file may list (sitemaps.org allows 50,000). @default 50000 */
  maxUrls?: number;
}

export function renderSitemaps(site: Site, options: SitemapOptions = {}): OutputFile[] {
  const maxUrls = options.maxUrls ?? 50_000;
  if (!Number.isInteger(maxUrls) || maxUrls < 1)
    throw new RangeError(`maxUrls must be a positive integer, got ${maxUrls}`);
  // The home pages (one a language), then every article.
  const homes = homePages(site);
  const count = homes.length + site.articles.length;
  const files: OutputFile[] = [];
  const sitemaps: XmlElement[] = [];
  for (let start = 0, i = 1; start < count; start += maxUrls, i++) {
    const end = Math.min(start + maxUrls, count);
    files.push({ path: `sitemap-${i}.xml`, contents: urlset(site, homes, start, end) });
    sitemaps.push(
      el('sitemap', [
        el('loc', new URL(`sitemap-${i}.xml`, site.url).href),
        el('lastmod', newest(site, homes, start, end).iso),
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

interface Entry {
  loc: string;
  lastmod: DateTime;
  /** The pictures its page shows. */
  images: readonly string[];
}

/**
 * The home page; of a site of several languages, each language's, after the root's language index when every
 * language has its folder (language-index.ts).
 */
function homePages(site: Site): Entry[] {
  const root = site.languages === undefined || site.languages[0]?.path !== '' ? [site] : [];
  const views = site.languages === undefined ? [] : languageSites(site);
  return [...root, ...views].map((view) => ({ loc: view.url, lastmod: view.updated, images: [] }));
}

/** URL `index` of the site, the home pages first: its address, its last update and the pictures its page shows. */
function entry(site: Site, homes: readonly Entry[], index: number): Entry {
  const home = homes[index];
  if (home !== undefined) return home;
  const article = site.articles[index - homes.length] as Article;
  return { loc: article.url, lastmod: lastUpdated(article), images: pageImages(site, article) };
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
function urlset(site: Site, homes: readonly Entry[], start: number, end: number): string {
  const { sets } = translationsOf(site.articles);
  function* urls(): Generator<XmlElement> {
    for (let index = start; index < end; index++) {
      const { loc, lastmod, images } = entry(site, homes, index);
      const set = index < homes.length ? undefined : sets.get((site.articles[index - homes.length] as Article).id);
      const alternates = (set === undefined ? [] : alternatesOf(set)).map(({ hreflang, href }) =>
        el('xhtml:link', [], { rel: 'alternate', hreflang, href }),
      );
      const pictures = images.map((url) => el('image:image', [el('image:loc', url)]));
      yield el('url', [el('loc', loc), el('lastmod', lastmod.iso), ...alternates, ...pictures]);
    }
  }
  // Each namespace is declared once, on the root, and only where it is used: a site without translations or
  // pictures keeps its bytes.
  let pictured = false;
  for (let index = start; index < end && !pictured; index++) pictured = entry(site, homes, index).images.length > 0;
  return renderXmlList(
    'urlset',
    {
      xmlns: NS,
      ...(sets.size === 0 ? {} : { 'xmlns:xhtml': XHTML_NS }),
      ...(pictured ? { 'xmlns:image': IMAGE_NS } : {}),
    },
    urls(),
  );
}

/** The latest update of URLs `start` to `end` (excluded); the first one wins a tie. */
function newest(site: Site, homes: readonly Entry[], start: number, end: number): DateTime {
  let latest = entry(site, homes, start).lastmod;
  for (let index = start + 1; index < end; index++) {
    const { lastmod } = entry(site, homes, index);
    if (lastmod.epochMs > latest.epochMs) latest = lastmod;
  }
  return latest;
}
