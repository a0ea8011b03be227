import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { validateJsonLd } from '../../src/check/jsonld.js';

const site = 'https://depeche.example';
const page = `${site}/articles/budget-2024/`;

type Node = Record<string, unknown>;

/** A complete, correct NewsArticle graph as depeche emits it; a fresh copy on every call. */
function newsArticleGraph(): { '@context': string; '@graph': Node[] } {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'NewsArticle',
        '@id': `${page}#article`,
        headline: 'Le Bundestag adopte le budget 2024',
        description: 'Après des semaines de négociations, le budget fédéral est voté.',
        datePublished: '2024-02-28T09:00:00+01:00',
        dateModified: '2024-02-28T11:30:00Z',
        inLanguage: 'fr',
        url: page,
        mainEntityOfPage: { '@id': page },
        author: [
          {
            '@type': 'Person',
            name: 'Claire Martin',
            url: `${site}/auteurs/claire-martin/`,
            sameAs: ['https://www.wikidata.org/wiki/Q00000001', 'https://mastodon.example/@claire'],
          },
        ],
        publisher: { '@id': `${site}/#publisher` },
        image: {
          '@type': 'ImageObject',
          url: `${site}/images/bundestag.jpg`,
          width: { '@type': 'QuantitativeValue', value: 1200, unitCode: 'E37' },
          height: '675 px',
          caption: 'Le Bundestag, à Berlin.',
        },
        articleSection: 'Politique',
        keywords: ['budget', 'Bundestag', 'Allemagne'],
        isAccessibleForFree: true,
        wordCount: 840,
        isBasedOn: { '@id': `${page}#citation-2` },
        citation: [
          {
            '@type': 'NewsArticle',
            '@id': `${page}#citation-1`,
            name: 'Bundestag beschließt Haushalt 2024',
            url: 'https://news.example.de/haushalt-2024',
            publisher: { '@type': 'Organization', name: 'News Example' },
            datePublished: '2024-02-27',
            inLanguage: 'de',
          },
          {
            '@type': 'Legislation',
            '@id': `${page}#citation-2`,
            name: 'Haushaltsgesetz 2024',
            url: 'https://www.gesetze-im-internet.de/hg_2024/',
            legislationIdentifier: 'BGBl. 2024 I Nr. 40',
            legislationDate: '2024-02-16',
            publisher: { '@type': 'GovernmentOrganization', name: 'Bundesministerium der Justiz' },
            datePublished: '2024-02-16',
          },
        ],
        mentions: [
          { '@type': 'GovernmentOrganization', name: 'Bundestag', sameAs: 'https://www.wikidata.org/wiki/Q154797' },
          { '@type': 'Person', name: 'Christian Lindner', sameAs: ['https://www.wikidata.org/wiki/Q84453'] },
        ],
        hasPart: { '@id': `${page}#quote-1` },
      },
      {
        '@type': 'WebPage',
        '@id': page,
        url: page,
        name: 'Le Bundestag adopte le budget 2024 — Dépêche',
        isPartOf: { '@type': 'WebSite', '@id': `${site}/#website`, url: `${site}/`, name: 'Dépêche' },
      },
      {
        '@type': ['Organization', 'NewsMediaOrganization'],
        '@id': `${site}/#publisher`,
        name: 'Dépêche',
        url: `${site}/`,
        logo: {
          '@type': 'ImageObject',
          url: `${site}/logo.png`,
          width: { '@type': 'QuantitativeValue', value: 600, unitCode: 'E37' },
          height: { '@type': 'QuantitativeValue', value: 60, unitCode: 'E37' },
        },
        sameAs: ['https://mastodon.example/@depeche'],
        publishingPrinciples: `${site}/charte/`,
      },
      {
        '@type': 'Quotation',
        '@id': `${page}#quote-1`,
        text: 'Ce budget est un budget de responsabilité.',
        spokenByCharacter: {
          '@type': 'Person',
          name: 'Christian Lindner',
          jobTitle: 'Bundesminister der Finanzen',
          affiliation: { '@type': 'GovernmentOrganization', name: 'Bundesministerium der Finanzen' },
        },
        isPartOf: { '@id': `${page}#article` },
        isBasedOn: { '@id': `${page}#citation-1` },
      },
    ],
  };
}

