/**
 * The benchmark corpus: records our real loader and validator accept, the same for a seed, and
 * with the properties the benchmark promises. No timing here: timing is `npm run bench`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCorpus, writeCorpus } from './corpus.js';
import { parisOffsetMinutes } from './dates.js';
import { articleRecord, siteAuthors } from './record.js';
import { CITATION_TYPES, TAG_POOL } from './sources.js';
import { loadSite } from '../../src/build.js';
import type { Site } from '../../src/model.js';

const SEED = 7;
const COUNT = 150;
let scratch: string;
let site: Site;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-corpus-'));
  writeCorpus(join(scratch, 'a'), { seed: SEED, count: COUNT });
  ({ site } = await loadSite(join(scratch, 'a')));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** sha256 of every file of a content folder, by path. */
function digest(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(dir.length), createHash('sha256').update(readFileSync(path)).digest('hex')];
    }),
  );
}

/** Words a reader sees in the rendered body: tags removed, entities counted as characters. */
function visibleWords(html: string): number {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, '&');
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

describe('the generated corpus', () => {
  it('passes the real loader and validator, every article', () => {
    expect(site.articles).toHaveLength(COUNT);
  });

  it('is the same for the same seed, and article i does not depend on the corpus size', () => {
    writeCorpus(join(scratch, 'b'), { seed: SEED, count: COUNT });
    writeCorpus(join(scratch, 'small'), { seed: SEED, count: 20 });
    const first = digest(join(scratch, 'a'));
    expect(digest(join(scratch, 'b'))).toEqual(first);
    for (const [path, hash] of digest(join(scratch, 'small'))) expect(first.get(path)).toBe(hash);
    expect(articleRecord(SEED + 1, 3).text).not.toBe(articleRecord(SEED, 3).text);
  });

  it('has 600–1,200 words of French prose per article, with accents, « », ’, and no-break spaces in some', () => {
    for (const article of site.articles) {
      const words = visibleWords(article.contentHtml);
      expect(words, article.sourcePath).toBeGreaterThanOrEqual(600);
      expect(words, article.sourcePath).toBeLessThanOrEqual(1200);
      expect(article.contentHtml).toMatch(/[éèàç]/);
      expect(article.contentHtml).toMatch(/\w’\w/);
      expect(article.contentHtml).toMatch(/« \S|«\u00a0/);
    }
    const withNoBreakSpaces = site.articles.filter((article) => article.contentHtml.includes('«\u00a0')).length;
    expect(withNoBreakSpaces).toBeGreaterThan(COUNT / 10);
    expect(withNoBreakSpaces).toBeLessThan(COUNT / 3);
  });

  it('has headings, images, a blockquote with « », absolute and relative links, & and < in text', () => {
    for (const article of site.articles) {
      const html = article.contentHtml;
      expect(html, article.sourcePath).toMatch(/<h2[ >]/);
      expect(html).toMatch(/<img src="https?:\/\//);
      expect(html).toMatch(/<blockquote>\s*<p>«/);
      expect(html).toContain('&amp;');
      expect(html).toContain('&lt;');
      expect(html).toMatch(/<a href="https:\/\/depeche\.example\/(?:articles|rubriques|dossiers)\//);
      const source = readFileSync(join(scratch, 'a', 'articles', article.sourcePath.split('/').at(-1) ?? ''), 'utf8');
      expect(source).toMatch(/\]\((?:\/|\.\.\/)[^)]*\)/);
    }
  });

  it('has 2–6 tags from the pool, 1–4 typed citations with http(s) URLs, mentions and one quote', () => {
    for (const article of site.articles) {
      expect(article.tags.length).toBeGreaterThanOrEqual(2);
      expect(article.tags.length).toBeLessThanOrEqual(6);
      for (const tag of article.tags) expect(TAG_POOL).toContain(tag);
      expect(article.citations.length).toBeGreaterThanOrEqual(1);
      expect(article.citations.length).toBeLessThanOrEqual(4);
      for (const citation of article.citations) {
        expect(CITATION_TYPES).toContain(citation.type);
        expect(citation.url).toMatch(/^https?:\/\/[a-z]/);
      }
      expect(article.mentions.length).toBeGreaterThanOrEqual(1);
      expect(article.quotes).toHaveLength(1);
    }
    const types = new Set(site.articles.flatMap((article) => article.citations.map((citation) => citation.type)));
    expect([...types].sort()).toEqual([...CITATION_TYPES].sort());
    expect(
      site.articles.some((article) => article.citations.some((citation) => citation.url.startsWith('http:'))),
    ).toBe(true);
    expect(site.articles.some((article) => article.isBasedOn !== undefined)).toBe(true);
  });

  it('credits authors declared in site.yaml', () => {
    const names = new Set(siteAuthors(SEED).map(([, name]) => name));
    for (const article of site.articles) {
      expect(article.authors.length).toBeGreaterThanOrEqual(1);
      for (const author of article.authors) expect(names).toContain(author.name);
    }
  });

  it('dates articles over years, in Paris time: +01:00 in winter, +02:00 in summer', () => {
    for (const article of site.articles) {
      for (const date of [article.datePublished, article.dateModified]) {
        if (date === undefined) continue;
        expect(date.offsetMinutes, date.iso).toBe(parisOffsetMinutes(date.epochMs));
      }
    }
    const offsets = new Set(site.articles.map((article) => article.datePublished.offsetMinutes));
    expect([...offsets].sort((a, b) => a - b)).toEqual([60, 120]);
    const years = new Set(site.articles.map((article) => article.datePublished.iso.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(5);
    expect(site.articles.some((article) => article.dateModified !== undefined)).toBe(true);
  });
});

describe('parisOffsetMinutes', () => {
  it.each([
    ['2024-03-31T00:59:59Z', 60],
    ['2024-03-31T01:00:00Z', 120],
    ['2024-10-27T00:59:59Z', 120],
    ['2024-10-27T01:00:00Z', 60],
    ['2019-07-14T12:00:00Z', 120],
    ['2019-12-25T12:00:00Z', 60],
  ])('%s → %i minutes', (iso, minutes) => {
    expect(parisOffsetMinutes(Date.parse(iso))).toBe(minutes);
  });
});

describe('ensureCorpus', () => {
  it('generates once, then reuses the cached folder', () => {
    const cache = join(scratch, 'cache');
    const first = ensureCorpus(cache, { seed: SEED, count: 5 });
    const second = ensureCorpus(cache, { seed: SEED, count: 5 });
    expect(first.reused).toBe(false);
    expect(second).toEqual({ ...first, reused: true });
    expect(readdirSync(join(first.dir, 'articles')).sort()).toEqual([...first.articles].sort());
  });
});
