/**
 * The site-wide files read little of the articles beyond the feeds' newest, and a large build holds
 * only that much of them (`listedArticle`): every site-wide file must be the same, byte for byte,
 * from such articles as from whole ones. If a renderer starts reading another field, this fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.js';
import { loadSite } from '../../src/build.js';
import { listedArticle, type Site } from '../../src/model.js';
import { renderSiteFiles } from '../../src/render/index.js';

let scratch: string;
let site: Site;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-listed-'));
  writeCorpus(join(scratch, 'content'), { seed: 11, count: 90 });
  ({ site } = await loadSite(join(scratch, 'content')));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('renderSiteFiles from listed articles', () => {
  it('writes every site-wide file exactly as from whole articles', () => {
    expect(site.articles.length).toBeGreaterThan(site.feedLimit);
    const listed: Site = {
      ...site,
      articles: site.articles.map((article, index) => (index < site.feedLimit ? article : listedArticle(article))),
    };
    // The corpus gives the listed articles what the model can hold: sections, other languages, modified dates.
    const beyond = site.articles.slice(site.feedLimit);
    expect(beyond.some((article) => article.section !== undefined)).toBe(true);
    expect(beyond.some((article) => article.dateModified !== undefined)).toBe(true);
    expect(beyond.some((article) => article.citations.length > 0 && article.authors.length > 0)).toBe(true);
    expect(renderSiteFiles(listed)).toEqual(renderSiteFiles(site));
  });
});