/** The graph's nodes by position: 0 article, 1 web page, 2 publisher, 3 quotation. */
function node(document: { '@graph': Node[] }, index: number): Node {
  const found = document['@graph'][index];
  if (found === undefined) throw new Error(`no node ${index}`);
  return found;
}

function item(list: unknown, index: number): Node {
  return (list as Node[])[index] as Node;
}

describe('validateJsonLd on a correct graph', () => {
  it('finds nothing in a complete NewsArticle graph', () => {
    expect(validateJsonLd(newsArticleGraph())).toEqual([]);
  });

  it('finds nothing in a single node with its @context', () => {
    const { '@graph': graph } = newsArticleGraph();
    const quotation = {
      '@context': 'https://schema.org',
      ...graph[3],
      isPartOf: page,
      isBasedOn: 'https://news.example.de/haushalt-2024',
    };
    expect(validateJsonLd(quotation)).toEqual([]);
  });

  it('accepts the id/type aliases, schema.org IRIs as names, and value objects', () => {
    const document = {
      '@context': ['https://schema.org', { '@language': 'fr' }],
      type: 'http://schema.org/NewsArticle',
      id: `${page}#article`,
      'https://schema.org/headline': { '@value': 'Titre', '@language': 'fr' },
      datePublished: { '@value': '2024-02-28', '@type': 'Date' },
      author: { type: 'schema:Person', name: 'Claire Martin' },
    };
    expect(validateJsonLd(document)).toEqual([]);
  });

  it('accepts enumeration members as IRIs or references, and Date or DateTime where both fit', () => {
    const document = newsArticleGraph();
    node(document, 0).mentions = {
      '@type': 'Event',
      name: 'Vote du budget',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: { '@id': 'https://schema.org/OfflineEventAttendanceMode' },
      startDate: '2024-02-28',
      endDate: '2024-02-28T18:00:00+01:00',
      duration: 'PT9H',
    };
    expect(validateJsonLd(document)).toEqual([]);
  });

  it('accepts a reference to an outside page where the range takes a URL', () => {
    const document = newsArticleGraph();
    node(document, 0).isBasedOn = { '@id': 'https://www.bundestag.de/dokumente/textarchiv/2024/kw05' };
    expect(validateJsonLd(document)).toEqual([]);
  });
});

