import { describe, expect, it } from 'vitest';
import { renderArticlePage, typeInWords } from '../../src/render/article-page.js';
import { dateTime, makeArticle, makeCitation, makeSite } from '../fixtures/factories.js';
import { attr, dom, elements, one, text, type T } from '../helpers/html-reading.js';

function meta(document: T.Document, key: string): string[] {
  return elements(document, 'meta')
    .filter((m) => attr(m, 'property') === key || attr(m, 'name') === key)
    .map((m) => attr(m, 'content') ?? '');
}
function contents(file: { contents: string | Uint8Array } | undefined): string {
  if (typeof file?.contents !== 'string') throw new Error('expected a text file');
  return file.contents;
}

function render(site = makeSite(), article = site.articles[0]) {
  if (article === undefined) throw new Error('no article');
  const files = renderArticlePage(site, article);
  const page = contents(files.find((f) => f.path === `${article.path}index.html`));
  const jsonLd = contents(files.find((f) => f.path === `${article.path}index.jsonld`));
  return { files, page, jsonLd, ...dom(page) };
}

describe('renderArticlePage', () => {
  it('writes the page and its JSON-LD beside it', () => {
    const { files } = render();
    expect(files.map((f) => f.path)).toEqual(['articles/un-article/index.html', 'articles/un-article/index.jsonld']);
  });

  it('is a conformant HTML5 document with the article metadata in its head', () => {
    const article = makeArticle({ dateModified: dateTime('2024-03-01T17:45:00+01:00') });
    const { page, document, errors } = render(makeSite({ articles: [article] }));
    expect(page.startsWith('<!doctype html>\n')).toBe(true);
    expect(errors).toEqual([]);
    expect(attr(one(document, 'html'), 'lang')).toBe('fr');
    expect(elements(document, 'meta').some((m) => attr(m, 'charset') === 'utf-8')).toBe(true);
    expect(meta(document, 'viewport')).toEqual(['width=device-width, initial-scale=1']);
    expect(text(one(document, 'title'))).toBe(`${article.title} — Dépêche`);
    expect(meta(document, 'description')).toEqual([article.description]);
    const canonical = elements(document, 'link').filter((l) => attr(l, 'rel') === 'canonical');
    expect(canonical.map((l) => attr(l, 'href'))).toEqual([article.url]);
    expect(meta(document, 'og:type')).toEqual(['article']);
    expect(meta(document, 'og:title')).toEqual([article.title]);
    expect(meta(document, 'og:description')).toEqual([article.description]);
    expect(meta(document, 'og:url')).toEqual([article.url]);
    expect(meta(document, 'og:site_name')).toEqual(['Dépêche']);
    expect(meta(document, 'og:locale')).toEqual(['fr_FR']);
    expect(meta(document, 'og:image')).toEqual(['https://depeche.example/images/a.jpg']);
    expect(meta(document, 'og:image:width')).toEqual(['1200']);
    expect(meta(document, 'og:image:height')).toEqual(['675']);
    expect(meta(document, 'og:image:alt')).toEqual(['Une image']);
    expect(meta(document, 'article:published_time')).toEqual(['2024-02-28T09:00:00+01:00']);
    expect(meta(document, 'article:modified_time')).toEqual(['2024-03-01T17:45:00+01:00']);
    expect(meta(document, 'article:section')).toEqual(['Tech']);
    expect(meta(document, 'article:tag')).toEqual(['IA', 'Europe']);
    expect(meta(document, 'twitter:card')).toEqual(['summary_large_image']);
  });

  it('links the three feeds for autodiscovery, with their media types and titles', () => {
    const { document } = render();
    const alternates = elements(one(document, 'head'), 'link').filter((l) => attr(l, 'rel') === 'alternate');
    expect(alternates.map((l) => [attr(l, 'type'), attr(l, 'href')])).toEqual([
      ['application/rss+xml', 'https://depeche.example/feed.xml'],
      ['application/atom+xml', 'https://depeche.example/atom.xml'],
      ['application/feed+json', 'https://depeche.example/feed.json'],
    ]);
    for (const link of alternates) expect(attr(link, 'title')).toMatch(/^Dépêche — /);
  });

  it('embeds exactly the .jsonld file in one script block', () => {
    const { document, jsonLd } = render();
    const script = one(document, 'script');
    expect(attr(script, 'type')).toBe('application/ld+json');
    expect(text(script)).toBe(jsonLd);
    const graph = JSON.parse(text(script)) as { '@graph': { '@type': string; headline?: string }[] };
    expect(graph['@graph'][0]?.['@type']).toBe('NewsArticle');
  });

  it('renders the article: heading, standfirst, byline, dates, image, body, quotes, tags', () => {
    const article = makeArticle({
      dateModified: dateTime('2024-03-01T17:45:00+01:00'),
      authors: [
        { name: 'Camille Dupont', url: 'https://depeche.example/auteurs/camille/', sameAs: [] },
        { name: 'Léa Martin', sameAs: [] },
      ],
      quotes: [
        {
          text: 'Une phrase.',
          spokenBy: { name: 'Kai Zenner', jobTitle: 'Conseiller', affiliation: 'Parlement européen' },
        },
      ],
    });
    const { document } = render(makeSite({ articles: [article] }));
    const main = one(document, 'main');
    const body = one(main, 'article');
    expect(text(one(body, 'h1'))).toBe(article.title);
    expect(text(body)).toContain('Le chapeau de l’article.');
    const byline = elements(body, 'p').find((p) => attr(p, 'class')?.includes('byline'));
    expect(text(byline as T.Element)).toBe('Par Camille Dupont et Léa Martin');
    expect(elements(byline as T.Element, 'a').map((a) => attr(a, 'href'))).toEqual([
      'https://depeche.example/auteurs/camille/',
    ]);
    const times = elements(body, 'time').map((t) => attr(t, 'datetime'));
    expect(times.slice(0, 2)).toEqual(['2024-02-28T09:00:00+01:00', '2024-03-01T17:45:00+01:00']);
    expect(text(elements(body, 'time')[0] as T.Element)).toBe('28 février 2024 à 9\u00a0h\u00a000');
    expect(text(elements(body, 'time')[1] as T.Element)).toBe('1er mars 2024 à 17\u00a0h\u00a045');
    const img = one(body, 'img');
    expect([attr(img, 'src'), attr(img, 'alt'), attr(img, 'width'), attr(img, 'height')]).toEqual([
      'https://depeche.example/images/a.jpg',
      'Une image',
      '1200',
      '675',
    ]);
    expect((img.parentNode as T.Element).tagName).toBe('figure');
    expect(elements(body, 'a').some((a) => attr(a, 'href') === 'https://depeche.example/x/')).toBe(true);
    const quote = one(body, 'blockquote');
    expect(attr(quote, 'cite')).toBe('https://source.example/article');
    expect(text(quote)).toBe('Une phrase.');
    const figure = quote.parentNode as T.Element;
    expect(attr(figure, 'id')).toBe('quote-1');
    expect(text(one(figure, 'figcaption'))).toBe('— Kai Zenner, Conseiller, Parlement européen');
    const kicker = elements(body, 'p').filter((p) => attr(p, 'class') === 'kicker');
    expect(kicker.map(text)).toEqual(['Tech']);
    const quotes = elements(body, 'section').find((s) => attr(s, 'class') === 'quotes') as T.Element;
    expect(text(one(quotes, 'h2'))).toBe('Citations');
    expect(elements(quotes, 'figure').map((f) => attr(f, 'id'))).toEqual(['quote-1']);
    const tags = elements(body, 'ul').find((u) => attr(u, 'class') === 'tags') as T.Element;
    expect(elements(tags, 'li').map(text)).toEqual(['IA', 'Europe']);
  });

  it("shows dates in the site's time zone when it has one, the instant as written in datetime", () => {
    const article = makeArticle({
      // Written in UTC, in a Paris newsroom: 23:30 UTC is 1:30 the next day in summer time.
      datePublished: dateTime('2024-06-30T23:30:00+00:00'),
      dateModified: dateTime('2024-12-31T23:15:00-05:00'),
      corrections: [{ date: dateTime('2024-12-31T23:15:00-05:00'), text: 'Un chiffre corrigé.' }],
    });
    const shown = (site: ReturnType<typeof makeSite>) =>
      elements(one(render(site).document, 'article'), 'time').map((t) => [attr(t, 'datetime'), text(t)]);
    expect(shown(makeSite({ articles: [article], timeZone: 'Europe/Paris' }))).toEqual([
      ['2024-06-30T23:30:00+00:00', '1er juillet 2024 à 1\u00a0h\u00a030'],
      ['2024-12-31T23:15:00-05:00', '1er janvier 2025 à 5\u00a0h\u00a015'],
      ['2024-12-31T23:15:00-05:00', '1er janvier 2025 à 5\u00a0h\u00a015'],
    ]);
    // Without one, each date at the offset its record wrote.
    expect(shown(makeSite({ articles: [article] }))).toEqual([
      ['2024-06-30T23:30:00+00:00', '30 juin 2024 à 23\u00a0h\u00a030'],
      ['2024-12-31T23:15:00-05:00', '31 décembre 2024 à 23\u00a0h\u00a015'],
      ['2024-12-31T23:15:00-05:00', '31 décembre 2024 à 23\u00a0h\u00a015'],
    ]);
  });

  it('shows the standfirst once when the body opens with it, as the lead paragraph', () => {
    const description = 'Le rapprochement a provoqué un tollé à Bruxelles & ailleurs.';
    const article = makeArticle({
      description,
      contentHtml: '<p>Le rapprochement a provoqué un tollé à Bruxelles &amp; ailleurs.</p>\n<p>Suite.</p>\n',
    });
    const { document } = render(makeSite({ articles: [article] }));
    const main = one(document, 'main');
    expect(elements(main, 'p').filter((p) => attr(p, 'class') === 'standfirst')).toEqual([]);
    const body = elements(main, 'div').find((d) => attr(d, 'class')?.split(' ').includes('body')) as T.Element;
    expect(attr(body, 'class')).toBe('body lead');
    expect(text(elements(body, 'p')[0] as T.Element)).toBe(description);
    expect(text(main).split(description)).toHaveLength(2);
  });

  it('keeps the standfirst apart when the body opens otherwise', () => {
    for (const contentHtml of [
      '<p>Autre chose.</p>\n',
      '<p><em>Le chapeau</em> de l’article.</p>\n',
      '<h2>Titre</h2>\n',
    ]) {
      const { document } = render(makeSite({ articles: [makeArticle({ contentHtml })] }));
      const standfirst = elements(document, 'p').filter((p) => attr(p, 'class') === 'standfirst');
      expect(standfirst.map(text)).toEqual(['Le chapeau de l’article.']);
      expect(elements(document, 'div').some((d) => attr(d, 'class') === 'body')).toBe(true);
    }
  });

  it('keeps French punctuation on the line of its word, and the text as the record wrote it', () => {
    const contentHtml =
      '<p>Elle allait « examiner » le <a href="https://depeche.example/x/" title="« a »">partenariat</a> : 100 % ' +
      'open source.</p>\n';
    const article = makeArticle({
      title: 'Un titre « français » ?',
      contentHtml,
      quotes: [{ text: 'Il a dit « non » !', spokenBy: { name: 'Kai Zenner' } }],
    });
    const { document } = render(makeSite({ articles: [article] }));
    const bound = (node: T.ParentNode): string[] =>
      elements(node, 'span')
        .filter((s) => attr(s, 'class') === 'nb')
        .map(text);
    expect(text(one(document, 'h1'))).toBe('Un titre « français » ?');
    expect(bound(one(document, 'h1'))).toEqual(['« français » ?']);
    const body = elements(document, 'div').find((d) => attr(d, 'class') === 'body') as T.Element;
    expect(text(body)).toBe('\nElle allait « examiner » le partenariat : 100 % open source.\n');
    // The colon after `</a>` has no word before it in its text: it is left as it is.
    expect(bound(body)).toEqual(['« examiner »', '100 %']);
    expect(attr(one(body, 'a'), 'title')).toBe('« a »');
    expect(bound(one(document, 'blockquote'))).toEqual(['« non » !']);
    expect(meta(document, 'og:title')).toEqual(['Un titre « français » ?']);
  });

  it('lists the sources with their link, publisher, date and type in words', () => {
    const article = makeArticle({
      citations: [
        makeCitation({ datePublished: '2024-02-27', author: 'Jean Reporter' }),
        makeCitation({
          type: 'Legislation',
          name: 'Règlement (UE) 2024/1689',
          url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
          publisher: undefined,
        }),
      ],
    });
    const { document } = render(makeSite({ articles: [article] }));
    const section = elements(document, 'section').find((s) => attr(s, 'class') === 'sources') as T.Element;
    expect(text(one(section, 'h2'))).toBe('Sources');
    const items = elements(one(section, 'ol'), 'li');
    expect(items.map((li) => attr(li, 'id'))).toEqual(['citation-1', 'citation-2']);
    expect(items.map((li) => attr(one(li, 'a'), 'href'))).toEqual([
      'https://source.example/article',
      'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
    ]);
    expect(text(items[0] as T.Element)).toBe(
      'Une source, Source Média, Jean Reporter, 27 février 2024 (article de presse)',
    );
    expect(attr(one(items[0] as T.Element, 'time'), 'datetime')).toBe('2024-02-27');
    expect(text(items[1] as T.Element)).toBe('Règlement (UE) 2024/1689 (texte législatif)');
  });

  it('offers the three feeds in a "S’abonner" block', () => {
    const { document } = render();
    const aside = one(document, 'aside');
    expect(text(one(aside, 'h2'))).toBe('S’abonner');
    expect(elements(aside, 'a').map((a) => attr(a, 'href'))).toEqual([
      'https://depeche.example/feed.xml',
      'https://depeche.example/atom.xml',
      'https://depeche.example/feed.json',
    ]);
  });

  it('leaves out what the article does not have', () => {
    const article = makeArticle({
      image: undefined,
      isBasedOn: undefined,
      section: undefined,
      tags: [],
      citations: [],
      quotes: [],
    });
    const { document, errors } = render(makeSite({ articles: [article] }));
    expect(errors).toEqual([]);
    expect(meta(document, 'twitter:card')).toEqual(['summary']);
    expect(meta(document, 'og:image')).toEqual([]);
    expect(meta(document, 'article:modified_time')).toEqual([]);
    expect(meta(document, 'article:section')).toEqual([]);
    expect(elements(document, 'img')).toEqual([]);
    expect(elements(document, 'blockquote')).toEqual([]);
    expect(elements(document, 'section')).toEqual([]);
    expect(elements(one(document, 'article'), 'time')).toHaveLength(1);
  });

  it('quotes without a cite when the article is based on nothing', () => {
    const { document } = render(makeSite({ articles: [makeArticle({ isBasedOn: undefined })] }));
    expect(attr(one(document, 'blockquote'), 'cite')).toBeUndefined();
  });

  it('speaks English on an English site', () => {
    const article = makeArticle({ lang: 'en', citations: [makeCitation({ type: 'ScholarlyArticle' })] });
    const { document } = render(makeSite({ language: 'en', articles: [article] }));
    expect(attr(one(document, 'html'), 'lang')).toBe('en');
    expect(meta(document, 'og:locale')).toEqual(['en_US']);
    expect(text(one(document, 'article'))).toContain('Published 28 February 2024, 09:00');
    expect(text(one(document, 'aside'))).toContain('Subscribe');
    expect(text(one(document, 'ol'))).toContain('(scholarly article)');
  });

  describe('with hostile text', () => {
    const hostile = `</script><script>alert(1)</script> <!-- ]]> &amp; "double" 'single' \u2028`;
    const article = makeArticle({
      title: hostile,
      description: `${hostile} standfirst`,
      section: hostile,
      tags: [hostile],
      authors: [{ name: hostile, url: `https://depeche.example/a/?x="1"&y='2'`, sameAs: [] }],
      image: { url: 'https://depeche.example/i.jpg?a=1&b=2', alt: hostile, width: 10, height: 10 },
      citations: [makeCitation({ name: hostile, publisher: hostile })],
      quotes: [{ text: hostile, spokenBy: { name: hostile } }],
    });
    const site = makeSite({ title: `Site ${hostile}`, articles: [article] });
    const { document, errors, jsonLd } = render(site);

    it('still parses without error and holds exactly one script element', () => {
      expect(errors).toEqual([]);
      expect(elements(document, 'script')).toHaveLength(1);
    });

    it('keeps every value intact in text, attributes and JSON-LD', () => {
      expect(text(one(document, 'h1'))).toBe(hostile);
      expect(text(one(document, 'title'))).toBe(`${hostile} — Site ${hostile}`);
      expect(meta(document, 'og:title')).toEqual([hostile]);
      expect(meta(document, 'description')).toEqual([`${hostile} standfirst`]);
      expect(meta(document, 'article:tag')).toEqual([hostile]);
      expect(attr(one(document, 'img'), 'alt')).toBe(hostile);
      expect(attr(one(document, 'img'), 'src')).toBe('https://depeche.example/i.jpg?a=1&b=2');
      const byline = elements(document, 'a').find((a) => attr(a, 'rel') === 'author') as T.Element;
      expect(attr(byline, 'href')).toBe(`https://depeche.example/a/?x="1"&y='2'`);
      expect(text(one(document, 'blockquote'))).toBe(hostile);
      const script = one(document, 'script');
      expect(text(script)).toBe(jsonLd);
      const graph = JSON.parse(text(script)) as { '@graph': { headline?: string }[] };
      expect(graph['@graph'][0]?.headline).toBe(hostile);
      expect(
        elements(document, 'link')
          .filter((l) => attr(l, 'rel') === 'alternate')
          .map((l) => attr(l, 'title')),
      ).toEqual([`Site ${hostile} — Flux RSS`, `Site ${hostile} — Flux Atom`, `Site ${hostile} — JSON Feed`]);
    });
  });
});

describe('typeInWords', () => {
  it('names known types in French and splits the others', () => {
    expect(typeInWords('NewsArticle', 'fr')).toBe('article de presse');
    expect(typeInWords('Legislation', 'fr-CA')).toBe('texte législatif');
    expect(typeInWords('MedicalScholarlyArticle', 'fr')).toBe('medical scholarly article');
    expect(typeInWords('NewsArticle', 'en')).toBe('news article');
  });
});
