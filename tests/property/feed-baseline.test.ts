/**
 * Where the `feed` package fails and depeche does not, on the same content. One hostile value per
 * kind, put in a title, a standfirst, a tag and an author's name, is built by depeche (every
 * property of check-site.ts must hold) and handed to `feed`; the table of what `feed` got wrong is
 * kept in tests/golden/feed-baseline.md, reviewed like code. Then generated sites, with a fixed
 * seed: depeche never fails, `feed` does (feed-baseline.slow.test.ts runs more of them). `feed` is
 * handed depeche's model, whose text is already cleaned (src/content/clean-text.ts), so controls,
 * noncharacters and lone surrogates do not trip it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedSite } from './arbitraries.js';
import { feedPackageFailures } from './feed-baseline.js';
import { buildChecked, expectFeedFailsOnGenerated } from './feed-on-generated.js';

/** Generated sites of `npm test`; the slow suite runs 150. */
const BASELINE_RUNS = 20;

const scratch = mkdtempSync(join(tmpdir(), 'depeche-baseline-'));
const contentDir = join(scratch, 'content');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One hostile value per kind. */
const KINDS: [string, string][] = [
  ['a C0 control (U+0001)', 'Avant\u0001après'],
  ['a form feed (U+000C)', 'Avant\u000Caprès'],
  ['U+FFFE', 'Avant\uFFFEaprès'],
  ['a lone surrogate', 'Avant\uD800après'],
  ['`]]>`', 'Avant ]]> après ]]>'],
  ['`</script>` and `<!--`', 'Avant </script><!-- après'],
  ['markup-like text `<b>x</b>`', 'Le <b>gras</b> et <i>'],
  ['`&` and an entity-like `&amp;`', 'R&D &amp; co &nbsp;'],
  ['both quotes', 'Il a dit « oui », "non" et \'peut-être\''],
  ['a line break', 'Première ligne\nseconde ligne'],
  ['a tab', 'Avant\taprès'],
  ['bidi controls', 'abc \u202Edcba\u202C \u2067rtl\u2069'],
  ['emoji and combining marks', '👩‍👩‍👧 🇫🇷 e\u0301 Z\u0336'],
  ['NFD text', 'Éléphant'.normalize('NFD')],
  ['U+2028 and U+2029', 'Avant\u2028milieu\u2029après'],
  ['leading and trailing spaces', '  espacé  '],
];

function siteWith(value: string): GeneratedSite {
  return {
    settings: {
      url: 'https://depeche.example/',
      title: 'Dépêche',
      description: 'Un site.',
      language: 'fr',
      publisher: {
        name: 'Dépêche',
        url: 'https://depeche.example/',
        logo: { src: '/logo.png', width: 60, height: 60 },
      },
    },
    articles: [
      {
        fileName: 'article.md',
        record: {
          title: `Titre ${value}`,
          description: `Chapeau ${value}`,
          datePublished: '2024-02-28T09:00:00+01:00',
          tags: [`Tag ${value}`],
          authors: [{ name: `Auteur ${value}` }],
        },
        body: { kind: 'paragraphs', paragraphs: ['Corps.'], markdown: 'Corps.\n' },
      },
    ],
  };
}

describe('the feed package, on the same content', () => {
  it('fails where depeche does not: the table of kinds', async () => {
    const rows = [
      '| value in title, standfirst, tag and author | what `feed` 6.0.0 gets wrong (depeche: nothing) |',
      '| --- | --- |',
    ];
    for (const [kind, value] of KINDS) {
      const result = await buildChecked(contentDir, siteWith(value));
      const failures = feedPackageFailures(result.site);
      rows.push(`| ${kind} | ${failures.length === 0 ? 'nothing' : failures.join('; ')} |`);
    }
    await expect(`${rows.join('\n')}\n`).toMatchFileSnapshot('../golden/feed-baseline.md');
  });

  it(`fails on ${BASELINE_RUNS} generated sites where depeche never does`, async () => {
    await expectFeedFailsOnGenerated(contentDir, BASELINE_RUNS);
  });
});
