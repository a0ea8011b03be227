import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildVocabularyIndex,
  defaultReleasePath,
  indexPath,
  notePath,
  renderSourceNote,
  serializeVocabularyIndex,
  versionFromPath,
} from './build-vocabulary.js';
import type { VocabularyIndex } from '../../src/vocabulary/load.js';

const projectRoot = new URL('../../', import.meta.url);
const releaseUrl = new URL(defaultReleasePath, projectRoot);
const hasRelease = existsSync(releaseUrl);
const committedIndex = (): string => readFileSync(new URL(indexPath, projectRoot), 'utf8');

/** A release in miniature, with the shapes the real file uses. */
function miniRelease(): unknown {
  const ref = (id: string) => ({ '@id': id });
  return {
    '@context': { schema: 'https://schema.org/' },
    '@graph': [
      { '@id': 'schema:Thing', '@type': 'rdfs:Class' },
      { '@id': 'schema:CreativeWork', '@type': 'rdfs:Class', 'rdfs:subClassOf': ref('schema:Thing') },
      { '@id': 'schema:Text', '@type': ['schema:DataType', 'rdfs:Class'] },
      { '@id': 'schema:URL', '@type': 'rdfs:Class', 'rdfs:subClassOf': ref('schema:Text') },
      { '@id': 'schema:DataType', '@type': 'rdfs:Class', 'rdfs:subClassOf': ref('rdfs:Class') },
      {
        '@id': 'schema:Brand',
        '@type': 'rdfs:Class',
        'rdfs:subClassOf': [ref('schema:Thing'), ref('cmns-cls:Classifier')],
      },
      {
        '@id': 'schema:Code',
        '@type': 'rdfs:Class',
        'rdfs:subClassOf': ref('schema:CreativeWork'),
        'schema:supersededBy': ref('schema:CreativeWork'),
      },
      { '@id': 'schema:DayOfWeek', '@type': 'rdfs:Class', 'rdfs:subClassOf': ref('schema:Thing') },
      { '@id': 'schema:Monday', '@type': 'schema:DayOfWeek', 'rdfs:label': 'Monday' },
      {
        '@id': 'schema:url',
        '@type': 'rdf:Property',
        'schema:domainIncludes': ref('schema:Thing'),
        'schema:rangeIncludes': ref('schema:URL'),
      },
      {
        '@id': 'schema:citation',
        '@type': 'rdf:Property',
        'rdfs:comment': 'left out',
        'schema:domainIncludes': ref('schema:CreativeWork'),
        'schema:rangeIncludes': [ref('schema:Text'), ref('schema:CreativeWork')],
      },
      { '@id': 'schema:oldUrl', '@type': 'rdf:Property', 'schema:supersededBy': ref('schema:url') },
      { '@id': 'dct:title', '@type': 'rdf:Property' },
      { '@id': 'eli:LegalResource', '@type': 'rdfs:Class' },
    ],
  };
}

describe('buildVocabularyIndex', () => {
  it('keeps schema.org types, data types, properties, members and replacements, sorted', () => {
    const expected: VocabularyIndex = {
      dataTypes: ['Text'],
      members: { Monday: ['DayOfWeek'] },
      properties: {
        citation: { d: ['CreativeWork'], r: ['CreativeWork', 'Text'] },
        oldUrl: { d: [], r: [], s: ['url'] },
        url: { d: ['Thing'], r: ['URL'] },
      },
      superseded: { Code: ['CreativeWork'] },
      types: {
        Brand: ['Thing'],
        Code: ['CreativeWork'],
        CreativeWork: ['Thing'],
        DataType: [],
        DayOfWeek: ['Thing'],
        Text: [],
        Thing: [],
        URL: ['Text'],
      },
      version: '9.9',
    };
    expect(buildVocabularyIndex(miniRelease(), '9.9')).toEqual(expected);
  });

  it('rejects a file that is no release', () => {
    expect(() => buildVocabularyIndex({ classes: [] }, '1.0')).toThrow(/@graph/);
  });
});

