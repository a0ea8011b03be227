import { parseJsonFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import type { Article, Site } from '../../src/model.js';
import { renderJsonFeed, type JsonFeedItem } from '../../src/render/jsonfeed.js';
import { dateTime, makeArticle, makeSite } from '../fixtures/factories.js';

const HOSTILE = 'A ]]> B ]]> C < & " \' </script> \u0001\u000B\uFFFE\uD800 D';

function jsonText(site: Site): string {
  const file = renderJsonFeed(site);
  expect(file.path).toBe('feed.json');
  if (typeof file.contents !== 'string') throw new Error('expected text');
  return file.contents;
}

/** The feed as plain JSON, read with JSON.parse: no trimming, no renaming. */
function raw(site: Site): Record<string, unknown> & { items: Record<string, unknown>[] } {
  return JSON.parse(jsonText(site)) as Record<string, unknown> & { items: Record<string, unknown>[] };
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

describe('renderJsonFeed: the document', () => {
  it('is JSON indented by two spaces, ending with a newline', () => {
    const text = jsonText(makeSite());
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('is read by feedsmith as a JSON Feed', () => {
    const feed = parseJsonFeed(jsonText(makeSite()));
    expect(feed.title).toBe('Dépêche');
    expect(feed.items).toHaveLength(1);
  });

  it('is deterministic', () => {
    const site = makeSite({ articles: articles(3) });
    expect(jsonText(site)).toBe(jsonText(site));
  });
});

describe('renderJsonFeed: the feed', () => {
  it('carries the site fields', () => {
    const { items, ...top } = raw(makeSite());
    expect(items).toHaveLength(1);
    expect(top).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Dépêche',
      home_page_url: 'https://depeche.example/',
      feed_url: 'https://depeche.example/feed.json',
      description: 'Un site de démonstration.',
      language: 'fr',
      authors: [{ name: 'Dépêche', url: 'https://depeche.example/' }],
      // The newest month of the archives (render/archives.ts): the month of now, 2024-03.
      next_url: 'https://depeche.example/feeds/archive/2024/03.json',
    });
  });

  it('gives a square logo as the icon, and no icon for a wide masthead', () => {
    expect(raw(makeSite()).icon).toBeUndefined();
    const site = makeSite();
    site.publisher.logo = { url: 'https://depeche.example/icon.png', alt: '', width: 512, height: 512 };
    expect(parseJsonFeed(jsonText(site)).icon).toBe('https://depeche.example/icon.png');
  });

  it('carries the newest feedLimit articles, newest first', () => {
    const all = articles(60);
    const ids = raw(makeSite({ articles: all, feedLimit: 50 })).items.map((item) => item.id);
    expect(ids).toHaveLength(50);
    expect(ids).toEqual(all.slice(0, 50).map((article) => article.id));
  });
});

describe('renderJsonFeed: the items', () => {
  it('carries the article fields, with the spec’s names', () => {
    const article = makeArticle({
      id: 'tag:depeche.example,2024:un-article',
      lang: 'en',
      dateModified: dateTime('2024-02-29T10:00:00+01:00'),
      authors: [
        { name: 'Camille Dupont', url: 'https://depeche.example/auteurs/camille/', sameAs: [] },
        { name: 'Kai Zenner', sameAs: [] },
      ],
    });
    expect(raw(makeSite({ articles: [article] })).items[0]).toEqual({
      id: 'tag:depeche.example,2024:un-article',
      url: 'https://depeche.example/articles/un-article/',
      external_url: 'https://source.example/article',
      title: 'Un titre « français » & <spécial>',
      summary: 'Le chapeau de l’article.',
      content_html: article.contentHtml,
      image: 'https://depeche.example/images/a.jpg',
      date_published: '2024-02-28T09:00:00+01:00',
      date_modified: '2024-02-29T10:00:00+01:00',
      authors: [{ name: 'Camille Dupont', url: 'https://depeche.example/auteurs/camille/' }, { name: 'Kai Zenner' }],
      tags: ['IA', 'Europe'],
      language: 'en',
    });
  });

  it('leaves out what the article does not have', () => {
    const article = makeArticle({ isBasedOn: undefined, image: undefined, authors: [], tags: [] });
    const [item] = raw(makeSite({ articles: [article] })).items;
    for (const key of ['external_url', 'image', 'date_modified', 'authors', 'tags']) {
      expect(item).not.toHaveProperty(key);
    }
  });

  it('agrees with feedsmith’s reading', () => {
    const article = makeArticle({ dateModified: dateTime('2024-02-29T10:00:00+01:00') });
    const [item] = parseJsonFeed(jsonText(makeSite({ articles: [article] }))).items ?? [];
    expect(item?.id).toBe(article.id);
    expect(item?.url).toBe(article.url);
    expect(item?.external_url).toBe(article.isBasedOn);
    expect(item?.title).toBe(article.title);
    expect(item?.summary).toBe(article.description);
    expect(item?.image).toBe(article.image?.url);
    expect(item?.date_published).toBe('2024-02-28T09:00:00+01:00');
    expect(item?.date_modified).toBe('2024-02-29T10:00:00+01:00');
    expect(item?.tags).toEqual(article.tags);
    expect(item?.language).toBe('fr');
  });

  it('carries any text exactly: JSON has no forbidden characters', () => {
    const article = makeArticle({ title: HOSTILE, description: HOSTILE, contentHtml: HOSTILE });
    const [item] = raw(makeSite({ articles: [article] })).items;
    expect(item?.title).toBe(HOSTILE);
    expect(item?.summary).toBe(HOSTILE);
    expect(item?.content_html).toBe(HOSTILE);
  });

  it('types an item as needing content_html or content_text', () => {
    const html: JsonFeedItem = { id: 'a', content_html: '<p>a</p>' };
    const text: JsonFeedItem = { id: 'b', content_text: 'b' };
    // @ts-expect-error an item without content_html or content_text breaks the spec
    const neither: JsonFeedItem = { id: 'c' };
    expect([html, text, neither].map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
});
