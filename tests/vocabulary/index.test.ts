import { describe, expect, it } from 'vitest';
import {
  enumerationOf,
  enumerationsOf,
  isCreativeWorkType,
  isDataType,
  isSubtypeOf,
  isType,
  property,
  suggestProperty,
  suggestType,
  typeSupersededBy,
  vocabularyVersion,
} from '../../src/vocabulary/index.js';

describe('types', () => {
  it('is built from schema.org 30.0', () => {
    expect(vocabularyVersion()).toBe('30.0');
  });

  it.each([
    'NewsArticle',
    'Report',
    'ScholarlyArticle',
    'Legislation',
    'WebPage',
    'Dataset',
    'Quotation',
    'CreativeWork',
  ])('%s is a CreativeWork type', (name) => {
    expect(isType(name)).toBe(true);
    expect(isCreativeWorkType(name)).toBe(true);
  });

  it.each(['Organization', 'Person', 'NewsMediaOrganization', 'Thing', 'Text'])(
    '%s is not a CreativeWork type',
    (name) => {
      expect(isType(name)).toBe(true);
      expect(isCreativeWorkType(name)).toBe(false);
    },
  );

  it('knows no PressRelease, and no names from Object.prototype', () => {
    expect(isType('PressRelease')).toBe(false);
    expect(isType('toString')).toBe(false);
    expect(isType('constructor')).toBe(false);
    expect(isCreativeWorkType('PressRelease')).toBe(false);
  });

  it('answers subtype questions transitively and reflexively', () => {
    expect(isSubtypeOf('NewsArticle', 'Thing')).toBe(true);
    expect(isSubtypeOf('NewsArticle', 'Article')).toBe(true);
    expect(isSubtypeOf('NewsArticle', 'NewsArticle')).toBe(true);
    expect(isSubtypeOf('NewsMediaOrganization', 'Organization')).toBe(true);
    expect(isSubtypeOf('Article', 'NewsArticle')).toBe(false);
    expect(isSubtypeOf('Person', 'CreativeWork')).toBe(false);
    expect(isSubtypeOf('PressRelease', 'PressRelease')).toBe(false);
  });

  it('keeps the data types and their relations: URL is Text, Integer is a Number', () => {
    for (const name of ['Text', 'URL', 'Date', 'DateTime', 'Time', 'Number', 'Integer', 'Boolean', 'Distance']) {
      expect(isType(name), name).toBe(true);
      expect(isDataType(name), name).toBe(true);
    }
    expect(isSubtypeOf('URL', 'Text')).toBe(true);
    expect(isSubtypeOf('Integer', 'Number')).toBe(true);
    expect(isSubtypeOf('Distance', 'Quantity')).toBe(true);
    expect(isSubtypeOf('URL', 'Thing')).toBe(false);
    expect(isDataType('Organization')).toBe(false);
  });

  it('knows superseded types', () => {
    expect(typeSupersededBy('Code')).toEqual(['SoftwareSourceCode']);
    expect(typeSupersededBy('NewsArticle')).toBeUndefined();
  });
});

describe('suggestType', () => {
  it('finds a case-insensitive match first', () => {
    expect(suggestType('Newsarticle', 'CreativeWork')).toBe('NewsArticle');
    expect(suggestType('newsarticle')).toBe('NewsArticle');
  });

  it('finds a close spelling', () => {
    expect(suggestType('Organisation')).toBe('Organization');
    expect(suggestType('Articel')).toBe('Article');
    expect(suggestType('Legislaton', 'CreativeWork')).toBe('Legislation');
  });

  it('suggests nothing for a name far from every type', () => {
    expect(suggestType('PressRelease')).toBeUndefined();
    expect(suggestType('PressRelease', 'CreativeWork')).toBeUndefined();
    expect(suggestType('')).toBeUndefined();
  });

  it('only suggests subtypes of the ancestor', () => {
    expect(suggestType('Persn')).toBe('Person');
    expect(suggestType('Persn', 'CreativeWork')).toBeUndefined();
    expect(suggestType('Organisation', 'CreativeWork')).toBeUndefined();
  });
});

describe('properties', () => {
  it('gives domain and range', () => {
    expect(property('citation')?.domain).toContain('CreativeWork');
    expect(property('citation')?.range).toEqual(['CreativeWork', 'Text']);
    expect(property('publisher')?.range).toEqual(['Organization', 'Person']);
    expect(property('spokenByCharacter')?.domain).toEqual(['Quotation']);
    expect(property('headline')?.supersededBy).toBeUndefined();
  });

  it('gives the replacement of a superseded property', () => {
    expect(property('isBasedOnUrl')?.supersededBy).toEqual(['isBasedOn']);
  });

  it('knows no spokenBy, and no names from Object.prototype', () => {
    expect(property('spokenBy')).toBeUndefined();
    expect(property('constructor')).toBeUndefined();
    expect(property('hasOwnProperty')).toBeUndefined();
  });

  it('suggests properties, preferring those of the given types', () => {
    expect(suggestProperty('headlin', ['NewsArticle'])).toBe('headline');
    expect(suggestProperty('datePublised')).toBe('datePublished');
    expect(suggestProperty('spokenBy', ['Quotation'])).toBe('spokenByCharacter');
    expect(suggestProperty('zzzzzzzz')).toBeUndefined();
  });
});

describe('enumeration members', () => {
  it('gives the enumeration of a member', () => {
    expect(enumerationOf('Monday')).toBe('DayOfWeek');
    expect(enumerationOf('InStock')).toBe('ItemAvailability');
    expect(enumerationsOf('True')).toEqual(['Boolean']);
    expect(enumerationOf('NewsArticle')).toBeUndefined();
    expect(enumerationsOf('valueOf')).toEqual([]);
  });
});
