import { XMLParser } from 'fast-xml-parser';
import { Feed } from 'feed';
import { parseAtomFeed, parseRssFeed, type RssFeed } from 'feedsmith';
import { XmlDocument } from 'libxml2-wasm';
import { parseFragment } from 'parse5';
import { describe, expect, it, vi } from 'vitest';
import type { Article, Site } from '../../src/model.js';
import { renderAtom } from '../../src/render/atom.js';
import { renderJsonFeed } from '../../src/render/jsonfeed.js';
import { formatRfc822 } from '../../src/render/rfc822.js';
import { renderRss } from '../../src/render/rss.js';
import { text } from '../helpers/html-reading.js';
import { dateTime, makeArticle, makeCitation, makeSite } from '../fixtures/factories.js';

const HOSTILE = 'A ]]> B ]]> C < & " \' </script> \u0001\u000B\uFFFE\uD800 D';
/** HOSTILE minus U+0001, U+000B, U+FFFE and the lone surrogate. */
const CLEAN = 'A ]]> B ]]> C < & " \' </script>  D';

/** Exact text: feedsmith trims values, fast-xml-parser (trimValues off) keeps them as written. */
const exact = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // Decodes character references (`&#x26;`) too; the feed holds no named entity beyond XML's five.
  htmlEntities: true,
  isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
});

interface ExactItem {
  title: string;
  description: string;
  'content:encoded': string;
  'dc:creator'?: string[];
}
interface ExactRss {
  rss: Record<string, string> & { channel: { item?: ExactItem[] } & Record<string, unknown> };
}

function rssText(site: Site): string {
  const file = renderRss(site);
  expect(file.path).toBe('feed.xml');
  if (typeof file.contents !== 'string') throw new Error('expected text');
  return file.contents;
}

function expectWellFormed(xml: string): void {
  XmlDocument.fromString(xml).dispose();
}

function items(site: Site): RssFeed.Item<string>[] {
  return parseRssFeed(rssText(site)).items ?? [];
}

/** `count` articles, one hour apart, newest first (as the model sorts them). */
function articles(count: number): Article[] {
  return Array.from({ length: count }, (_, i) =>
    makeArticle({
      slug: `a-${String(i).padStart(2, '0')}`,
      datePublished: dateTime(new Date(Date.UTC(2024, 1, 28, 9) - i * 3_600_000).toISOString().replace('.000Z', 'Z')),
    }),
  );
}

