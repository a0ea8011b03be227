/**
 * The archived feeds (RFC 5005 §4) of a site of 2,000 articles over five years, read back with
 * independent parsers (fast-xml-parser, JSON.parse, libxml2's RELAX NG for Atom): every month has its
 * documents, each article is in exactly one month, the chains lead from the subscription feeds
 * through every month, and a closed month's bytes do not move when an article is published today.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Article, OutputFile, Site } from '../../src/model.js';
import { renderArchives } from '../../src/render/archives.js';
import { SITE_FILES } from '../../src/render/index.js';
import { newestFirst } from '../../src/site.js';
import { assertValidAtom } from '../helpers/atom-schema.js';
import { dateTime, makeArticle, makeSite } from '../fixtures/factories.js';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const DAY = 86_400_000;

/** 2,000 articles, one every 21 h 54 min back from now (5 years), with a gap of 40 days: a month without any. */
function articles(count: number, from = NOW): Article[] {
  const made: Article[] = [];
  for (let index = 0; index < count; index++) {
    const epochMs = from - index * 78_840_000 - (index > 1000 ? 40 * DAY : 0);
    const iso = new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    made.push(makeArticle({ slug: `article-${index}`, title: `Article ${index} & <b>`, datePublished: dateTime(iso) }));
  }
  return made.sort(newestFirst);
}

function siteOf(list: Article[], now = NOW): Site {
  return makeSite({ articles: list, now, updated: list[0]?.datePublished ?? dateTime('2026-01-01T00:00:00Z') });
}

const text = (file: OutputFile | undefined): string => String(file?.contents ?? '');
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Character references too (`&#x26;`), as an XML parser reads them.
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'atom:link'].includes(name),
});

interface Followed {
  documents: string[];
  ids: string[];
}

/** Follows `prev-archive` (RSS, Atom) or `next_url` (JSON Feed) from `start`, as a reader going back in time. */
function follow(files: Map<string, string>, start: string, format: 'rss' | 'atom' | 'json'): Followed {
  const documents: string[] = [];
  const ids: string[] = [];
  let url: string | undefined = start;
  while (url !== undefined) {
    if (documents.includes(url)) throw new Error(`the chain loops at ${url}`);
    documents.push(url);
    const body = files.get(url);
    if (body === undefined) throw new Error(`the chain leads to ${url}, which the build does not write`);
    if (format === 'json') {
      const feed = JSON.parse(body) as { next_url?: string; items: { id: string }[] };
      if (documents.length > 1) ids.push(...feed.items.map((item) => item.id));
      url = feed.next_url;
      continue;
    }
    const parsed = xml.parse(body);
    const root = format === 'rss' ? parsed.rss.channel : parsed.feed;
    const links = (root[format === 'rss' ? 'atom:link' : 'link'] ?? []) as { rel: string; href: string }[];
    if (documents.length > 1) {
      expect(root['fh:archive'], url).toBe('');
      const items = (root[format === 'rss' ? 'item' : 'entry'] ?? []) as { guid?: { '#text': string }; id?: string }[];
      ids.push(...items.map((item) => (format === 'rss' ? (item.guid?.['#text'] ?? '') : (item.id ?? ''))));
    }
    url = links.find((link) => link.rel === 'prev-archive')?.href;
  }
  return { documents, ids };
}

