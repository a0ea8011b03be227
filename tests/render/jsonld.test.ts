import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { articleGraph, serializeJsonLd, siteGraph } from '../../src/render/jsonld.js';
import { localImage } from '../../src/images/variants.js';
import type { Image } from '../../src/model.js';
import { listPageGraph, listPageNodes, type ListPage } from '../../src/render/list-jsonld.js';
import { dateTime, makeArticle, makeCitation, makeSite } from '../fixtures/factories.js';

type JsonNode = Record<string, unknown>;
const nodes = (graph: unknown): JsonNode[] => (graph as { '@graph': JsonNode[] })['@graph'];
const byType = (graph: unknown, type: string): JsonNode[] => nodes(graph).filter((n) => n['@type'] === type);
const first = (graph: unknown, type: string): JsonNode => {
  const node = byType(graph, type)[0];
  if (node === undefined) throw new Error(`no ${type} node`);
  return node;
};

describe('articleGraph', () => {
  const site = makeSite();
  const article = makeArticle({
    dateModified: dateTime('2024-03-01T17:45:00+01:00'),
    citations: [
      makeCitation({ author: 'Jean Reporter', datePublished: '2024-02-27', inLanguage: 'en' }),
      makeCitation({
        type: 'Legislation',
        name: 'AI Act',
        url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
        publisher: undefined,
      }),
    ],
    about: [{ type: 'Legislation', name: 'AI Act', sameAs: ['https://www.wikidata.org/wiki/Q108456694'] }],
    quotes: [
      {
        text: 'Une phrase.',
        spokenBy: { name: 'Kai Zenner', jobTitle: 'Conseiller', affiliation: 'Parlement européen' },
      },
    ],
  });
  const graph = articleGraph(site, article);

  it('describes the NewsArticle', () => {
    expect(graph['@context']).toBe('https://schema.org');
    expect(first(graph, 'NewsArticle')).toMatchObject({
      '@id': article.id,
      headline: article.title,
      description: article.description,
      datePublished: '2024-02-28T09:00:00+01:00',
      dateModified: '2024-03-01T17:45:00+01:00',
      inLanguage: 'fr',
      author: [{ '@type': 'Person', name: 'Camille Dupont', url: 'https://depeche.example/auteurs/camille/' }],
      publisher: { '@id': 'https://depeche.example/#publisher' },
      image: {
        '@type': 'ImageObject',
        url: 'https://depeche.example/images/a.jpg',
        width: { '@type': 'QuantitativeValue', value: 1200, unitCode: 'E37' },
        height: { '@type': 'QuantitativeValue', value: 675, unitCode: 'E37' },
        description: 'Une image',
      },
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${article.url}#webpage`, url: article.url },
      url: article.url,
      articleSection: 'Tech',
      keywords: ['IA', 'Europe'],
      mentions: [{ '@type': 'Organization', name: 'Microsoft', sameAs: ['https://www.wikidata.org/wiki/Q2283'] }],
      about: [{ '@type': 'Legislation', name: 'AI Act', sameAs: ['https://www.wikidata.org/wiki/Q108456694'] }],
    });
  });

  it('includes the publisher as a NewsMediaOrganization with its logo', () => {
    expect(first(graph, 'NewsMediaOrganization')).toEqual({
      '@type': 'NewsMediaOrganization',
      '@id': 'https://depeche.example/#publisher',
      name: 'Dépêche',
      url: 'https://depeche.example/',
      logo: {
        '@type': 'ImageObject',
        url: 'https://depeche.example/logo.png',
        width: { '@type': 'QuantitativeValue', value: 600, unitCode: 'E37' },
        height: { '@type': 'QuantitativeValue', value: 60, unitCode: 'E37' },
        description: 'Dépêche',
      },
    });
  });

  it('types and identifies every citation, and points isBasedOn at the matching one', () => {
    const news = first(graph, 'NewsArticle');
    expect(news.citation).toEqual([
      {
        '@type': 'NewsArticle',
        '@id': `${article.url}#citation-1`,
        name: 'Une source',
        url: 'https://source.example/article',
        publisher: { '@type': 'Organization', name: 'Source Média' },
        author: { '@type': 'Person', name: 'Jean Reporter' },
        datePublished: '2024-02-27',
        inLanguage: 'en',
      },
      {
        '@type': 'Legislation',
        '@id': `${article.url}#citation-2`,
        name: 'AI Act',
        url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
      },
    ]);
    expect(news.isBasedOn).toEqual({ '@id': `${article.url}#citation-1` });
  });

  it('gives isBasedOn as a URL when no citation has it', () => {
    const other = makeArticle({ isBasedOn: 'https://elsewhere.example/' });
    expect(first(articleGraph(site, other), 'NewsArticle').isBasedOn).toBe('https://elsewhere.example/');
    expect(first(articleGraph(site, makeArticle({ isBasedOn: undefined })), 'NewsArticle')).not.toHaveProperty(
      'isBasedOn',
    );
  });

  it('adds each quotation as part of the article, attributed to its speaker', () => {
    expect(byType(graph, 'Quotation')).toEqual([
      {
        '@type': 'Quotation',
        '@id': `${article.url}#quote-1`,
        text: 'Une phrase.',
        spokenByCharacter: {
          '@type': 'Person',
          name: 'Kai Zenner',
          jobTitle: 'Conseiller',
          affiliation: { '@type': 'Organization', name: 'Parlement européen' },
        },
        isPartOf: { '@id': article.id },
        isBasedOn: { '@id': `${article.url}#citation-1` },
      },
    ]);
  });

  it('leaves out what the article does not have', () => {
    const bare = makeArticle({
      image: undefined,
      section: undefined,
      tags: [],
      citations: [],
      mentions: [],
      quotes: [],
      isBasedOn: undefined,
    });
    const news = first(articleGraph(site, bare), 'NewsArticle');
    // Google recommends dateModified always: the publication date when the record was never modified.
    expect(news.dateModified).toBe(bare.datePublished.iso);
    for (const key of ['image', 'articleSection', 'keywords', 'citation', 'mentions', 'about', 'isBasedOn']) {
      expect(news).not.toHaveProperty(key);
    }
    expect(byType(articleGraph(site, bare), 'Quotation')).toEqual([]);
  });

  it('refuses a date-time that lost its offset', () => {
    const broken = makeArticle({ datePublished: { iso: '2024-02-28T09:00:00', epochMs: 0, offsetMinutes: 0 } });
    expect(() => articleGraph(site, broken)).toThrow(/offset/);
  });
});

