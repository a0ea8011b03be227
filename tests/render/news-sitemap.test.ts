/**
 * The News sitemap (src/render/news-sitemap.ts): validated by libxml2 against the sitemaps.org urlset
 * with Google's News extension (tests/helpers/news-sitemap.ts), read back with fast-xml-parser and
 * compared field by field.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Article, OutputFile } from '../../src/model.js';
import { newsLanguage, renderNewsSitemap } from '../../src/render/news-sitemap.js';
import { dateTime, makeArticle, makeSite } from '../fixtures/factories.js';
import { validateNewsSitemap as validate } from '../helpers/news-sitemap.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

interface NewsEntry {
  loc: string;
  'news:news': {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
}
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'url' });
function read(file: OutputFile): { '@_xmlns': string; '@_xmlns:news': string; url?: NewsEntry[] } {
  if (typeof file.contents !== 'string') throw new Error('expected a text file');
  return (parser.parse(file.contents) as { urlset: ReturnType<typeof read> }).urlset;
}

const NOW = Date.parse('2024-03-10T12:00:00Z');
const HOUR = 3600_000;
/** An article published `hours` before NOW (negative: after it), written in Paris time. */
function hoursBefore(hours: number, overrides: Partial<Article> = {}): Article {
  const at = new Date(NOW - hours * HOUR + 3600_000).toISOString().slice(0, 19);
  return makeArticle({
    slug: `h${hours}`,
    url: `https://depeche.example/articles/h${hours}/`,
    title: `Article de ${hours} h`,
    datePublished: dateTime(`${at}+01:00`),
    ...overrides,
  });
}

describe('renderNewsSitemap', () => {
  it('lists the articles of the 48 hours before now, newest first, each with its publication, date and title', () => {
    const articles = [-1, 0, 1, 30, 47.9, 48, 49, 500].map((hours) => hoursBefore(hours));
    articles[2] = hoursBefore(1, { lang: 'en-GB', title: 'Des « guillemets » & <balises>' });
    const file = renderNewsSitemap(makeSite({ articles, now: NOW }));
    expect(file.path).toBe('news-sitemap.xml');
    expect(validate(file.contents as string)).toBe(4);
    const urlset = read(file);
    expect(urlset['@_xmlns']).toBe(SITEMAP_NS);
    expect(urlset['@_xmlns:news']).toBe(NEWS_NS);
    expect(urlset.url).toEqual(
      [0, 1, 30, 47.9].map((hours, index) => ({
        loc: `https://depeche.example/articles/h${hours}/`,
        'news:news': {
          'news:publication': { 'news:name': 'Dépêche', 'news:language': index === 1 ? 'en' : 'fr' },
          'news:publication_date': articles[index + 1]?.datePublished.iso,
          'news:title': index === 1 ? 'Des « guillemets » & <balises>' : `Article de ${hours} h`,
        },
      })),
    );
    for (const entry of urlset.url ?? [])
      expect(entry['news:news']['news:publication_date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });

  it('is checked by a schema that refuses what Google refuses', () => {
    const good = renderNewsSitemap(makeSite({ articles: [hoursBefore(1)], now: NOW })).contents as string;
    expect(validate(good)).toBe(1);
    const broken = [
      good.replace('<news:language>fr</news:language>', '<news:language>fr-ca</news:language>'),
      good.replace(/<news:title>.*<\/news:title>/, ''),
      good.replace(/<news:publication_date>[^<]*</, '<news:publication_date>10 mars 2024<'),
    ];
    for (const xml of broken) expect(() => validate(xml)).toThrow();
  });

  it('writes an empty, valid urlset when no article is in the window', () => {
    const file = renderNewsSitemap(makeSite({ articles: [hoursBefore(72)], now: NOW }));
    expect(validate(file.contents as string)).toBe(0);
    expect(read(file).url).toBeUndefined();
  });

  it('lists at most 1,000 articles, the newest', () => {
    const articles = Array.from({ length: 1500 }, (_, i) => hoursBefore(i / 60));
    const urlset = read(renderNewsSitemap(makeSite({ articles, now: NOW })));
    expect(urlset.url).toHaveLength(1000);
    expect(urlset.url?.[999]?.loc).toBe(articles[999]?.url);
  });
});

describe('newsLanguage', () => {
  it('gives the ISO 639 code, and zh-cn or zh-tw for Chinese', () => {
    const cases: [string, string][] = [
      ['fr', 'fr'],
      ['fr-CA', 'fr'],
      ['EN-gb', 'en'],
      ['fil-PH', 'fil'],
      ['zh', 'zh-cn'],
      ['zh-CN', 'zh-cn'],
      ['zh-Hans-HK', 'zh-cn'],
      ['zh-Hant', 'zh-tw'],
      ['zh-TW', 'zh-tw'],
      ['zh-HK', 'zh-tw'],
    ];
    for (const [tag, code] of cases) expect(newsLanguage(tag), tag).toBe(code);
  });
});