describe('validateJsonLd finds', () => {
  const article = "$['@graph'][0]";

  it('an unknown type', () => {
    const document = newsArticleGraph();
    item(node(document, 0).citation, 0)['@type'] = 'PressRelease';
    expect(validateJsonLd(document)).toEqual([
      { path: `${article}.citation[0]['@type']`, message: 'unknown type "PressRelease"' },
    ]);
  });

  it('a misspelt type in a list of types, with a suggestion', () => {
    const document = newsArticleGraph();
    node(document, 2)['@type'] = ['Organization', 'NewsMediaOrganisation'];
    expect(validateJsonLd(document)).toEqual([
      {
        path: "$['@graph'][2]['@type'][1]",
        message: expect.stringMatching(
          /^unknown type "NewsMediaOrganisation" \(did you mean "NewsMediaOrganization"\?\)$/,
        ),
      },
    ]);
  });

  it('a misspelt property, with a suggestion', () => {
    const document = newsArticleGraph();
    const { headline, ...rest } = node(document, 0);
    document['@graph'][0] = { ...rest, headlin: headline };
    expect(validateJsonLd(document)).toEqual([
      {
        path: `${article}.headlin`,
        message: expect.stringMatching(/^unknown property "headlin" \(did you mean "headline"\?\)$/),
      },
    ]);
  });

  it('a property that does not exist (spokenBy)', () => {
    const document = newsArticleGraph();
    const quotation = node(document, 3);
    quotation.spokenBy = quotation.spokenByCharacter;
    delete quotation.spokenByCharacter;
    expect(validateJsonLd(document)).toEqual([
      { path: "$['@graph'][3].spokenBy", message: expect.stringContaining('did you mean "spokenByCharacter"') },
    ]);
  });

  it('a property outside its domain', () => {
    const document = newsArticleGraph();
    item(node(document, 0).author, 0).headline = 'Une journaliste';
    expect(validateJsonLd(document)).toEqual([
      {
        path: `${article}.author[0].headline`,
        message: expect.stringMatching(/^"headline" is not a property of Person: its domain is CreativeWork$/),
      },
    ]);
  });

  it('a superseded property', () => {
    const document = newsArticleGraph();
    node(document, 0).isBasedOnUrl = 'https://news.example.de/haushalt-2024';
    expect(validateJsonLd(document)).toEqual([
      { path: `${article}.isBasedOnUrl`, message: '"isBasedOnUrl" is superseded by "isBasedOn"' },
    ]);
  });

  it('a bare string where an Organization or Person is required', () => {
    const document = newsArticleGraph();
    node(document, 0).publisher = 'Dépêche';
    expect(validateJsonLd(document)).toEqual([
      {
        path: `${article}.publisher`,
        message: expect.stringMatching(/^expected Organization or Person .*found "Dépêche"$/),
      },
    ]);
  });

  it('a node of a type outside the range', () => {
    const document = newsArticleGraph();
    item(node(document, 0).citation, 0).publisher = { '@type': 'Place', name: 'Berlin' };
    expect(validateJsonLd(document)).toEqual([
      {
        path: `${article}.citation[0].publisher`,
        message: expect.stringMatching(/^expected Organization or Person.*found a Place node$/),
      },
    ]);
  });

  it('a reference to a node of a type outside the range', () => {
    const document = newsArticleGraph();
    node(document, 0).publisher = { '@id': page };
    expect(validateJsonLd(document)).toEqual([
      { path: `${article}.publisher`, message: expect.stringContaining('found a reference to a WebPage') },
    ]);
  });

  it('a DateTime without its UTC offset', () => {
    const document = newsArticleGraph();
    node(document, 0).datePublished = '2024-02-28T09:00:00';
    expect(validateJsonLd(document)).toEqual([
      {
        path: `${article}.datePublished`,
        message: expect.stringMatching(/UTC offset.*found "2024-02-28T09:00:00" without a UTC offset$/),
      },
    ]);
  });

  it.each(['2024-02-30', '28/02/2024', '2024-2-28', '2024-02-28T09:00:00+01:00'])('a malformed Date: %s', (value) => {
    const document = newsArticleGraph();
    item(node(document, 0).citation, 1).legislationDate = value;
    expect(validateJsonLd(document)).toEqual([
      {
        path: `${article}.citation[1].legislationDate`,
        message: expect.stringMatching(/^expected a Date \(YYYY-MM-DD\), found/),
      },
    ]);
  });

  it('a relative URL', () => {
    const document = newsArticleGraph();
    item(node(document, 0).author, 0).url = '/auteurs/claire-martin/';
    expect(validateJsonLd(document)).toEqual([
      {
        path: `${article}.author[0].url`,
        message: 'expected an absolute http(s) URL, found "/auteurs/claire-martin/"',
      },
    ]);
  });

  it('a dangling @id where only nodes fit', () => {
    const document = newsArticleGraph();
    node(document, 0).publisher = { '@id': `${site}/#editeur` };
    expect(validateJsonLd(document)).toEqual([
      {
        path: `${article}.publisher`,
        message: expect.stringMatching(/^dangling @id "https:\/\/depeche\.example\/#editeur"/),
      },
    ]);
  });

  it('a dangling @id into the document itself, even where a URL would fit', () => {
    const document = newsArticleGraph();
    node(document, 0).isBasedOn = { '@id': `${page}#citation-9` };
    expect(validateJsonLd(document)).toEqual([
      { path: `${article}.isBasedOn`, message: expect.stringMatching(/^dangling @id/) },
    ]);
  });

  it('a number where the range has no Number (width takes QuantitativeValue or Distance)', () => {
    const document = newsArticleGraph();
    (node(document, 0).image as Node).width = 1200;
    expect(validateJsonLd(document)).toEqual([
      {
        path: `${article}.image.width`,
        message: expect.stringMatching(/^expected .*QuantitativeValue.*found the number 1200$/),
      },
    ]);
  });

  it('a fraction where an Integer is expected', () => {
    const document = newsArticleGraph();
    node(document, 0).wordCount = 840.5;
    expect(validateJsonLd(document)).toEqual([
      { path: `${article}.wordCount`, message: 'expected an Integer, found the number 840.5' },
    ]);
  });

  it('an enumeration member of the wrong enumeration', () => {
    const document = newsArticleGraph();
    node(document, 0).mentions = { '@type': 'Event', name: 'Vote', eventStatus: 'https://schema.org/InStock' };
    expect(validateJsonLd(document)).toEqual([
      {
        path: `${article}.mentions.eventStatus`,
        message: expect.stringMatching(
          /^expected a member of EventStatusType.*found "https:\/\/schema\.org\/InStock"$/,
        ),
      },
    ]);
  });

  it('a node without @type', () => {
    const document = newsArticleGraph();
    delete item(node(document, 0).mentions, 1)['@type'];
    expect(validateJsonLd(document)).toEqual([
      { path: `${article}.mentions[1]`, message: 'expected an @type on this node' },
    ]);
  });

  it('a context other than schema.org, or none', () => {
    const other = { ...newsArticleGraph(), '@context': 'https://example.org/vocab' };
    expect(validateJsonLd(other)).toEqual([
      { path: "$['@context']", message: 'expected "https://schema.org", found "https://example.org/vocab"' },
    ]);
    const { '@context': _context, ...none } = newsArticleGraph();
    expect(validateJsonLd(none)).toEqual([
      { path: "$['@context']", message: 'expected "https://schema.org", found nothing' },
    ]);
  });

  it('every problem of a document, each at its own path', () => {
    const document = newsArticleGraph();
    node(document, 0).datePublished = '2024-02-28';
    node(document, 0).dateModified = 'hier';
    item(node(document, 0).mentions, 0).sameAs = 'wikidata:Q154797';
    const paths = validateJsonLd(document).map((finding) => finding.path);
    expect(paths).toEqual([`${article}.dateModified`, `${article}.mentions[0].sameAs`]);
  });

  it('something that is not a JSON-LD object', () => {
    expect(validateJsonLd('NewsArticle')).toEqual([
      { path: '$', message: 'expected a JSON-LD object, found "NewsArticle"' },
    ]);
  });
});

/** The schema.org 30.0 context, shipped in src/vocabulary/data/schemas/. */
const contextPath = new URL('../../src/vocabulary/data/schemas/schemaorgcontext.jsonld', import.meta.url);

describe('the correct graph, cross-checked by a JSON-LD processor', () => {
  it('expands in safe mode with the schema.org 30.0 context, dropping nothing', async () => {
    const jsonld = createRequire(import.meta.url)('jsonld') as {
      expand(input: unknown, options: object): Promise<unknown[]>;
    };
    const context = JSON.parse(readFileSync(contextPath, 'utf8')) as unknown;
    const documentLoader = async (url: string) => {
      if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`unexpected context ${url}`);
      return { contextUrl: null, document: context, documentUrl: url };
    };
    const expanded = await jsonld.expand(newsArticleGraph(), { documentLoader, safe: true });
    const text = JSON.stringify(expanded);
    expect(text).toContain('http://schema.org/spokenByCharacter');
    expect(text).toContain('http://schema.org/Quotation');
  });
});
