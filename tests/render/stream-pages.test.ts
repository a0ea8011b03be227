import { describe, expect, it } from 'vitest';
import { item } from '../../src/render/home-page.js';
import { labelsFor } from '../../src/render/html.js';
import { renderStreamPages } from '../../src/render/stream-pages.js';
import type { Site } from '../../src/model.js';
import { dateTime, makeArticle, makeSite } from '../fixtures/factories.js';
import { attr, dom, elements, one, text } from '../helpers/html-reading.js';

const camille = {
  name: 'Camille Dupont',
  sameAs: ['https://mastodon.example/@camille'],
  page: 'authors/camille/',
  url: 'https://depeche.example/authors/camille/',
  jobTitle: 'Journaliste',
  bio: 'Suit le numérique.',
};

function site(): Site {
  const articles = Array.from({ length: 5 }, (_, i) =>
    makeArticle({
      slug: `a${i}`,
      section: 'Économie',
      tags: i === 0 ? ['IA'] : [],
      authors: [camille],
      datePublished: dateTime(`2024-03-0${5 - i}T10:00:00+01:00`),
    }),
  );
  return makeSite({ articles, authors: [camille], pageSize: 2 });
}

function render(whole = site()) {
  const files = renderStreamPages(whole, (article) => item(whole, article, labelsFor(whole.language)));
  const page = (path: string) => {
    const file = files.find((f) => f.path === path);
    if (file === undefined) throw new Error(`no ${path}`);
    return dom(String(file.contents));
  };
  return { files, page };
}

const links = (document: ReturnType<typeof dom>['document'], rel: string) =>
  elements(document, 'link')
    .filter((l) => attr(l, 'rel') === rel)
    .map((l) => [attr(l, 'type'), attr(l, 'href')]);

describe('renderStreamPages', () => {
  it('paginates each stream by pages.size and writes the indexes', () => {
    expect(render().files.map((f) => f.path)).toEqual([
      'sections/economie/index.html',
      'sections/economie/page/2/index.html',
      'sections/economie/page/3/index.html',
      'tags/ia/index.html',
      'authors/camille/index.html',
      'authors/camille/page/2/index.html',
      'authors/camille/page/3/index.html',
      'sections/index.html',
      'tags/index.html',
      'authors/index.html',
    ]);
  });

  it('writes conformant pages with their canonical, prev/next and the stream feeds for autodiscovery', () => {
    const { files, page } = render();
    for (const file of files) expect(dom(String(file.contents)).errors).toEqual([]);
    const second = page('sections/economie/page/2/index.html').document;
    expect(links(second, 'canonical')).toEqual([[undefined, 'https://depeche.example/sections/economie/page/2/']]);
    expect(links(second, 'prev')).toEqual([[undefined, 'https://depeche.example/sections/economie/']]);
    expect(links(second, 'next')).toEqual([[undefined, 'https://depeche.example/sections/economie/page/3/']]);
    expect(text(one(second, 'title'))).toBe('Économie — Page 2 sur 3 — Dépêche');
    expect(links(second, 'alternate')).toEqual([
      ['application/rss+xml', 'https://depeche.example/feed.xml'],
      ['application/atom+xml', 'https://depeche.example/atom.xml'],
      ['application/feed+json', 'https://depeche.example/feed.json'],
      ['application/rss+xml', 'https://depeche.example/sections/economie/feed.xml'],
      ['application/atom+xml', 'https://depeche.example/sections/economie/atom.xml'],
      ['application/feed+json', 'https://depeche.example/sections/economie/feed.json'],
    ]);
    expect(elements(second, 'h3').map((h) => attr(one(h, 'a'), 'href'))).toEqual([
      'https://depeche.example/articles/a2/',
      'https://depeche.example/articles/a3/',
    ]);
  });

  it('offers no stream feed where feeds.streams leaves the kind out', () => {
    const whole = { ...site(), streamFeeds: [] };
    const { document } = render(whole).page('tags/ia/index.html');
    expect(links(document, 'alternate')).toHaveLength(3);
  });

  it('gives an author page a ProfilePage about the Person, with the id the articles use', () => {
    const { document } = render().page('authors/camille/index.html');
    const graph = JSON.parse(text(one(document, 'script'))) as { '@graph': Record<string, unknown>[] };
    expect(graph['@graph'].map((n) => n['@type'])).toEqual(['ProfilePage', 'Person', 'ItemList']);
    expect(graph['@graph'][0]).toMatchObject({
      '@id': 'https://depeche.example/authors/camille/#webpage',
      mainEntity: { '@id': 'https://depeche.example/authors/camille/#person' },
    });
    expect(graph['@graph'][1]).toEqual({
      '@type': 'Person',
      '@id': 'https://depeche.example/authors/camille/#person',
      name: 'Camille Dupont',
      jobTitle: 'Journaliste',
      url: 'https://depeche.example/authors/camille/',
      sameAs: ['https://mastodon.example/@camille'],
      description: 'Suit le numérique.',
    });
    expect(text(one(document, 'main'))).toContain('Suit le numérique.');
  });

  it('lists every stream of a kind in its index, with its count', () => {
    const { document } = render().page('sections/index.html');
    const items = elements(document, 'li').filter((li) => elements(li, 'a').length === 1 && text(li).includes('('));
    expect(items.map((li) => [attr(one(li, 'a'), 'href'), text(li)])).toEqual([
      ['https://depeche.example/sections/economie/', 'Économie (5)'],
    ]);
  });
});