describe('renderRss: the document', () => {
  it('is well-formed, pretty-printed and ends with a newline', () => {
    const xml = rssText(makeSite());
    expectWellFormed(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss')).toBe(true);
    expect(xml.endsWith('</rss>\n')).toBe(true);
    expect(xml).toContain('\n    <item>\n');
  });

  it('declares the content, dc and atom namespaces on the root', () => {
    const root = (exact.parse(rssText(makeSite())) as ExactRss).rss;
    expect(root['@version']).toBe('2.0');
    expect(root['@xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(root['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(root['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
  });

  it('depends on the model only: not on the clock, nor on the time zone', () => {
    const site = makeSite();
    const first = rssText(site);
    const tz = process.env.TZ;
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2031-07-04T23:59:59Z'));
      process.env.TZ = 'Pacific/Kiritimati';
      expect(rssText(site)).toBe(first);
    } finally {
      vi.useRealTimers();
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('renderRss: the channel', () => {
  it('carries the site fields', () => {
    const site = makeSite({ updated: dateTime('2024-03-01T18:30:00+01:00') });
    const feed = parseRssFeed(rssText(site));
    expect(feed.title).toBe('Dépêche');
    expect(feed.link).toBe('https://depeche.example/');
    expect(feed.description).toBe('Un site de démonstration.');
    expect(feed.language).toBe('fr');
    expect(feed.lastBuildDate).toBe('Fri, 01 Mar 2024 18:30:00 +0100');
    expect(feed.generator).toBe('depeche');
    expect(feed.docs).toBe('https://www.rssboard.org/rss-specification');
    expect(feed.atom?.links).toEqual([
      { href: 'https://depeche.example/feed.xml', rel: 'self', type: 'application/rss+xml' },
      // The newest month of the archives (render/archives.ts): the month of now, 2024-03.
      { href: 'https://depeche.example/feeds/archive/2024/03.xml', rel: 'prev-archive', type: 'application/rss+xml' },
    ]);
  });

  it('leaves out an image wider than 144 pixels (the profile limit)', () => {
    expect(parseRssFeed(rssText(makeSite())).image).toBeUndefined(); // the factory logo is 600 × 60
  });

  it('includes an image that fits 144 × 400', () => {
    const site = makeSite();
    site.publisher.logo = { url: 'https://depeche.example/logo.png', alt: 'Dépêche', width: 144, height: 400 };
    expect(parseRssFeed(rssText(site)).image).toEqual({
      url: 'https://depeche.example/logo.png',
      title: 'Dépêche',
      link: 'https://depeche.example/',
      width: 144,
      height: 400,
    });
  });

  it.each([
    ['taller than 400 pixels', { width: 88, height: 401 }, 'logo.png'],
    ['in a format other than GIF, JPEG or PNG', { width: 88, height: 31 }, 'logo.svg'],
  ])('leaves out an image %s', (_why, size, file) => {
    const site = makeSite();
    site.publisher.logo = { url: `https://depeche.example/${file}`, alt: '', ...size };
    expect(parseRssFeed(rssText(site)).image).toBeUndefined();
  });
});

describe('renderRss: the items', () => {
  it('carries the article fields', () => {
    const article = makeArticle({
      authors: [
        { name: 'Camille Dupont', sameAs: [] },
        { name: 'Kai Zenner', url: 'https://depeche.example/auteurs/kai/', sameAs: [] },
      ],
    });
    const [item] = items(makeSite({ articles: [article] }));
    expect(item?.title).toBe('Un titre « français » & <spécial>');
    expect(item?.link).toBe('https://depeche.example/articles/un-article/');
    expect(item?.dc?.creators).toEqual(['Camille Dupont', 'Kai Zenner']);
    expect(item?.authors).toBeUndefined(); // dc:creator, not <author> (which wants an e-mail address)
    expect(item?.categories).toEqual([{ name: 'IA' }, { name: 'Europe' }]);
    expect(item?.pubDate).toBe('Wed, 28 Feb 2024 09:00:00 +0100');
    expect(item?.dc?.sources).toEqual(['https://source.example/article']);
    expect(item?.source).toBeUndefined();
  });

  it('gives the standfirst as HTML-escaped text and the body as content:encoded, exactly', () => {
    const article = makeArticle({ description: 'R&D <beta> « ok »' });
    const xml = rssText(makeSite({ articles: [article] }));
    const [item] = (exact.parse(xml) as ExactRss).rss.channel.item ?? [];
    // The profile reads an item description as HTML: once parsed, it is HTML that displays the text.
    expect(item?.description).toBe('R&amp;D &lt;beta&gt; « ok »');
    expect(item?.['content:encoded']).toBe(article.contentHtml);
    expect(xml.indexOf('<description>R&amp;amp;D')).toBeLessThan(xml.indexOf('<content:encoded>'));
  });

  it('marks the guid as a permalink only when the id is the URL', () => {
    const site = makeSite({
      articles: [makeArticle({ slug: 'a' }), makeArticle({ slug: 'b', id: 'tag:depeche.example,2024:b' })],
    });
    const [a, b] = items(site);
    expect(a?.guid).toEqual({ value: 'https://depeche.example/articles/a/', isPermaLink: true });
    expect(b?.guid).toEqual({ value: 'tag:depeche.example,2024:b', isPermaLink: false });
    expect(b?.link).toBe('https://depeche.example/articles/b/');
  });

  it('writes pubDate in RFC 822 with the article’s own offset', () => {
    const site = makeSite({
      articles: [
        makeArticle({ slug: 'a', datePublished: dateTime('2024-02-28T09:00:00+01:00') }),
        makeArticle({ slug: 'b', datePublished: dateTime('2024-02-28T23:30:00-05:30') }),
        makeArticle({ slug: 'c', datePublished: dateTime('2024-02-29T00:00:00Z') }),
      ],
    });
    expect(items(site).map((item) => item.pubDate)).toEqual([
      'Wed, 28 Feb 2024 09:00:00 +0100',
      'Wed, 28 Feb 2024 23:30:00 -0530',
      'Thu, 29 Feb 2024 00:00:00 +0000',
    ]);
  });

  it('leaves out dc:source when the article is not based on another work', () => {
    const [item] = items(makeSite({ articles: [makeArticle({ isBasedOn: undefined, citations: [makeCitation()] })] }));
    expect(item?.dc?.sources).toBeUndefined();
  });

  it('carries the newest feedLimit articles, newest first', () => {
    const all = articles(60);
    const site = makeSite({ articles: all, feedLimit: 50 });
    const links = items(site).map((item) => item.link);
    expect(links).toHaveLength(50);
    expect(links).toEqual(all.slice(0, 50).map((article) => article.url));
    expect(links[0]).toBe('https://depeche.example/articles/a-00/');
  });
});

describe('renderRss: hostile text', () => {
  const hostileSite = (): Site =>
    makeSite({
      title: HOSTILE,
      articles: [
        makeArticle({
          title: HOSTILE,
          description: HOSTILE,
          contentHtml: HOSTILE,
          tags: [HOSTILE],
          authors: [{ name: HOSTILE, sameAs: [] }],
        }),
      ],
    });

  it('stays well-formed, and reads back as the input minus the forbidden characters', () => {
    const xml = rssText(hostileSite());
    expectWellFormed(xml);
    expect(xml).not.toContain('<![CDATA[');
    const [item] = (exact.parse(xml) as ExactRss).rss.channel.item ?? [];
    expect(item?.title).toBe(CLEAN);
    expect(item?.['content:encoded']).toBe(CLEAN);
    expect(item?.['dc:creator']).toEqual([CLEAN]);
    expect(item?.description).toBe('A ]]&gt; B ]]&gt; C &lt; &amp; " \' &lt;/script&gt;  D');
    expect(parseRssFeed(xml).title).toBe(CLEAN);
  });

  it('where the `feed` package (the baseline) writes malformed XML for the same item', () => {
    const baseline = new Feed({
      id: 'https://depeche.example/',
      title: 'Dépêche',
      link: 'https://depeche.example/',
      updated: new Date('2024-02-28T08:00:00Z'),
      copyright: '',
      generator: false,
    });
    baseline.addItem({
      title: HOSTILE,
      link: 'https://depeche.example/articles/un-article/',
      date: new Date('2024-02-28T08:00:00Z'),
      description: HOSTILE,
      content: HOSTILE,
    });
    const theirs = baseline.rss2();
    // It wraps text in CDATA and only splits the first `]]>`; control characters go through as is.
    expect(theirs).toContain('<![CDATA[');
    expect(() => XmlDocument.fromString(theirs).dispose()).toThrow(/not allowed in content|invalid Char/);
    expect(() => expectWellFormed(rssText(hostileSite()))).not.toThrow();
  });
});

describe('formatRfc822', () => {
  it.each([
    ['2024-02-28T09:00:00+01:00', 'Wed, 28 Feb 2024 09:00:00 +0100'],
    ['2024-02-28T09:00:00Z', 'Wed, 28 Feb 2024 09:00:00 +0000'],
    ['2024-12-31T23:59:59-05:00', 'Tue, 31 Dec 2024 23:59:59 -0500'],
    ['2024-01-01T00:15:00+05:45', 'Mon, 01 Jan 2024 00:15:00 +0545'],
    ['2023-03-26T01:30:00-09:30', 'Sun, 26 Mar 2023 01:30:00 -0930'],
    ['0999-06-01T12:00:00Z', 'Sat, 01 Jun 0999 12:00:00 +0000'],
  ])('formats %s as %s', (iso, expected) => {
    expect(formatRfc822(dateTime(iso))).toBe(expected);
  });
});

describe('renderRss: & and < in plain text (issue 10)', () => {
  const TITLE = 'AT&T <3 Bouygues';
  const DESCRIPTION = 'Les balises <b> et <script> expliquées';
  const site = (): Site =>
    makeSite({
      title: TITLE,
      description: DESCRIPTION,
      articles: [
        makeArticle({
          title: TITLE,
          description: DESCRIPTION,
          tags: [TITLE],
          authors: [{ name: TITLE, sameAs: [] }],
        }),
      ],
    });
  /** The visible text of an HTML fragment, read with parse5 (the HTML standard's parser). */
  const visible = (html: string): string => text(parseFragment(html));

  it('writes & and < as &#x26; and &#x3C; in title, description, category and dc:creator', () => {
    const xml = rssText(site());
    expectWellFormed(xml);
    const elements = (name: string): string[] => xml.match(new RegExp(`<${name}>[^]*?</${name}>`, 'g')) ?? [];
    expect(elements('title')).toEqual(Array(2).fill('<title>AT&#x26;T &#x3C;3 Bouygues</title>'));
    expect(elements('category')).toEqual(['<category>AT&#x26;T &#x3C;3 Bouygues</category>']);
    expect(elements('dc:creator')).toEqual(['<dc:creator>AT&#x26;T &#x3C;3 Bouygues</dc:creator>']);
    expect(elements('description')).toEqual([
      '<description>Les balises &#x3C;b&gt; et &#x3C;script&gt; expliquées</description>',
      '<description>Les balises &#x26;lt;b&#x26;gt; et &#x26;lt;script&#x26;gt; expliquées</description>',
    ]);
    for (const name of ['title', 'description', 'category', 'dc:creator'])
      for (const text of elements(name)) expect(text).not.toMatch(/&amp;|&lt;/);
  });

  it('reads back (fast-xml-parser, feedsmith, parse5) as the same title and summary as Atom and JSON Feed', () => {
    const xml = rssText(site());
    const channel = (exact.parse(xml) as ExactRss).rss.channel;
    const [item] = channel.item ?? [];
    expect(channel.title).toBe(TITLE);
    expect(channel.description).toBe(DESCRIPTION);
    expect(item?.title).toBe(TITLE);
    expect(item?.['dc:creator']).toEqual([TITLE]);
    expect(visible(item?.description ?? '')).toBe(DESCRIPTION);
    const feedsmith = parseRssFeed(xml).items?.[0];
    expect(feedsmith?.title).toBe(TITLE);
    expect(feedsmith?.categories?.map((category) => category.name)).toEqual([TITLE]);
    const atomFile = renderAtom(site()).contents;
    const jsonFile = renderJsonFeed(site()).contents;
    if (typeof atomFile !== 'string' || typeof jsonFile !== 'string') throw new Error('expected text');
    const entry = parseAtomFeed(atomFile).entries?.[0];
    const json = (JSON.parse(jsonFile) as { items: { title: string; summary: string }[] }).items[0];
    expect(visible(entry?.title?.value ?? '')).toBe(TITLE);
    expect(visible(entry?.summary?.value ?? '')).toBe(DESCRIPTION);
    expect(json?.title).toBe(TITLE);
    expect(json?.summary).toBe(DESCRIPTION);
  });
});