describe('serializeVocabularyIndex', () => {
  it('writes JSON that parses back to the index, keys sorted, one entry a line', () => {
    const index = buildVocabularyIndex(miniRelease(), '9.9');
    const text = serializeVocabularyIndex(index);
    expect(JSON.parse(text)).toEqual(index);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'dataTypes',
      'members',
      'properties',
      'superseded',
      'types',
      'version',
    ]);
    expect(text).toContain('\n"citation":{"d":["CreativeWork"],"r":["CreativeWork","Text"]},\n');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('is deterministic', () => {
    const index = buildVocabularyIndex(miniRelease(), '9.9');
    expect(serializeVocabularyIndex(index)).toBe(serializeVocabularyIndex(structuredClone(index)));
  });
});

describe('versionFromPath', () => {
  it('reads the release from the folder name', () => {
    expect(versionFromPath('../shared/schemas/schemaorg-30.0/schemaorg-current-https.jsonld')).toBe('30.0');
    expect(versionFromPath('/tmp/schemaorg-current-https.jsonld')).toBeUndefined();
  });
});

describe('the committed index', () => {
  it('is valid JSON with the expected sections', () => {
    const index = JSON.parse(committedIndex()) as VocabularyIndex;
    expect(index.version).toBe('30.0');
    expect(index.types.NewsArticle).toEqual(['Article']);
    expect(index.properties.publisher).toEqual({
      d: ['CreativeWork', 'FinancialIncentive'],
      r: ['Organization', 'Person'],
    });
    expect(index.members.Monday).toEqual(['DayOfWeek']);
  });

  it.skipIf(!hasRelease)('equals what the script generates from the schema.org 30.0 release', () => {
    const bytes = readFileSync(releaseUrl);
    const index = buildVocabularyIndex(JSON.parse(bytes.toString('utf8')), '30.0');
    expect(committedIndex()).toBe(serializeVocabularyIndex(index));
    const source = {
      path: defaultReleasePath,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    expect(readFileSync(new URL(notePath, projectRoot), 'utf8')).toBe(renderSourceNote(index, source));
  });
});

/** Reads the raw release independently of the script: `schema:` ids to plain names, lists sorted. */
function rawRelease(): Map<string, Record<string, unknown>> {
  const release = JSON.parse(readFileSync(releaseUrl, 'utf8')) as { '@graph': Array<Record<string, unknown>> };
  return new Map(release['@graph'].map((node) => [String(node['@id']), node]));
}

function names(value: unknown): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list
    .map((entry) => String((entry as { '@id': unknown })['@id']))
    .filter((id) => id.startsWith('schema:'))
    .map((id) => id.slice('schema:'.length))
    .sort();
}

/** A small deterministic generator, so that the "random" sample is the same on every run. */
function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  let state = seed;
  const picked = new Set<T>();
  while (picked.size < Math.min(count, items.length)) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    picked.add(items[state % items.length] as T);
  }
  return [...picked];
}

describe.skipIf(!hasRelease)('the committed index, cross-checked against the raw release', () => {
  const index = JSON.parse(committedIndex()) as VocabularyIndex;

  it('has the domain, range and replacements of 20 sampled properties', () => {
    const raw = rawRelease();
    for (const name of sample(Object.keys(index.properties), 20, 30)) {
      const node = raw.get(`schema:${name}`);
      expect(node?.['@type'], name).toBe('rdf:Property');
      expect(index.properties[name]?.d, name).toEqual(names(node?.['schema:domainIncludes']));
      expect(index.properties[name]?.r, name).toEqual(names(node?.['schema:rangeIncludes']));
      const replacements = names(node?.['schema:supersededBy']);
      expect(index.properties[name]?.s, name).toEqual(replacements.length > 0 ? replacements : undefined);
    }
  });

  it('has the supertypes of 20 sampled types', () => {
    const raw = rawRelease();
    for (const name of sample(Object.keys(index.types), 20, 7)) {
      expect(index.types[name], name).toEqual(names(raw.get(`schema:${name}`)?.['rdfs:subClassOf']));
    }
  });

  it('has every schema.org property and class of the release', () => {
    const nodes = [...rawRelease().values()].filter((node) => String(node['@id']).startsWith('schema:'));
    const typed = (rdfType: string) =>
      nodes
        .filter((node) => ([] as unknown[]).concat(node['@type']).includes(rdfType))
        .map((node) => String(node['@id']).slice(7));
    expect(Object.keys(index.properties).sort()).toEqual(typed('rdf:Property').sort());
    for (const name of typed('rdfs:Class')) expect(index.types[name], name).toBeDefined();
    expect(index.dataTypes).toEqual(typed('schema:DataType').sort());
  });
});
