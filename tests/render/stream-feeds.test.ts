import { XMLParser } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { renderOpml } from '../../src/render/opml.js';
import { renderStreamFeeds } from '../../src/render/stream-feeds.js';
import { renderSiteFiles } from '../../src/render/index.js';
import { dateTime, makeArticle, makeSite } from '../fixtures/factories.js';

const camille = {
  name: 'Camille Dupont',
  sameAs: [],
  page: 'authors/camille/',
  url: 'https://depeche.example/authors/camille/',
};

function site(overrides = {}) {
  const articles = Array.from({ length: 4 }, (_, i) =>
    makeArticle({
      slug: `a${i}`,
      title: `Article ${i}`,
      description: `Chapeau ${i} : R&D <beta>`,
      section: i % 2 === 0 ? 'Économie' : 'Tech',
      tags: ['IA'],
      authors: i === 0 ? [camille] : [{ name: 'Invité', sameAs: [] }],
      datePublished: dateTime(`2024-03-0${4 - i}T10:00:00+01:00`),
    }),
  );
  return makeSite({ articles, authors: [camille], feedLimit: 1, ...overrides });
}

const text = (files: { path: string; contents: string | Uint8Array }[], path: string): string => {
  const file = files.find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`no ${path}`);
  return String(file.contents);
};

describe('renderStreamFeeds', () => {
  const files = renderStreamFeeds(site());

  it('writes three feeds in each stream folder', () => {
    expect(files.map((f) => f.path)).toEqual(
      ['sections/economie/', 'sections/tech/', 'tags/ia/', 'authors/camille/'].flatMap((folder) =>
        ['feed.xml', 'atom.xml', 'feed.json'].map((name) => folder + name),
      ),
    );
  });

  it('gives each its title, self link, page and limit, with the stream articles only', () => {
    const rss = parseRssFeed(text(files, 'sections/economie/feed.xml'));
    expect(rss.title).toBe('Dépêche — Économie');
    expect(rss.link).toBe('https://depeche.example/sections/economie/');
    expect(rss.atom?.links?.map((l) => [l.rel, l.href])).toEqual([
      ['self', 'https://depeche.example/sections/economie/feed.xml'],
    ]);
    expect(rss.items?.map((item) => item.link)).toEqual(['https://depeche.example/articles/a0/']);
    const atom = parseAtomFeed(text(files, 'tags/ia/atom.xml'));
    expect(atom.id).toBe('https://depeche.example/tags/ia/');
    expect(atom.title).toEqual({ value: 'Dépêche — IA', type: 'html' });
    expect(atom.links?.map((l) => [l.rel, l.href])).toEqual([
      ['self', 'https://depeche.example/tags/ia/atom.xml'],
      ['alternate', 'https://depeche.example/tags/ia/'],
    ]);
    expect(atom.updated).toBe('2024-03-04T10:00:00+01:00');
    const json = parseJsonFeed(JSON.parse(text(files, 'authors/camille/feed.json')));
    expect(json.feed_url).toBe('https://depeche.example/authors/camille/feed.json');
    expect(json.next_url).toBeUndefined();
    expect(json.items?.map((item) => [item.url, item.content_html])).toEqual([
      ['https://depeche.example/articles/a0/', '<p>Chapeau 0 : R&amp;D &lt;beta&gt;</p>'],
    ]);
  });

  it('writes feeds only for the kinds feeds.streams names', () => {
    const only = renderStreamFeeds(site({ streamFeeds: ['authors'] }));
    expect(only.map((f) => f.path)).toEqual([
      'authors/camille/feed.xml',
      'authors/camille/atom.xml',
      'authors/camille/feed.json',
    ]);
  });
});

describe('renderOpml', () => {
  it('is OPML 2.0 listing every feed of the site, each a file the build writes', () => {
    const whole = site();
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      String(renderOpml(whole).contents),
    ) as { opml: { version: string; head: { title: string }; body: { outline: Outline[] } } };
    interface Outline {
      text: string;
      title?: string;
      xmlUrl?: string;
      outline?: Outline | Outline[];
    }
    expect(parsed.opml.version).toBe('2.0');
    const flat = (outlines: Outline | Outline[]): Outline[] =>
      (Array.isArray(outlines) ? outlines : [outlines]).flatMap((o) => [o, ...(o.outline ? flat(o.outline) : [])]);
    const listed = flat(parsed.opml.body.outline).flatMap((o) => (o.xmlUrl === undefined ? [] : [o.xmlUrl]));
    expect(listed).toEqual([
      'https://depeche.example/feed.xml',
      'https://depeche.example/sections/economie/feed.xml',
      'https://depeche.example/sections/tech/feed.xml',
      'https://depeche.example/tags/ia/feed.xml',
      'https://depeche.example/authors/camille/feed.xml',
    ]);
    // OPML 2.0: a feed's outline should carry its title as well as its text.
    for (const feed of flat(parsed.opml.body.outline).filter((o) => o.xmlUrl !== undefined))
      expect(feed.title).toBe(feed.text);
    const written = new Set(renderSiteFiles(whole).map((file) => whole.url + file.path));
    for (const url of listed) expect(written).toContain(url);
  });
});
