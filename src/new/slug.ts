/**
 * Slugs from French titles: lowercase ASCII letters and digits in words joined by single hyphens
 * (the record contract's `SLUG`). Accents are folded (`é` → `e`, `ç` → `c`), ligatures spelt out
 * (`œ` → `oe`, `æ` → `ae`), apostrophes dropped so that an elided word stays with the next one
 * (`l’Europe s’inquiète` → `leurope-sinquiete`), and every other run of signs becomes one hyphen.
 */

const LETTERS: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};

/** Straight and curly apostrophes, the modifier letter apostrophe, and the accents typed in their place. */
const APOSTROPHES = /['’‘ʼ`´]/g;

/** The slug of `title`; empty when the title has no letter or digit. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[œæßøđłıþð]/g, (letter) => LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(APOSTROPHES, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
