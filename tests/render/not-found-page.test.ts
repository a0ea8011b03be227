import { describe, expect, it } from 'vitest';
import { renderNotFoundPage } from '../../src/render/not-found-page.js';
import { dateTime, makeArticle, makeSite } from '../fixtures/factories.js';
import { attr, dom, elements, one, text } from '../helpers/html-reading.js';

function render(site = makeSite()) {
  const file = renderNotFoundPage(site);
  if (typeof file.contents !== 'string') throw new Error('expected text');
  return { file, ...dom(file.contents) };
}

const articles = Array.from({ length: 7 }, (_, i) =>
  makeArticle({ slug: `a${i}`, title: `Article ${i}`, datePublished: dateTime(`2024-03-0${9 - i}T10:00:00+01:00`) }),
);

describe('renderNotFoundPage', () => {
  it('writes 404.html in the site language, kept out of search results', () => {
    const { file, document, errors } = render();
    expect(file.path).toBe('404.html');
    expect(errors).toEqual([]);
    expect(attr(one(document, 'html'), 'lang')).toBe('fr');
    expect(text(one(document, 'title'))).toBe('Page introuvable — Dépêche');
    expect(text(one(document, 'h1'))).toBe('Page introuvable');
    const robots = elements(document, 'meta').filter((m) => attr(m, 'name') === 'robots');
    expect(robots.map((m) => attr(m, 'content'))).toEqual(['noindex']);
    expect(elements(document, 'link').filter((l) => attr(l, 'rel') === 'canonical')).toEqual([]);
    expect(elements(document, 'script')).toEqual([]);
  });

  it('links home, to the five newest articles and to the feeds, all by absolute URLs', () => {
    const { document } = render(makeSite({ articles }));
    const main = one(document, 'main');
    const home = elements(main, 'a').filter((a) => attr(a, 'rel') === 'home');
    expect(home.map((a) => [attr(a, 'href'), text(a)])).toEqual([['https://depeche.example/', 'Revenir à l’accueil']]);
    const listed = elements(one(main, 'ol'), 'h3').map(text);
    expect(listed).toEqual(['Article 0', 'Article 1', 'Article 2', 'Article 3', 'Article 4']);
    const feeds = elements(one(document, 'aside'), 'a').map((a) => attr(a, 'href'));
    expect(feeds).toEqual([
      'https://depeche.example/feed.xml',
      'https://depeche.example/atom.xml',
      'https://depeche.example/feed.json',
    ]);
    for (const a of elements(document, 'a')) expect(attr(a, 'href')).toMatch(/^(https:\/\/|#)/);
  });

  it('speaks English on an English site', () => {
    const { document } = render(makeSite({ language: 'en', articles: [makeArticle({ lang: 'en' })] }));
    expect(attr(one(document, 'html'), 'lang')).toBe('en');
    expect(text(one(document, 'h1'))).toBe('Page not found');
    expect(text(one(document, 'main'))).toContain('Go to the home page');
    expect(text(one(document, 'aside'))).toContain('Subscribe');
  });
});
