/** French-aware slugs: accents folded, ligatures spelt out, apostrophes dropped; always a valid SLUG. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLUG } from '../../src/content/article-schema.js';
import { formatLocalDateTime, newRecord } from '../../src/new/record.js';
import { slugify } from '../../src/new/slug.js';

describe('slugify', () => {
  it('folds accents and ligatures, and drops apostrophes so an elided word stays with the next', () => {
    expect(slugify('L’Europe s’inquiète')).toBe('leurope-sinquiete');
    expect(slugify("Titre de l'article")).toBe('titre-de-larticle');
    expect(slugify('Œuvre « cœur » : 15 % d’IA')).toBe('oeuvre-coeur-15-dia');
    expect(slugify('Ça déménage à Noël !')).toBe('ca-demenage-a-noel');
    expect(slugify('Straße, Ærø, Łódź')).toBe('strasse-aero-lodz');
    expect(slugify('  -- Mistral AI --  ')).toBe('mistral-ai');
  });

  it('is empty when the title has no letter or digit', () => {
    expect(slugify('« … » !')).toBe('');
  });

  it('gives a slug the record contract accepts, for any title with a letter or digit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (title) => {
        const slug = slugify(title);
        return slug === '' || SLUG.test(slug);
      }),
    );
  });
});

describe('the record depeche new writes', () => {
  it('dates it now at the local offset, to the second', () => {
    expect(formatLocalDateTime({ epochMs: Date.parse('2024-02-28T08:00:00.900Z'), offsetMinutes: 60 })).toBe(
      '2024-02-28T09:00:00+01:00',
    );
    expect(formatLocalDateTime({ epochMs: Date.parse('2024-02-28T08:00:00Z'), offsetMinutes: -330 })).toBe(
      '2024-02-28T02:30:00-05:30',
    );
    expect(formatLocalDateTime({ epochMs: Date.parse('2024-02-28T23:30:00Z'), offsetMinutes: 0 })).toBe(
      '2024-02-28T23:30:00+00:00',
    );
  });

  it('quotes a title only when YAML needs it', () => {
    expect(newRecord('Un titre : deux-points', { epochMs: 0, offsetMinutes: 0 })).toContain(
      'title: "Un titre : deux-points"\n',
    );
    expect(newRecord('L’Europe', { epochMs: 0, offsetMinutes: 0 })).toContain('title: L’Europe\n');
  });
});
