import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { parseAtomFeed, parseRssFeed, type AtomFeed } from 'feedsmith';
import { RelaxNGValidator, XmlDocument } from 'libxml2-wasm';
import { parseFragment } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, Site } from '../../src/model.js';
import { renderAtom } from '../../src/render/atom.js';
import { renderJsonFeed } from '../../src/render/jsonfeed.js';
import { renderRss } from '../../src/render/rss.js';
import { text } from '../helpers/html-reading.js';
import { dateTime, makeArticle, makeCitation, makeSite } from '../fixtures/factories.js';

const HOSTILE = 'A ]]> B ]]> C < & " \' </script> \u0001\u000B\uFFFE\uD800 D';
/** HOSTILE minus U+0001, U+000B, U+FFFE and the lone surrogate. */
const CLEAN = 'A ]]> B ]]> C < & " \' </script>  D';

const SCHEMA = new URL('../../src/vocabulary/data/schemas/atom-rfc4287.rng', import.meta.url);

let schemaDoc: XmlDocument;
let validator: RelaxNGValidator;

beforeAll(() => {
  schemaDoc = XmlDocument.fromString(readFileSync(SCHEMA, 'utf8'));
  validator = RelaxNGValidator.fromDoc(schemaDoc);
});

afterAll(() => {
  validator.dispose();
  schemaDoc.dispose();
});

/** Parses with libxml2 (throws if not well-formed) and validates against RFC 4287's RELAX NG schema. */
function expectValidAtom(xml: string): void {
  const doc = XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
  } finally {
    doc.dispose();
  }
}

/** Exact text: feedsmith trims values, fast-xml-parser (trimValues off) keeps them as written. */
const exact = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name),
});

interface ExactEntry {
  title: { '#text': string };
  summary: { '#text': string };
  content: { '#text': string; '@type': string };
  author: { name: string }[];
  category: { '@term': string }[];
  link: Record<string, string>[];
}

function atomText(site: Site): string {
  const file = renderAtom(site);
  expect(file.path).toBe('atom.xml');
  if (typeof file.contents !== 'string') throw new Error('expected text');
  return file.contents;
}

function entries(site: Site): AtomFeed.Entry<string>[] {
  return parseAtomFeed(atomText(site)).entries ?? [];
}

function exactEntries(site: Site): ExactEntry[] {
  return (exact.parse(atomText(site)) as { feed: { entry?: ExactEntry[] } }).feed.entry ?? [];
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

describe('renderAtom: the document', () => {
  it('is valid against the RFC 4287 schema, pretty-printed, ending with a newline', () => {
    const xml = atomText(makeSite());
    expectValidAtom(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(
      true,
    );
    expect(xml.endsWith('</feed>\n')).toBe(true);
  });

  it('is valid with no articles, and with articles that have no author, tag, image or citation', () => {
    expectValidAtom(atomText(makeSite({ articles: [] })));
    const bare = makeArticle({ authors: [], tags: [], image: undefined, citations: [], isBasedOn: undefined });
    expectValidAtom(atomText(makeSite({ articles: [bare] })));
  });

  it('is checked by a schema that does reject an invalid feed (no feed id)', () => {
    const broken = atomText(makeSite()).replace('<id>https://depeche.example/</id>', '');
    expect(() => expectValidAtom(broken)).toThrow();
  });

  it('is deterministic', () => {
    const site = makeSite({ articles: articles(3) });
    expect(atomText(site)).toBe(atomText(site));
  });
});

describe('renderAtom: the feed', () => {
  it('carries the site fields', () => {
    const site = makeSite({ updated: dateTime('2024-03-01T18:30:00+01:00') });
    const feed = parseAtomFeed(atomText(site));
    expect(feed.xml?.lang).toBe('fr');
    expect(feed.id).toBe('https://depeche.example/');
    expect(feed.title).toEqual({ value: 'Dépêche', type: 'html' });
    expect(feed.subtitle).toEqual({ value: 'Un site de démonstration.', type: 'html' });
    expect(feed.updated).toBe('2024-03-01T18:30:00+01:00');
    expect(feed.links).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: 'https://depeche.example/atom.xml' },
      // The newest month of the archives (render/archives.ts): the month of now, 2024-03.
      { rel: 'prev-archive', type: 'application/atom+xml', href: 'https://depeche.example/feeds/archive/2024/03.atom' },
      { rel: 'alternate', type: 'text/html', href: 'https://depeche.example/' },
    ]);
    expect(feed.authors).toEqual([{ name: 'Dépêche', uri: 'https://depeche.example/' }]);
    expect(feed.generator).toEqual({ text: 'depeche' });
    expect(feed.logo).toBe('https://depeche.example/logo.png');
    expect(feed.icon).toBeUndefined(); // a 600 × 60 masthead is no square icon
  });

  it('uses a square logo as the icon too', () => {
    const site = makeSite();
    site.publisher.logo = { url: 'https://depeche.example/icon.png', alt: '', width: 512, height: 512 };
    const xml = atomText(site);
    expectValidAtom(xml);
    const feed = parseAtomFeed(xml);
    expect(feed.icon).toBe('https://depeche.example/icon.png');
    expect(feed.logo).toBe('https://depeche.example/icon.png');
  });

  it('carries the newest feedLimit articles, newest first', () => {
    const all = articles(60);
    const ids = entries(makeSite({ articles: all, feedLimit: 50 })).map((entry) => entry.id);
    expect(ids).toHaveLength(50);
    expect(ids).toEqual(all.slice(0, 50).map((article) => article.id));
  });
});