describe('siteGraph', () => {
  it('describes the WebSite and its publisher', () => {
    const graph = siteGraph(makeSite());
    expect(first(graph, 'WebSite')).toEqual({
      '@type': 'WebSite',
      '@id': 'https://depeche.example/#website',
      name: 'Dépêche',
      description: 'Un site de démonstration.',
      url: 'https://depeche.example/',
      inLanguage: 'fr',
      publisher: { '@id': 'https://depeche.example/#publisher' },
    });
    expect(first(graph, 'NewsMediaOrganization')['@id']).toBe('https://depeche.example/#publisher');
  });
});

describe('serializeJsonLd', () => {
  const hostile = `</script><script>alert(1)</script> <!-- ]]> &amp; "double" 'single' \u2028\u2029`;
  const graph = articleGraph(makeSite(), makeArticle({ title: hostile }));
  const json = serializeJsonLd(graph);

  it('writes nothing that could close a script element or a line in a JavaScript string', () => {
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain(
      '\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u003c!-- ]]\\u003e \\u0026amp;',
    );
    expect(json).toContain('\\u2028\\u2029');
  });

  it('reads back as the same graph, pretty-printed', () => {
    expect(JSON.parse(json)).toEqual(graph);
    expect(first(JSON.parse(json), 'NewsArticle').headline).toBe(hostile);
    expect(json.split('\n')[1]).toBe('  "@context": "https://schema.org",');
  });
});

describe('the image of a local file', () => {
  it('is its three crops as ImageObjects with their sizes and the credits of the record', () => {
    const image = first(articleGraph(makeSite(), makeArticle({ image: localPicture() })), 'NewsArticle').image;
    const credits = {
      '@type': 'ImageObject',
      description: 'Une place',
      caption: 'La place au matin',
      creditText: 'Jeanne Martin / AFP',
      copyrightNotice: '© AFP 2024',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      acquireLicensePage: 'https://depeche.example/licences/',
    };
    const px = (value: number) => ({ '@type': 'QuantitativeValue', value, unitCode: 'E37' });
    expect(image).toEqual(
      [
        ['16x9', 675],
        ['4x3', 900],
        ['1x1', 1200],
      ].map(([ratio, height]) => ({
        ...credits,
        url: `https://depeche.example/images/place-0123456789abcdef-${ratio}.jpg`,
        width: px(1200),
        height: px(height as number),
      })),
    );
  });
});

