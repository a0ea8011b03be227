/**
 * The importer on the seed text (copied into tests/fixtures/import/ from ../shared/seeds/, public
 * scraped text the repository's content already carries) must give the body and the quotes of the
 * seed record exactly; smaller texts pin each rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/import/index.js';
import { findQuotes } from '../../src/import/quotes.js';
import { frenchDates } from '../../src/import/dates.js';
import { readArticleText } from '../../src/import/text.js';
import { titleFromUrl } from '../../src/import/title.js';

const root = join(import.meta.dirname, '../..');
const SLUG = 'le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement';
const now = { epochMs: Date.parse('2024-02-28T08:00:00Z'), offsetMinutes: 60 };

function splitRecord(text: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (match === null) throw new Error('not a record');
  return { front: parseYaml(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' };
}

describe('importing the seed', () => {
  const raw = readFileSync(join(root, 'tests/fixtures/import/usine-digitale-mistral.txt'), 'utf8');
  const imported = importArticle(raw, { now });
  const record = splitRecord(readFileSync(join(root, 'content/articles', `${SLUG}.md`), 'utf8'));
  const written = splitRecord(imported.record);

  it('gives the body and the quotes of the record in content/ exactly', () => {
    expect(written.body).toBe(record.body);
    expect(written.front.quotes).toEqual(record.front.quotes);
  });

  it('takes the first paragraph as the description, the trailing URL as the source', () => {
    expect(written.front.description).toBe(record.front.description);
    expect(written.front.isBasedOn).toBe(record.front.isBasedOn);
    expect(written.front.citations).toEqual([
      { type: 'NewsArticle', name: record.front.title, url: record.front.isBasedOn, inLanguage: 'fr' },
    ]);
  });

  it('spells the title from the URL as the body does, and makes the same slug', () => {
    expect(imported).toMatchObject({ title: record.front.title, titleFrom: 'url', slug: SLUG });
  });

  it('drops the newsletter box copied twice, and offers the dates of the text as hints', () => {
    expect(imported.repeated).toEqual([
      'Restez informés en temps réel',
      "S'inscrire à",
      'la newsletter',
      expect.stringMatching(/^En fournissant votre email/),
    ]);
    expect(imported.dates).toEqual([
      { date: '2024-02-27', text: 'le 27 février 2024' },
      { date: '2024-02-26', text: 'le 26 février 2024' },
    ]);
    expect(imported.record).toContain(
      '# Dates in the text: 2024-02-27 (le 27 février 2024), 2024-02-26 (le 26 février 2024).',
    );
  });

  it('writes a draft dated now, with the local offset', () => {
    expect(written.front.datePublished).toBe('2024-02-28T09:00:00+01:00');
    expect(written.front.draft).toBe(true);
  });
});

describe('quotes', () => {
  it('takes the speaker named after the quotation, with the apposition as job title', () => {
    expect(
      findQuotes(['« Nous sommes prêts », a déclaré Marie Curie, directrice du laboratoire, lors d’une conférence.']),
    ).toEqual([
      { text: 'Nous sommes prêts', spokenBy: { name: 'Marie Curie', jobTitle: 'directrice du laboratoire' } },
    ]);
    expect(findQuotes(['“C’est fini”, explique Jean de La Fontaine.'])).toEqual([
      { text: 'C’est fini', spokenBy: { name: 'Jean de La Fontaine' } },
    ]);
    expect(
      findQuotes(['« Trop tard », selon Ursula von der Leyen, une commissaire européenne qui préside la Commission.']),
    ).toEqual([
      {
        text: 'Trop tard',
        spokenBy: {
          name: 'Ursula von der Leyen',
          jobTitle: 'commissaire européenne',
          affiliation: 'Commission européenne',
        },
      },
    ]);
  });

  it('takes the speaker named before the quotation', () => {
    expect(findQuotes(['Thierry Breton a ainsi déclaré : « Personne n’est au-dessus des règles. »'])).toEqual([
      { text: 'Personne n’est au-dessus des règles.', spokenBy: { name: 'Thierry Breton' } },
    ]);
  });

  it('ignores words quoted in passing', () => {
    expect(
      findQuotes([
        'Elle allait « examiner » le partenariat, « qui pourra être converti ».',
        'Une IA « 100 % open source ».',
      ]),
    ).toEqual([]);
  });
});

describe('the text', () => {
  it('splits paragraphs at blank lines, or at every line when there are none', () => {
    expect(readArticleText('Un.\n\nDeux\nsuite.\n').paragraphs).toEqual(['Un.', 'Deux\nsuite.']);
    expect(readArticleText('Un.\r\nDeux.\r\nTrois.').paragraphs).toEqual(['Un.', 'Deux.', 'Trois.']);
  });

  it('takes a short first line without a full stop as the headline', () => {
    const text = readArticleText(
      'Bruxelles s’inquiète\n\nPremier paragraphe.\n\nSecond paragraphe.\n\nhttps://exemple.fr/a\n',
    );
    expect(text).toMatchObject({
      headline: 'Bruxelles s’inquiète',
      paragraphs: ['Premier paragraphe.', 'Second paragraphe.'],
      sourceUrl: 'https://exemple.fr/a',
    });
  });

  it('finds French dates, once each, and only real ones', () => {
    expect(frenchDates('Le 1er mars 2024, puis le 31 avril 2024, le 2 AOÛT 2023 et encore le 1er mars 2024.')).toEqual([
      { date: '2024-03-01', text: 'Le 1er mars 2024' },
      { date: '2023-08-02', text: 'le 2 AOÛT 2023' },
    ]);
  });

  it('guesses a title from the URL slug, joining elided articles', () => {
    expect(
      titleFromUrl(
        'https://exemple.fr/2024/l-europe-s-inquiete-de-l-integration-1234567.html',
        'L’Europe s’inquiète. L’intégration de Mistral inquiète l’Europe.',
      ),
    ).toBe('L’Europe s’inquiète de l’intégration');
    expect(titleFromUrl('https://exemple.fr/article?id=3', '')).toBeUndefined();
  });

  it('without a headline or a URL, takes the first sentence as the title', () => {
    const imported = importArticle('Mistral AI lève des fonds. Beaucoup.\n\nSuite.\n', { now });
    expect(imported).toMatchObject({
      title: 'Mistral AI lève des fonds',
      titleFrom: 'first sentence',
      slug: 'mistral-ai-leve-des-fonds',
    });
    expect(imported.record).not.toContain('isBasedOn');
  });

  it('uses --url when the text does not end with one, and escapes what Markdown would read as markup', () => {
    const imported = importArticle('Un *astérisque* et un `code`.\n\n# pas un titre\n', {
      now,
      url: 'https://exemple.fr/articles/un-exemple',
    });
    expect(imported.sourceUrl).toBe('https://exemple.fr/articles/un-exemple');
    expect(imported.body).toBe('Un \\*astérisque\\* et un \\`code\\`.\n\n\\# pas un titre\n');
    expect(splitRecord(imported.record).front.description).toBe('Un *astérisque* et un `code`.');
  });

  it('refuses a text with no paragraph', () => {
    expect(() => importArticle('\n\n', { now })).toThrow('expected the text of an article, found no paragraph');
  });
});
