/**
 * A record's corrections, built end to end and read back with independent parsers: a dated notice
 * on the page, `correction` (CorrectionComment) in the JSON-LD, the same notice after the body in
 * every feed, and the newest correction dating the article's modification everywhere.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { checkFiles } from '../../src/check/site.js';
import { attr, dom, elements, text } from '../helpers/html-reading.js';

const fixtures = join(import.meta.dirname, '../fixtures/valid');
const RECORD = `---
title: Le budget voté
description: Le Parlement adopte le budget.
datePublished: 2024-02-28T09:00:00+01:00
dateModified: 2024-02-29T08:00:00+01:00
corrections:
  - date: 2024-03-02T18:30:00+01:00
    text: Le vote a eu lieu mardi, non lundi.
  - date: 2024-03-01T10:15:00+01:00
    text: Le montant est de 15 millions d’euros, non de 16 <sic>.
---
Le texte de l’article.
`;
const URL_ = 'https://depeche.example/articles/budget/';
const NEWEST = '2024-03-02T18:30:00+01:00';

let scratch: string;
let result: BuildResult;
const file = (path: string): string => {
  const found = result.files.find((candidate) => candidate.path === path);
  if (found === undefined) throw new Error(`no ${path}`);
  return typeof found.contents === 'string' ? found.contents : Buffer.from(found.contents).toString('utf8');
};

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-corrections-'));
  cpSync(fixtures, join(scratch, 'content'), { recursive: true });
  writeFileSync(join(scratch, 'content/articles/budget.md'), RECORD);
  result = await build({ contentDir: join(scratch, 'content'), write: false });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The notice's paragraphs as a reader sees them, from an HTML fragment or page. */
function notices(markup: string): string[] {
  const asides = elements(dom(markup).document, 'aside').filter((aside) => attr(aside, 'class') === 'corrections');
  expect(asides).toHaveLength(1);
  return elements(asides[0] as never, 'p').map((p) => text(p).replace(/\s+/g, ' ').trim());
}

const EXPECTED = [
  'Rectificatif (1er mars 2024 à 10 h 15) : Le montant est de 15 millions d’euros, non de 16 <sic>.',
  'Rectificatif (2 mars 2024 à 18 h 30) : Le vote a eu lieu mardi, non lundi.',
];

describe('corrections', () => {
  it('show as dated notices on the page, oldest first, and date its modification', () => {
    const page = file('articles/budget/index.html');
    expect(notices(page)).toEqual(EXPECTED);
    const times = elements(dom(page).document, 'time').map((time) => attr(time, 'datetime'));
    expect(times).toContain(NEWEST);
    const meta = elements(dom(page).document, 'meta').find((m) => attr(m, 'property') === 'article:modified_time');
    expect(meta && attr(meta, 'content')).toBe(NEWEST);
  });

  it('are CorrectionComments of the NewsArticle, with dateModified the newest', () => {
    const scripts = elements(dom(file('articles/budget/index.html')).document, 'script');
    const graph = JSON.parse(text(scripts[0] as never)) as { '@graph': Record<string, unknown>[] };
    const article = graph['@graph'].find((node) => node['@type'] === 'NewsArticle');
    expect(article?.dateModified).toBe(NEWEST);
    expect(article?.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'Le montant est de 15 millions d’euros, non de 16 <sic>.',
        datePublished: '2024-03-01T10:15:00+01:00',
      },
      { '@type': 'CorrectionComment', text: 'Le vote a eu lieu mardi, non lundi.', datePublished: NEWEST },
    ]);
  });

  it('follow the body in every feed, and move its item’s modification date', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    const items = [xml.parse(file('feed.xml')).rss.channel.item].flat() as Record<string, string>[];
    const rssItem = items.find((item) => item.link === URL_);
    expect(notices(rssItem?.['content:encoded'] ?? '')).toEqual(EXPECTED);
    const entries = [xml.parse(file('atom.xml')).feed.entry].flat() as Record<string, unknown>[];
    const entry = entries.find((candidate) => candidate.id === URL_);
    expect(entry?.updated).toBe(NEWEST);
    expect(notices((entry?.content as { '#text'?: string } | undefined)?.['#text'] ?? '')).toEqual(EXPECTED);
    const jsonItems = (JSON.parse(file('feed.json')) as { items: Record<string, string>[] }).items;
    const jsonItem = jsonItems.find((item) => item.id === URL_);
    expect(jsonItem?.date_modified).toBe(NEWEST);
    expect(notices(jsonItem?.content_html ?? '')).toEqual(EXPECTED);
  });

  it('leave the built site without an error or a warning of its own', () => {
    const report = checkFiles(result.files);
    // The record has no image, which Google's rules warn about whatever else it holds. The fixture's 600 × 60 logo is
    // the site's (google-logo), reported on whichever page comes first.
    const findings = report.findings.filter(
      (finding) => finding.file.includes('budget') && finding.rule !== 'google-logo',
    );
    expect(findings.map((finding) => finding.rule)).toEqual(['google-article-image']);
  });
});