/** An article image from a 2,400 × 1,600 file of the site, with every credit field. */
function localPicture(): Image {
  const local = localImage(
    'https://depeche.example/',
    'images/place.jpg',
    {
      width: 2400,
      height: 1600,
      hash: '0123456789abcdef',
    },
    { x: 0.5, y: 0.5 },
  );
  return {
    url: local.crops[0]?.url ?? '',
    width: 1200,
    height: 675,
    alt: 'Une place',
    caption: 'La place au matin',
    credit: 'Jeanne Martin / AFP',
    copyright: '© AFP 2024',
    license: 'https://creativecommons.org/licenses/by/4.0/',
    acquireLicensePage: 'https://depeche.example/licences/',
    local,
  };
}

/** Every key used anywhere in a JSON value, sorted and deduplicated. */
function keys(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      for (const [key, inner] of Object.entries(v)) {
        found.add(key);
        walk(inner);
      }
    }
  };
  walk(value);
  return [...found].sort();
}

const require = createRequire(import.meta.url);
interface JsonLdProcessor {
  expand(
    input: unknown,
    options: { documentLoader: (url: string) => Promise<unknown>; safe: boolean },
  ): Promise<unknown[]>;
}
const jsonld = require('jsonld') as JsonLdProcessor;
/** The schema.org 30.0 context, shipped in src/vocabulary/data/schemas/ so that expansion never needs the network. */
const CONTEXT = new URL('../../src/vocabulary/data/schemas/schemaorgcontext.jsonld', import.meta.url);
/** The full release is only in ../shared (CI and developers); end users skip this cross-check. */
const VOCABULARY = new URL('../../../shared/schemas/schemaorg-30.0/schemaorg-current-https.jsonld', import.meta.url);

/** A list page's graph, and an author's: CollectionPage and ProfilePage with their ItemList and Person. */
const LIST: ListPage = {
  url: 'https://depeche.example/tags/ia/',
  name: 'IA',
  urls: ['https://depeche.example/a/'],
  offset: 20,
  total: 21,
};
const author = {
  name: 'Camille',
  sameAs: ['https://mastodon.example/@camille'],
  page: 'authors/camille/',
  url: 'https://depeche.example/authors/camille/',
  jobTitle: 'Journaliste',
  bio: 'Suit le numérique.',
  image: { url: 'https://depeche.example/camille.jpg', alt: 'Camille', width: 400, height: 400 },
};
const PROFILE: ListPage = { ...LIST, url: author.url, author };

describe('expansion with the schema.org 30.0 context', () => {
  const context = JSON.parse(readFileSync(CONTEXT, 'utf8')) as unknown;
  const documentLoader = async (url: string) => {
    if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`unexpected load of ${url}`);
    return { contextUrl: null, documentUrl: url, document: context };
  };
  const article = makeArticle({
    dateModified: dateTime('2024-03-01T17:45:00+01:00'),
    image: localPicture(),
    about: [{ type: 'Legislation', name: 'AI Act', sameAs: [] }],
    corrections: [{ date: dateTime('2024-03-01T17:45:00+01:00'), text: 'Le montant était de 15 millions.' }],
    quotes: [
      {
        text: 'Une phrase.',
        spokenBy: { name: 'Kai Zenner', jobTitle: 'Conseiller', affiliation: 'Parlement européen' },
      },
    ],
  });

  for (const [name, graph] of [
    ['article', articleGraph(makeSite(), article)],
    ['site', siteGraph(makeSite())],
    ['home page', siteGraph(makeSite(), listPageNodes(makeSite(), LIST))],
    ['list page', listPageGraph(makeSite(), LIST)],
    ['author page', listPageGraph(makeSite(), PROFILE)],
  ] as const) {
    it(`expands the ${name} graph in safe mode, dropping no term`, async () => {
      // Safe mode throws on any term, type or value that expansion would drop or leave relative.
      const expanded = await jsonld.expand(JSON.parse(serializeJsonLd(graph)), { documentLoader, safe: true });
      const compactKeys = keys(graph).map((key) => (key.startsWith('@') ? key : `http://schema.org/${key}`));
      expect(keys(expanded).filter((key) => key !== '@value')).toEqual(
        compactKeys.filter((key) => key !== '@context' && key !== '@graph'),
      );
    });
  }
});