describe('renderAtom: the entries', () => {
  it('carries the article fields', () => {
    const article = makeArticle({
      id: 'tag:depeche.example,2024:un-article',
      dateModified: dateTime('2024-02-29T10:00:00+01:00'),
      authors: [
        { name: 'Camille Dupont', url: 'https://depeche.example/auteurs/camille/', sameAs: [] },
        { name: 'Kai Zenner', sameAs: [] },
      ],
    });
    const [entry] = entries(makeSite({ articles: [article] }));
    expect(entry?.id).toBe('tag:depeche.example,2024:un-article');
    expect(entry?.title).toEqual({ value: 'Un titre « français » &amp; &lt;spécial&gt;', type: 'html' });
    expect(entry?.links?.[0]).toEqual({
      rel: 'alternate',
      type: 'text/html',
      href: 'https://depeche.example/articles/un-article/',
    });
    expect(entry?.published).toBe('2024-02-28T09:00:00+01:00');
    expect(entry?.updated).toBe('2024-02-29T10:00:00+01:00');
    expect(entry?.authors).toEqual([
      { name: 'Camille Dupont', uri: 'https://depeche.example/auteurs/camille/' },
      { name: 'Kai Zenner' },
    ]);
    expect(entry?.categories).toEqual([{ term: 'IA' }, { term: 'Europe' }]);
    expect(entry?.summary).toEqual({ value: 'Le chapeau de l’article.', type: 'html' });
    expect(entry?.content?.type).toBe('html');
  });

  it('uses datePublished as updated when the article was never modified', () => {
    const [entry] = entries(makeSite());
    expect(entry?.updated).toBe('2024-02-28T09:00:00+01:00');
  });

  it('holds the body as escaped HTML, exactly', () => {
    const article = makeArticle();
    const [entry] = exactEntries(makeSite({ articles: [article] }));
    expect(entry?.content).toEqual({ '#text': article.contentHtml, '@type': 'html' });
  });

  it('sets xml:lang only on entries whose language differs from the site’s', () => {
    const site = makeSite({
      articles: [
        makeArticle({ slug: 'fr', lang: 'fr' }),
        makeArticle({ slug: 'en', lang: 'en-GB' }),
        makeArticle({ slug: 'fr-case', lang: 'FR' }),
      ],
    });
    const xml = atomText(site);
    expectValidAtom(xml);
    expect(parseAtomFeed(xml).entries?.map((entry) => entry.xml?.lang)).toEqual([undefined, 'en-GB', undefined]);
  });

  it('links the work it is based on as via, and every other citation as related', () => {
    const article = makeArticle({
      isBasedOn: 'https://source.example/article',
      citations: [
        makeCitation({ name: 'La dépêche d’origine', url: 'https://source.example/article', inLanguage: 'fr' }),
        makeCitation({ type: 'Legislation', name: 'AI Act', url: 'https://eur-lex.example/ai-act', inLanguage: 'en' }),
        makeCitation({ type: 'Report', name: 'Un rapport', url: 'https://rapport.example/' }),
        makeCitation({ type: 'Report', name: 'Le même rapport', url: 'https://rapport.example/' }),
      ],
    });
    const xml = atomText(makeSite({ articles: [article] }));
    expectValidAtom(xml);
    const [entry] = parseAtomFeed(xml).entries ?? [];
    expect(entry?.links?.slice(1)).toEqual([
      { rel: 'via', href: 'https://source.example/article', title: 'La dépêche d’origine', hreflang: 'fr' },
      { rel: 'related', href: 'https://eur-lex.example/ai-act', title: 'AI Act', hreflang: 'en' },
      { rel: 'related', href: 'https://rapport.example/', title: 'Un rapport' },
    ]);
  });

  it('links an uncited source as via without a title', () => {
    const article = makeArticle({ isBasedOn: 'https://ailleurs.example/x', citations: [] });
    const [entry] = entries(makeSite({ articles: [article] }));
    expect(entry?.links?.slice(1)).toEqual([{ rel: 'via', href: 'https://ailleurs.example/x' }]);
  });
});

