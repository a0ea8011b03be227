/**
 * `news-sitemap.xml`, per Google's News sitemap rules
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap): the articles
 * of the 48 hours before the build's now (`newsArticles`), each with its publication's name and
 * language, its publication date and its title. An empty window is an empty, valid `urlset`.
 */
import { newsArticles, type OutputFile, type Site } from '../model.js';
import { el, renderXml } from './xml.js';

export const NEWS_SITEMAP_PATH = 'news-sitemap.xml';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

export function renderNewsSitemap(site: Site): OutputFile {
  const urls = newsArticles(site).map((article) =>
    el('url', [
      el('loc', article.url),
      el('news:news', [
        el('news:publication', [el('news:name', site.publisher.name), el('news:language', newsLanguage(article.lang))]),
        el('news:publication_date', article.datePublished.iso),
        el('news:title', article.title),
      ]),
    ]),
  );
  return {
    path: NEWS_SITEMAP_PATH,
    contents: renderXml(el('urlset', urls, { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS })),
  };
}

/**
 * A BCP 47 tag as Google's `news:language` wants it: the ISO 639 code (the primary subtag, 2 or 3
 * letters), but `zh-cn` for Simplified and `zh-tw` for Traditional Chinese, told by the script
 * subtag, else by the region (Hong Kong, Macao and Taiwan write Traditional), else Simplified.
 */
export function newsLanguage(tag: string): string {
  const [primary = '', ...rest] = tag.toLowerCase().split('-');
  if (primary !== 'zh') return primary;
  if (rest.includes('hant')) return 'zh-tw';
  if (rest.includes('hans')) return 'zh-cn';
  return rest.some((subtag) => subtag === 'tw' || subtag === 'hk' || subtag === 'mo') ? 'zh-tw' : 'zh-cn';
}
