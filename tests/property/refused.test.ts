/**
 * What the record contract refuses, it refuses cleanly: a problem naming the field, never a crash
 * and never a half-accepted value. Generated through the real loader and validator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { parseDateTime } from '../../src/content/datetime.js';
import { ContentError } from '../../src/errors.js';
import { AFTER_EVERY_DATE, blankText, dateTime, hostileText, httpUrl, type ArticleRecord } from './arbitraries.js';
import { instantOf } from './check-site.js';
import { writeContent } from './site-files.js';

const scratch = mkdtempSync(join(tmpdir(), 'depeche-refused-'));
const contentDir = join(scratch, 'content');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SETTINGS = {
  url: 'https://depeche.example/',
  title: 'Dépêche',
  description: 'Un site.',
  language: 'fr',
  publisher: { name: 'Dépêche', url: 'https://depeche.example/', logo: { src: '/logo.png', width: 60, height: 60 } },
};
const VALID: ArticleRecord = {
  title: 'Un titre',
  description: 'Un chapeau.',
  datePublished: '2024-02-28T09:00:00+01:00',
};

/** The problems a build reports for one record, as `field: message` lines. */
async function problemsOf(record: object, body = 'Corps.\n'): Promise<string[]> {
  writeContent(contentDir, {
    settings: SETTINGS,
    articles: [{ fileName: 'article.md', record: record as ArticleRecord, body: { kind: 'hostile', markdown: body } }],
  });
  const error = await build({ contentDir, write: false, now: AFTER_EVERY_DATE }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ContentError)) throw new Error(`expected the record to be refused: ${JSON.stringify(record)}`);
  return error.problems.map((problem) => `${problem.field}: ${problem.message}`);
}

/** Where a required text sits in a record: the field path as problems name it, and the record. */
const REQUIRED_TEXTS: [string, (text: string) => object][] = [
  ['title', (text) => ({ ...VALID, title: text })],
  ['description', (text) => ({ ...VALID, description: text })],
  ['section', (text) => ({ ...VALID, section: text })],
  ['tags[1]', (text) => ({ ...VALID, tags: ['IA', text] })],
  ['authors[0].name', (text) => ({ ...VALID, authors: [{ name: text }] })],
  [
    'citations[0].name',
    (text) => ({ ...VALID, citations: [{ type: 'Report', name: text, url: 'https://source.example/' }] }),
  ],
  ['quotes[0].text', (text) => ({ ...VALID, quotes: [{ text, spokenBy: { name: 'Kai Zenner' } }] })],
  ['quotes[0].spokenBy.name', (text) => ({ ...VALID, quotes: [{ text: 'Une phrase.', spokenBy: { name: text } }] })],
];

/** Where a URL sits in a record. */
const URLS: [string, (url: string) => object][] = [
  ['isBasedOn', (url) => ({ ...VALID, isBasedOn: url })],
  ['citations[0].url', (url) => ({ ...VALID, citations: [{ type: 'Report', name: 'Un rapport', url }] })],
  ['id', (url) => ({ ...VALID, id: url })],
  ['image.src', (url) => ({ ...VALID, image: { src: url, alt: '', width: 1, height: 1 } })],
];

/** White space and characters no one sees: what a URL parser would silently drop or encode. */
const invisible = fc.constantFrom(
  ' ',
  '\t',
  '\n',
  '\u00A0',
  '\u200B',
  '\u202E',
  '\uFEFF',
  '\u0000',
  '\u0085',
  '\u2028',
  '\uFFFE',
  '\uD800',
);

describe('the record contract refuses', () => {
  it('a required text that is empty, white space, or only characters the outputs drop', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REQUIRED_TEXTS), blankText, async ([field, place], text) => {
        const problems = await problemsOf(place(text));
        expect(
          problems.filter((problem) => problem.startsWith(`${field}: expected a non-empty string, found `)),
        ).toHaveLength(1);
      }),
      { numRuns: 150 },
    );
  });

  it('a URL holding white space or an invisible character, wherever it sits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...URLS),
        httpUrl,
        invisible,
        fc.nat(),
        async ([field, place], url, char, at) => {
          const position = at % (url.length + 1);
          const problems = await problemsOf(place(url.slice(0, position) + char + url.slice(position)));
          expect(problems).toEqual([
            expect.stringMatching(
              new RegExp(
                `^${field.replace(/[.[\]]/g, '\\$&')}: expected .* without white space or invisible characters`,
              ),
            ),
          ]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never crashes on any front matter: hostile YAML values in every field are accepted or refused', async () => {
    const anyValue = fc.oneof(
      hostileText,
      fc.integer(),
      fc.constant(null),
      fc.array(hostileText, { maxLength: 2 }),
      fc.dictionary(hostileText, hostileText, { maxKeys: 2, noNullPrototype: true }),
    );
    const fields = [
      'title',
      'description',
      'datePublished',
      'dateModified',
      'authors',
      'slug',
      'id',
      'lang',
      'section',
      'tags',
      'image',
      'citations',
      'isBasedOn',
      'mentions',
      'about',
      'quotes',
      'draft',
      'datePublised',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), anyValue, async (field, value) => {
        writeContent(contentDir, {
          settings: SETTINGS,
          articles: [
            {
              fileName: 'article.md',
              record: { ...VALID, [field]: value } as ArticleRecord,
              body: { kind: 'hostile', markdown: '' },
            },
          ],
        });
        await build({ contentDir, write: false, now: AFTER_EVERY_DATE }).catch((error: unknown) => {
          if (!(error instanceof ContentError)) throw error;
          for (const problem of error.problems) expect(problem.line).toBeGreaterThan(0);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('date-times', () => {
  it('every date-time with an offset is read at its instant', () => {
    fc.assert(
      fc.property(dateTime, (text) => {
        const parsed = parseDateTime(text);
        expect(parsed?.epochMs).toBe(instantOf(text));
      }),
      { numRuns: 300 },
    );
  });

  it('any other text is refused, never read as an instant that is not a number', () => {
    const mangled = fc
      .tuple(dateTime, fc.nat(), fc.string({ unit: 'binary-ascii', maxLength: 3 }))
      .map(([text, at, insert]) => text.slice(0, at % text.length) + insert + text.slice((at % text.length) + 1));
    fc.assert(
      fc.property(fc.oneof(mangled, fc.string()), (text) => {
        const parsed = parseDateTime(text);
        if (parsed !== undefined) expect(Number.isFinite(parsed.epochMs)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
