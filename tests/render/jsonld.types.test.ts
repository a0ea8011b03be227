/**
 * Type tests: `tsc --noEmit` (run by `npm test`) fails if any `@ts-expect-error` below stops being an
 * error, so these lines prove what our JSON-LD types refuse.
 */
import { expectTypeOf, it } from 'vitest';
import type { Graph } from 'schema-dts';
import type {
  CitationNode,
  DateTimeWithOffset,
  IsoDate,
  NewsArticleNode,
  QuotationNode,
} from '../../src/render/jsonld.js';

it('accepts a typed citation and dates that carry an offset', () => {
  const citation: CitationNode = {
    '@type': 'Legislation',
    '@id': 'https://depeche.example/articles/x/#citation-1',
    name: 'AI Act',
    url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
    datePublished: '2024-07-12',
  };
  const paris: DateTimeWithOffset = '2024-02-28T09:00:00+01:00';
  const utc: DateTimeWithOffset = '2024-02-28T08:00:00Z';
  const day: IsoDate = '2024-02-28';
  expectTypeOf(citation).toExtend<CitationNode>();
  expectTypeOf([paris, utc, day]).toBeArray();
});

it('refuses a citation without @type, of a non-CreativeWork type, or with an untyped publisher', () => {
  // @ts-expect-error a citation must say what it is
  const untyped: CitationNode = { '@id': 'https://depeche.example/#c', name: 'x', url: 'https://x.example/' };
  const person: CitationNode = {
    // @ts-expect-error a Person is not a creative work one can cite
    '@type': 'Person',
    '@id': 'https://depeche.example/#c',
    name: 'x',
    url: 'https://x.example/',
  };
  const bareString: CitationNode = {
    '@type': 'Report',
    '@id': 'https://depeche.example/#c',
    name: 'x',
    url: 'https://x.example/',
    // @ts-expect-error the publisher is an Organization node, not a bare name
    publisher: 'Cour des comptes',
  };
  expectTypeOf([untyped, person, bareString]).toBeArray();
});

it('refuses dates without an offset', () => {
  // @ts-expect-error a date-time must carry its UTC offset
  const local: DateTimeWithOffset = '2024-02-28T09:00:00';
  // @ts-expect-error a date alone is not a date-time
  const dayOnly: DateTimeWithOffset = '2024-02-28';
  // @ts-expect-error nor is a string that merely looks like one
  const nonsense: NewsArticleNode['datePublished'] = 'hier';
  expectTypeOf([local, dayOnly, nonsense]).toBeArray();
});

it('refuses a quotation with no speaker or detached from its article', () => {
  // @ts-expect-error spokenByCharacter and isPartOf are required
  const loose: QuotationNode = { '@type': 'Quotation', '@id': 'https://depeche.example/#q', text: 'x' };
  expectTypeOf(loose).toExtend<QuotationNode>();
});

it('keeps our graph assignable to schema-dts', () => {
  expectTypeOf<{ '@context': 'https://schema.org'; '@graph': (NewsArticleNode | QuotationNode)[] }>().toExtend<Graph>();
});