// Every type a class of the vocabulary, every property defined on that type (domainIncludes), every
// value of a type the property accepts (rangeIncludes): read from the vocabulary file itself.
describe.skipIf(!existsSync(VOCABULARY))('conformance to the schema.org 30.0 vocabulary', () => {
  interface Term {
    '@id': string;
    '@type': string | string[];
    'rdfs:subClassOf'?: { '@id': string } | { '@id': string }[];
    'schema:domainIncludes'?: { '@id': string } | { '@id': string }[];
    'schema:rangeIncludes'?: { '@id': string } | { '@id': string }[];
  }
  const vocabulary = (existsSync(VOCABULARY) ? JSON.parse(readFileSync(VOCABULARY, 'utf8')) : { '@graph': [] }) as {
    '@graph': Term[];
  };
  const terms = new Map(vocabulary['@graph'].map((term) => [term['@id'], term]));
  const ids = (value: { '@id': string } | { '@id': string }[] | undefined): string[] =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => v['@id']);
  const ancestors = (type: string): string[] => [type, ...ids(terms.get(type)?.['rdfs:subClassOf']).flatMap(ancestors)];
  const TEXT = ['schema:Text', 'schema:URL', 'schema:Date', 'schema:DateTime'];
  const NUMBER = ['schema:Number', 'schema:Integer', 'schema:Float'];

  function problems(node: JsonNode, path: string): string[] {
    const type = `schema:${String(node['@type'])}`;
    if (terms.get(type) === undefined) return [`${path}: unknown type ${type}`];
    const found: string[] = [];
    for (const [key, raw] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      const property = terms.get(`schema:${key}`);
      if (property === undefined) {
        found.push(`${path}.${key}: unknown property`);
        continue;
      }
      if (!ancestors(type).some((t) => ids(property['schema:domainIncludes']).includes(t))) {
        found.push(`${path}.${key}: not a property of ${type}`);
      }
      const range = ids(property['schema:rangeIncludes']);
      for (const value of Array.isArray(raw) ? raw : [raw]) {
        if (typeof value === 'string' && !range.some((r) => TEXT.includes(r)))
          found.push(`${path}.${key}: text not in ${range}`);
        if (typeof value === 'number' && !range.some((r) => NUMBER.includes(r)))
          found.push(`${path}.${key}: number not in ${range}`);
        if (typeof value === 'object' && value !== null && '@type' in value) {
          const valueType = `schema:${String((value as JsonNode)['@type'])}`;
          if (!ancestors(valueType).some((t) => range.includes(t)))
            found.push(`${path}.${key}: ${valueType} not in ${range}`);
          found.push(...problems(value as JsonNode, `${path}.${key}`));
        }
      }
    }
    return found;
  }

  it('uses only types and properties the vocabulary defines, where it allows them', () => {
    const article = makeArticle({
      dateModified: dateTime('2024-03-01T17:45:00+01:00'),
      citations: [
        makeCitation({ author: 'A', datePublished: '2024-02-27', inLanguage: 'en' }),
        makeCitation({ type: 'Legislation', url: 'https://x.example/' }),
      ],
      about: [{ type: 'Legislation', name: 'AI Act', sameAs: ['https://www.wikidata.org/wiki/Q108456694'] }],
      corrections: [{ date: dateTime('2024-03-01T17:45:00+01:00'), text: 'Le montant était de 15 millions.' }],
      quotes: [
        {
          text: 'Une phrase.',
          spokenBy: { name: 'Kai Zenner', jobTitle: 'Conseiller', affiliation: 'Parlement européen' },
        },
      ],
    });
    const all = [
      ...nodes(articleGraph(makeSite(), article)),
      ...nodes(siteGraph(makeSite())),
      ...nodes(listPageGraph(makeSite(), LIST)),
      ...nodes(listPageGraph(makeSite(), PROFILE)),
    ];
    expect(all.flatMap((node, i) => problems(node, `@graph[${i}]`))).toEqual([]);
  });
});

describe('articleGraph authors', () => {
  it('credits the publisher by reference when the record names no author', () => {
    const site = makeSite();
    const article = makeArticle({
      authors: [{ type: 'Organization', name: site.publisher.name, url: site.publisher.url, sameAs: [] }],
    });
    const graph = articleGraph(site, article) as unknown as { '@graph': Record<string, unknown>[] };
    const node = graph['@graph'].find((candidate) => candidate['@type'] === 'NewsArticle');
    expect(node?.author).toEqual([{ '@id': site.publisher.id }]);
    expect(graph['@graph'].some((candidate) => candidate['@id'] === site.publisher.id)).toBe(true);
  });
});