describe('archived feeds', () => {
  const list = articles(2000);
  const site = siteOf(list);
  const files = SITE_FILES.flatMap((renderer) => [...renderer.render(site)]);
  const byUrl = new Map(files.map((file) => [site.url + file.path, text(file)]));
  const archives = renderArchives(site);
  const months = [...new Set(archives.map((file) => file.path.replace(/\.\w+$/, '')))];

  it('has every month from the oldest article to now, in three formats', () => {
    const oldest = list[list.length - 1]?.datePublished.iso.slice(0, 7) ?? '';
    expect(months[0]).toBe(`feeds/archive/${oldest.replace('-', '/')}`);
    expect(months[months.length - 1]).toBe('feeds/archive/2026/12');
    expect(months.length).toBeGreaterThanOrEqual(60);
    expect(archives).toHaveLength(months.length * 3);
    for (const month of months) {
      expect(archives.map((file) => file.path)).toEqual(
        expect.arrayContaining([`${month}.xml`, `${month}.atom`, `${month}.json`]),
      );
    }
  });

  it('reaches every article exactly once from each subscription feed', () => {
    const all = list.map((article) => article.id).sort();
    for (const [start, format] of [
      [site.feeds.rss, 'rss'],
      [site.feeds.atom, 'atom'],
      [site.feeds.json, 'json'],
    ] as const) {
      const walked = follow(byUrl, start, format);
      expect(walked.documents).toHaveLength(months.length + 1);
      expect([...walked.ids].sort(), format).toEqual(all);
    }
  });

  it('links each month to its neighbours and to the current feed, and marks it fh:archive', () => {
    const feb = xml.parse(byUrl.get(`${site.url}feeds/archive/2025/02.atom`) ?? '').feed;
    const rels = Object.fromEntries((feb.link as { rel: string; href: string }[]).map((link) => [link.rel, link.href]));
    expect(rels).toMatchObject({
      self: `${site.url}feeds/archive/2025/02.atom`,
      current: site.feeds.atom,
      'prev-archive': `${site.url}feeds/archive/2025/01.atom`,
      'next-archive': `${site.url}feeds/archive/2025/03.atom`,
    });
    const newest = xml.parse(byUrl.get(`${site.url}feeds/archive/2026/12.xml`) ?? '').rss.channel;
    const rssRels = (newest['atom:link'] as { rel: string }[]).map((link) => link.rel);
    expect(rssRels).toEqual(['self', 'current', 'prev-archive']);
  });

  it('writes valid Atom for every month, an empty one too', () => {
    const empty = archives.find((file) => file.path.endsWith('.atom') && !text(file).includes('<entry>'));
    expect(empty, 'a month without articles').toBeDefined();
    for (const file of archives.filter((candidate) => candidate.path.endsWith('.atom'))) assertValidAtom(text(file));
  });

  it('escapes titles that look like markup, as the subscription feeds do', () => {
    const rss = xml.parse(byUrl.get(`${site.url}feeds/archive/2026/11.xml`) ?? '').rss.channel;
    expect(rss.item[0].title).toMatch(/^Article \d+ & <b>$/);
    const json = JSON.parse(byUrl.get(`${site.url}feeds/archive/2026/11.json`) ?? '') as { items: { title: string }[] };
    expect(json.items[0]?.title).toMatch(/^Article \d+ & <b>$/);
  });

  it('keeps every closed month byte-identical when an article is published today', () => {
    const later = NOW + 3 * 3_600_000;
    const added = makeArticle({
      slug: 'nouveau',
      datePublished: dateTime(new Date(later).toISOString().replace(/\.\d{3}Z$/, '+00:00')),
    });
    const next = renderArchives(siteOf([added, ...list].sort(newestFirst), later));
    const before = new Map(archives.map((file) => [file.path, text(file)]));
    const changed = next.filter((file) => before.get(file.path) !== text(file)).map((file) => file.path);
    expect(changed).toEqual(['feeds/archive/2026/12.xml', 'feeds/archive/2026/12.atom', 'feeds/archive/2026/12.json']);
  });

  it('closes a month once now is past it: its next-archive is written once, then it stays', () => {
    const january = Date.parse('2027-01-02T08:00:00Z');
    const inJanuary = renderArchives(siteOf(list, january));
    const december = inJanuary.find((file) => file.path === 'feeds/archive/2026/12.atom');
    expect(text(december)).toContain('rel="next-archive"');
    const inFebruary = renderArchives(siteOf(list, Date.parse('2027-02-02T08:00:00Z')));
    expect(text(inFebruary.find((file) => file.path === 'feeds/archive/2026/12.atom'))).toBe(text(december));
  });
});