describe('renderAtom: hostile text', () => {
  it('stays valid, and reads back as the input minus the forbidden characters', () => {
    const site = makeSite({
      title: HOSTILE,
      description: HOSTILE,
      articles: [
        makeArticle({
          title: HOSTILE,
          description: HOSTILE,
          contentHtml: HOSTILE,
          tags: [HOSTILE],
          authors: [{ name: HOSTILE, sameAs: [] }],
          citations: [makeCitation({ name: HOSTILE, url: 'https://cite.example/?a=1&b="2"' })],
        }),
      ],
    });
    const xml = atomText(site);
    expectValidAtom(xml);
    expect(xml).not.toContain('<![CDATA[');
    const [entry] = (exact.parse(xml) as { feed: { entry: ExactEntry[] } }).feed.entry;
    // Title and summary are type="html": the XML holds the text HTML-escaped.
    const CLEAN_HTML = 'A ]]&gt; B ]]&gt; C &lt; &amp; " \' &lt;/script&gt;  D';
    expect(entry?.title['#text']).toBe(CLEAN_HTML);
    expect(entry?.summary['#text']).toBe(CLEAN_HTML);
    expect(entry?.content['#text']).toBe(CLEAN);
    expect(entry?.author.map((author) => author.name)).toEqual([CLEAN]);
    expect(entry?.category).toEqual([{ '@term': CLEAN }]);
    const related = entry?.link.find((link) => link['@rel'] === 'related');
    expect(related).toEqual({ '@rel': 'related', '@href': 'https://cite.example/?a=1&b="2"', '@title': CLEAN });
  });
});

describe('renderAtom: text that looks like markup (issue 10)', () => {
  const TITLE = 'AT&T <3 Bouygues';
  const DESCRIPTION = 'Les balises <b> et <script> expliquées';
  const site = (): Site =>
    makeSite({
      title: TITLE,
      description: DESCRIPTION,
      articles: [makeArticle({ title: TITLE, description: DESCRIPTION })],
    });
  /** The visible text of an HTML fragment, read with parse5 (the HTML standard's parser). */
  const visible = (html: string): string => text(parseFragment(html));

  it('declares title, subtitle and summary as type="html", the text HTML-escaped', () => {
    const xml = atomText(site());
    expectValidAtom(xml);
    const elements = (name: string): string[] => xml.match(new RegExp(`<${name}[ >][^]*?</${name}>`, 'g')) ?? [];
    expect(elements('title')).toEqual(Array(2).fill('<title type="html">AT&amp;amp;T &amp;lt;3 Bouygues</title>'));
    expect(elements('subtitle')).toEqual([
      '<subtitle type="html">Les balises &amp;lt;b&amp;gt; et &amp;lt;script&amp;gt; expliquées</subtitle>',
    ]);
    expect(elements('summary')).toEqual([
      '<summary type="html">Les balises &amp;lt;b&amp;gt; et &amp;lt;script&amp;gt; expliquées</summary>',
    ]);
    expect(xml).not.toContain('type="text"');
  });

  it('reads back, with fast-xml-parser and parse5, as the same title and summary as RSS and JSON Feed', () => {
    const atom = (exact.parse(atomText(site())) as { feed: { entry: ExactEntry[] } }).feed.entry[0];
    const rssFile = renderRss(site()).contents;
    const jsonFile = renderJsonFeed(site()).contents;
    if (typeof rssFile !== 'string' || typeof jsonFile !== 'string') throw new Error('expected text');
    const rss = parseRssFeed(rssFile).items?.[0];
    const json = (JSON.parse(jsonFile) as { items: { title: string; summary: string }[] }).items[0];
    expect(visible(atom?.title['#text'] ?? '')).toBe(TITLE);
    expect(visible(atom?.summary['#text'] ?? '')).toBe(DESCRIPTION);
    expect(rss?.title).toBe(TITLE);
    expect(visible(rss?.description ?? '')).toBe(DESCRIPTION);
    expect(json?.title).toBe(TITLE);
    expect(json?.summary).toBe(DESCRIPTION);
  });
});
