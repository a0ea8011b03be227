import { describe, expect, it } from 'vitest';
import { en } from '../../src/locales/en.js';
import { LOCALES, localeOf } from '../../src/locales/index.js';
import { hasLabels, labelsFor } from '../../src/render/labels.js';

/** Every string of a locale by its dotted key, `types` apart (a locale names the types it translates). */
function strings(value: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'types') continue;
    if (typeof entry === 'string') found.set(prefix + key, entry);
    else for (const [inner, text] of strings(entry as object, `${prefix}${key}.`)) found.set(inner, text);
  }
  return found;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('locale files', () => {
  const english = strings(en);

  it('ship the languages the issue asks for', () => {
    expect(Object.keys(LOCALES).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
  });

  for (const [tag, locale] of Object.entries(LOCALES)) {
    describe(tag, () => {
      const own = strings(locale);
      it("has every key of English's and no other, none empty", () => {
        const optional = ['dates.firstDay', 'dates.time'];
        const required = [...english.keys()].filter((key) => !optional.includes(key));
        expect([...own.keys()].filter((key) => !optional.includes(key)).sort()).toEqual(required.sort());
        for (const [key, text] of own) expect(text.trim(), key).not.toBe('');
      });

      it("uses the placeholders of English's", () => {
        for (const [key, text] of own) {
          if (key === 'dates.time') expect(placeholders(text)).toEqual(['h', 'mm']);
          else if (key !== 'dates.firstDay')
            expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
        }
      });

      it('names schema.org types that French names, and only those', () => {
        for (const type of Object.keys(locale.types)) expect(Object.keys(LOCALES.fr?.types ?? {})).toContain(type);
      });

      it('is a tag Intl formats dates in', () => {
        expect(Intl.DateTimeFormat.supportedLocalesOf([locale.intl])).toEqual([locale.intl]);
      });
    });
  }
});

describe('labelsFor', () => {
  const firstOfMarch = new Date(Date.UTC(2024, 2, 1, 9, 5));

  it('writes dates in each language through Intl', () => {
    const dates = Object.fromEntries(Object.keys(LOCALES).map((tag) => [tag, labelsFor(tag).dateTime(firstOfMarch)]));
    expect(dates).toEqual({
      de: '1. März 2024, 09:05 Uhr',
      en: '1 March 2024, 09:05',
      es: '1 de marzo de 2024, 9:05',
      fr: '1er mars 2024 à 9\u00a0h\u00a005',
      it: '1º marzo 2024, ore 09:05',
      nl: '1 maart 2024 om 09:05',
      pt: '1 de março de 2024, às 09:05',
    });
    expect(labelsFor('de').date(new Date(Date.UTC(2024, 11, 24)))).toBe('24. Dezember 2024');
  });

  it('fills the placeholders', () => {
    expect(labelsFor('nl').lists.page(2, 7)).toBe('Pagina 2 van 7');
    expect(labelsFor('es').notFound.text('Diario')).toContain('de Diario en esta dirección');
  });

  it('takes a region or script subtag to its language, and gives English to a language without labels', () => {
    expect(localeOf('pt-BR')).toBe(LOCALES.pt);
    expect(labelsFor('fr-CA').skip).toBe('Aller au contenu');
    expect(hasLabels('sv')).toBe(false);
    expect(labelsFor('sv').skip).toBe('Skip to content');
    expect(labelsFor('sv').type('NewsArticle')).toBe('news article');
  });
});
