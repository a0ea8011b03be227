/**
 * The quick path's YAML (src/content/quick-record.ts, js-yaml) must read what the slow path (the
 * `yaml` package, core schema) reads, or decline: a record whose front matter the two read apart
 * would be built from one reading and reported from the other. Compared on the scalars where YAML
 * libraries differ most (numbers, nulls, booleans, dates, YAML 1.1 words), then on generated
 * documents written by the `yaml` package in its several styles, and on hand-written block styles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { NOT_READ, readYamlQuickly } from '../../src/content/quick-record.js';

const slow = (text: string): unknown => parse(text, { schema: 'core', uniqueKeys: true });

const SCALARS = [
  '12',
  '-7',
  '+3',
  '0',
  '-0',
  '00',
  '012',
  '0o17',
  '0x1F',
  '0b101',
  '1_000',
  '0o8',
  '0xG',
  '1e3',
  '1.5',
  '.5',
  '5.',
  '+.5e-3',
  '1e',
  '1.2.3',
  '.inf',
  '-.Inf',
  '+.INF',
  '.NaN',
  '.nan',
  'null',
  'Null',
  'NULL',
  '~',
  '',
  'true',
  'True',
  'TRUE',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'y',
  '2013-01-03',
  '2013-01-03T23:33:00+01:00',
  '12:30:00',
  '1:2',
  '"12"',
  "'x'",
  '9'.repeat(400),
];

describe('the quick path’s YAML', () => {
  it('reads each scalar as the slow path does', () => {
    for (const scalar of SCALARS) {
      const text = `value: ${scalar}\n`;
      expect(readYamlQuickly(text), scalar).toEqual(slow(text));
      expect(
        Object.is((readYamlQuickly(text) as { value: unknown }).value, (slow(text) as { value: unknown }).value),
        scalar,
      ).toBe(true);
    }
  });

  it('reads block scalars, flow collections and comments as the slow path does', () => {
    const documents = [
      'title: "L’« événement » : 3,5 %"\ntags:\n  - Économie\n  - "R&D"\n',
      'body: |\n  ligne 1\n    ligne 2\n\n  ligne 3\nafter: x\n',
      'body: >-\n  plié\n  sur deux\n\n  paragraphes\n',
      'list: [a, "b, c", { k: v }]\nmap: { x: 1, y: [2, 3] } # commentaire\n',
      'nested:\n  - name: A\n    url: https://a.example/?q=1&r=2\n  - name: "B: deux"\n',
      "single: 'l''apostrophe'\ndouble: \"\\u00e9\\t\\\"\"\n",
      'empty:\nlist: []\nmap: {}\n',
    ];
    for (const text of documents) expect(readYamlQuickly(text), text).toEqual(slow(text));
  });

  it('reads generated documents as the slow path does, or declines them', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const scalar = fc.oneof(
      text,
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(...SCALARS),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), tie('node'), { maxKeys: 4 }),
    })).map;
    const style = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      lineWidth: fc.constantFrom(0, 20, 80),
    } as const);
    let compared = 0;
    fc.assert(
      fc.property(value, style, (data, options) => {
        const document = stringify(data, options);
        const quick = readYamlQuickly(document);
        if (quick === NOT_READ) return;
        compared++;
        expect(quick).toEqual(slow(document));
      }),
      { numRuns: 1500, seed: 20261127 },
    );
    // Declining everything would pass the property: most documents must be read.
    expect(compared).toBeGreaterThan(1000);
  });
});
