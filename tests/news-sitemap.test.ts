/**
 * The News sitemap of a whole site through the command line (src/cli.ts) with `SOURCE_DATE_EPOCH`:
 * 2,000 articles over five years, the last 48 hours dense, one just outside the window and one
 * scheduled after now. The file lists exactly the articles of the 48 hours before that now.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateNewsSitemap } from './helpers/news-sitemap.js';

const root = join(import.meta.dirname, '..');
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const EPOCH = 1_733_227_200; // 2024-12-03T12:00:00Z
const NOW = EPOCH * 1000;
const HOUR = 3600_000;
const FIVE_YEARS = 5 * 365.25 * 24 * HOUR;
const COUNT = 2000;

let project: string;
/** Each record's publication instant, by slug. */
const published = new Map<string, number>();

/** The instant in Paris winter time, with its offset: the sitemap must keep the offset as written. */
const paris = (ms: number): string => `${new Date(ms + HOUR).toISOString().slice(0, 19)}+01:00`;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'depeche-news-'));
  cpSync(join(root, 'content'), join(project, 'content'), { recursive: true });
  const articles = join(project, 'content', 'articles');
  rmSync(articles, { recursive: true });
  mkdirSync(articles);
  const instants: number[] = [];
  // 60 in the last 48 hours, 48 minutes apart; the rest spread over five years.
  for (let i = 0; i < 60; i++) instants.push(NOW - 10 * 60_000 - i * 48 * 60_000);
  for (let i = 0; i < COUNT - 62; i++) instants.push(NOW - 50 * HOUR - (i * (FIVE_YEARS - 50 * HOUR)) / COUNT);
  // A second outside the window, and an hour after now (scheduled).
  instants.push(NOW - 48 * HOUR - 1000, NOW + HOUR);
  instants.forEach((ms, index) => {
    const slug = `depeche-${index}`;
    published.set(slug, ms);
    writeFileSync(
      join(articles, `${slug}.md`),
      `---\ntitle: Dépêche numéro ${index}\ndescription: Le chapeau ${index}.\ndatePublished: ${paris(ms)}\n---\n` +
        `Le corps ${index}.\n`,
    );
  });
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the News sitemap of a five-year site', () => {
  it('lists exactly the articles of the 48 hours before SOURCE_DATE_EPOCH, newest first', () => {
    const result = spawnSync(process.execPath, ['--import', tsx, join(root, 'src/cli.ts'), 'build', '--json'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: String(EPOCH) },
    });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { summary: { articles: number; nextDue: string } };
    expect(report.summary.articles).toBe(COUNT - 1);
    expect(report.summary.nextDue).toBe(paris(NOW + HOUR));

    const xml = readFileSync(join(project, 'dist', 'news-sitemap.xml'), 'utf8');
    expect(validateNewsSitemap(xml)).toBe(60);
    const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'url' });
    const { urlset } = parser.parse(xml) as {
      urlset: { url: { loc: string; 'news:news': { 'news:publication_date': string; 'news:title': string } }[] };
    };
    const expected = [...published].filter(([, ms]) => ms > NOW - 48 * HOUR && ms <= NOW).sort(([, a], [, b]) => b - a);
    expect(expected).toHaveLength(60);
    expect(
      urlset.url.map((url) => [url.loc, url['news:news']['news:publication_date'], url['news:news']['news:title']]),
    ).toEqual(
      expected.map(([slug, ms]) => [
        `https://depeche.example/articles/${slug}/`,
        paris(ms),
        `Dépêche numéro ${slug.slice('depeche-'.length)}`,
      ]),
    );
    const index = readFileSync(join(project, 'dist', 'sitemap.xml'), 'utf8');
    expect(index).toContain('<loc>https://depeche.example/news-sitemap.xml</loc>');
    expect(readFileSync(join(project, 'dist', 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://depeche.example/sitemap.xml',
    );
  }, 120_000);
});
