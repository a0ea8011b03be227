import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { ContentError } from '../src/errors.js';
import { readPublished } from '../src/websub/state.js';
import type { OutputFile } from '../src/model.js';
import { attr, dom, elements, one, text } from './helpers/html-reading.js';
import { RECORDS, SETTINGS, writeSite } from './helpers/multilingual-site.js';

const NOW = new Date('2024-04-01T00:00:00Z');
const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function built(settings = SETTINGS, records = RECORDS) {
  const dir = writeSite(settings, records);
  folders.push(dir);
  const result = await build({ contentDir: dir, write: false, now: NOW, namesRelativeTo: dir });
  const files = new Map(result.files.map((file: OutputFile) => [file.path, String(file.contents)]));
  const read = (path: string): string => {
    const contents = files.get(path);
    if (contents === undefined) throw new Error(`no ${path} among ${[...files.keys()].join(' ')}`);
    return contents;
  };
  return { result, files, read };
}

async function problems(settings: string, records = RECORDS) {
  const dir = writeSite(settings, records);
  folders.push(dir);
  const error = await build({ contentDir: dir, write: false, now: NOW, namesRelativeTo: dir }).catch((e) => e);
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).problems;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const rssTitles = (source: string): string[] =>
  [xml.parse(source).rss.channel.item].flat().map((item: { title: string }) => item.title);

describe('a site of several languages', () => {
  it('gives each language its home page, article pages, streams and feeds, the default at the root', async () => {
    const { files, read } = await built();
    expect(rssTitles(read('feed.xml'))).toEqual(['Grève des transports', 'Le budget est voté']);
    expect(rssTitles(read('en/feed.xml'))).toEqual(['Transport strike', 'The budget is passed']);
    expect(xml.parse(read('en/atom.xml')).feed['xml:lang']).toBe('en');
    expect(JSON.parse(read('en/feed.json')).home_page_url).toBe('https://depeche.example/en/');
    for (const path of ['articles/budget/index.html', 'en/articles/strike/index.html', 'en/tags/budget/index.html'])
      expect(files.has(path), path).toBe(true);
    expect(files.has('articles/strike/index.html')).toBe(false);

    const home = dom(read('en/index.html')).document;
    expect(attr(one(home, 'html'), 'lang')).toBe('en');
    expect(elements(home, 'h3').map(text)).toEqual(['Transport strike', 'The budget is passed']);

    const page = dom(read('en/articles/budget-passed/index.html'));
    expect(page.errors).toEqual([]);
    expect(attr(one(page.document, 'html'), 'lang')).toBe('en');
    expect(text(one(page.document, 'article'))).toContain('Published 3 March 2024, 09:00');
    const links = elements(page.document, 'a').map((a) => attr(a, 'href'));
    expect(links).toContain('https://depeche.example/en/tags/budget/');
    expect(links).toContain('https://depeche.example/en/authors/camille-dupont/');
    const fr = dom(read('articles/greve/index.html')).document;
    expect(elements(fr, 'a').map((a) => attr(a, 'href'))).toContain('https://depeche.example/authors/camille-dupont/');
    expect(text(one(dom(read('en/authors/camille-dupont/index.html')).document, 'main'))).toContain(
      'The budget is passed',
    );
  });

  it('lists every language in feeds.opml and the sitemap, every feed listed built', async () => {
    const { files, read } = await built();
    const opml = xml.parse(read('feeds.opml')).opml.body.outline as { text: string; outline: unknown }[];
    expect(opml.map((outline) => outline.text)).toEqual(['Français', 'English']);
    const urls = [...read('feeds.opml').matchAll(/xmlUrl="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls).toContain('https://depeche.example/en/feed.xml');
    for (const url of urls) expect(files.has(url.slice('https://depeche.example/'.length)), url).toBe(true);
    const locs = [xml.parse(read('sitemap-1.xml')).urlset.url].flat().map((u: { loc: string }) => u.loc);
    expect(locs.slice(0, 2)).toEqual(['https://depeche.example/', 'https://depeche.example/en/']);
    expect(locs).toContain('https://depeche.example/en/articles/strike/');
    expect(read('_headers')).toContain('/en/feed.xml\n  Content-Type: application/rss+xml; charset=utf-8');
  });

  it('puts the default language in its folder too when defaultLanguageAtRoot is false', async () => {
    const { files, read } = await built(`${SETTINGS}defaultLanguageAtRoot: false\n`);
    for (const path of ['fr/index.html', 'fr/feed.xml', 'fr/articles/budget/index.html', 'en/index.html'])
      expect(files.has(path), path).toBe(true);
    expect(files.has('feed.xml')).toBe(false);
    const root = dom(read('index.html'));
    expect(root.errors).toEqual([]);
    const alternates = elements(root.document, 'link').filter((link) => attr(link, 'hreflang') !== undefined);
    expect(alternates.map((link) => [attr(link, 'hreflang'), attr(link, 'href')])).toEqual([
      ['fr', 'https://depeche.example/fr/'],
      ['en', 'https://depeche.example/en/'],
      ['x-default', 'https://depeche.example/'],
    ]);
    // The 404 page offers the default language's feeds, which exist.
    const feeds = elements(dom(read('404.html')).document, 'link').filter((l) => attr(l, 'rel') === 'alternate');
    for (const link of feeds) expect(files.has((attr(link, 'href') ?? '').slice(24)), attr(link, 'href')).toBe(true);
  });

  it('refuses a record in a language the site does not declare, naming file, line, field and the list', async () => {
    const found = await problems(SETTINGS, [
      ...RECORDS,
      { name: 'streik', title: 'Streik', lang: 'de', date: '2024-03-05T09:00:00+01:00' },
    ]);
    expect(found).toEqual([expect.objectContaining({ file: 'articles/streik.md', line: 5, field: 'lang' })]);
    expect(found[0]?.message).toBe('expected one of the site\'s languages (fr, en), found "de"');
  });

  it('refuses a default language that is not among languages, and a language twice', async () => {
    expect(await problems(SETTINGS.replace('languages: [fr, en]', 'language: de\nlanguages: [fr, en]'))).toEqual([
      expect.objectContaining({
        field: 'language',
        line: 4,
        message: 'expected one of languages (fr, en), found "de"',
      }),
    ]);
    expect(await problems(SETTINGS.replace('[fr, en]', '[fr, FR]'))).toEqual([
      expect.objectContaining({ field: 'languages', message: expect.stringContaining('each language once') }),
    ]);
  });

  it('lets language name the default among languages, and warns once for a language without labels', async () => {
    const settings = SETTINGS.replace('languages: [fr, en]', 'language: en\nlanguages: [fr, en, sv]');
    const swedish = [1, 2, 3].map((n) => ({
      name: `sv-${n}`,
      title: `Nyhet ${n}`,
      lang: 'sv',
      date: `2024-03-1${n}T09:00:00+01:00`,
    }));
    const { files, result } = await built(settings, [...RECORDS, ...swedish]);
    expect(files.has('articles/strike/index.html')).toBe(true);
    // A record without lang is in the default language: here English, at the root.
    expect(files.has('articles/budget/index.html')).toBe(true);
    expect(files.has('fr/index.html')).toBe(true);
    expect(files.has('sv/articles/sv-1/index.html')).toBe(true);
    expect(result.warnings.filter((warning) => warning.field === 'languages')).toHaveLength(1);
  });

  it("writes each language's streams apart: no merge across languages, every language's topics for ping", async () => {
    const records = [
      ...RECORDS,
      { name: 'cinema', title: 'Le cinéma rouvre', date: '2024-03-05T09:00:00+01:00', extra: 'tags: [Cinéma]' },
      {
        name: 'cinema-en',
        title: 'The cinema reopens',
        lang: 'en',
        date: '2024-03-06T09:00:00+01:00',
        extra: 'tags: [Cinema]',
      },
    ];
    const dir = writeSite(`${SETTINGS}websub:\n  hubs: [https://hub.example/]\n`, records);
    folders.push(dir);
    const outDir = mkdtempSync(join(tmpdir(), 'depeche-languages-out-'));
    folders.push(outDir);
    const result = await build({ contentDir: dir, outDir, now: NOW, namesRelativeTo: dir });
    // `Cinema` is the English desk's spelling of its own tag, not a second spelling of the French one.
    expect(result.warnings).toEqual([]);
    expect(existsSync(join(outDir, 'en/tags/cinema/feed.xml'))).toBe(true);
    expect(existsSync(join(outDir, 'tags/cinema/feed.xml'))).toBe(true);
    const topics = readPublished(outDir)?.topics.map((topic) => [topic.path, topic.url]) ?? [];
    expect(topics).toEqual(
      expect.arrayContaining([
        ['en/index.html', 'https://depeche.example/en/'],
        ['en/feed.xml', 'https://depeche.example/en/feed.xml'],
        ['en/tags/cinema/atom.xml', 'https://depeche.example/en/tags/cinema/atom.xml'],
        ['tags/cinema/atom.xml', 'https://depeche.example/tags/cinema/atom.xml'],
      ]),
    );
    for (const [path] of topics) expect(existsSync(join(outDir, path ?? '')), path).toBe(true);
  });

  it('builds a site of one language as before: no folder, no language index', async () => {
    const { files } = await built(SETTINGS.replace('languages: [fr, en]', 'language: fr'));
    expect([...files.keys()].filter((path) => path.startsWith('en/'))).toEqual([]);
    expect(files.has('articles/strike/index.html')).toBe(true);
  });
});

describe('translations', () => {
  const BUDGET = 'https://depeche.example/articles/budget/';
  const translated = (extra: Record<string, string>) =>
    RECORDS.map((record) =>
      extra[record.name] === undefined ? record : { ...record, extra: `${record.extra ?? ''}\n${extra[record.name]}` },
    );

  it('links every member of a set to every other in the sitemap, itself and x-default included', async () => {
    const records = [
      ...translated({ 'budget-passed': `translationOf: ${BUDGET}` }),
      {
        name: 'presupuesto',
        title: 'Presupuesto',
        lang: 'es',
        date: '2024-03-05T09:00:00+01:00',
        extra: `translationOf: ${BUDGET}`,
      },
    ];
    const { read } = await built(SETTINGS.replace('[fr, en]', '[fr, en, es]'), records);
    const sitemap = read('sitemap-1.xml');
    expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'url' || name === 'xhtml:link',
    }).parse(sitemap);
    const sets = new Map<string, string[]>();
    for (const url of parsed.urlset.url as {
      loc: string;
      'xhtml:link'?: { hreflang: string; href: string; rel: string }[];
    }[]) {
      const links = url['xhtml:link'] ?? [];
      if (links.length > 0) sets.set(url.loc, links.map((link) => `${link.hreflang} ${link.href}`).sort());
    }
    const expected = [
      `en https://depeche.example/en/articles/budget-passed/`,
      `es https://depeche.example/es/articles/presupuesto/`,
      `fr ${BUDGET}`,
      `x-default ${BUDGET}`,
    ];
    expect([...sets.keys()].sort()).toEqual(
      expected
        .slice(0, 3)
        .map((line) => line.split(' ')[1])
        .sort(),
    );
    // Reciprocal: every member lists the same set, itself included.
    for (const links of sets.values()) expect(links).toEqual(expected);
  });

  it('refuses a missing original, one in the same language, two in one language, and a chain', async () => {
    const missing = await problems(SETTINGS, translated({ strike: 'translationOf: https://depeche.example/nope/' }));
    expect(missing).toEqual([expect.objectContaining({ file: 'articles/strike.md', field: 'translationOf', line: 7 })]);
    const same = await problems(SETTINGS, translated({ greve: `translationOf: ${BUDGET}` }));
    expect(same[0]?.message).toContain('articles/budget.md');
    const twice = await problems(
      SETTINGS,
      translated({ 'budget-passed': `translationOf: ${BUDGET}`, strike: `translationOf: ${BUDGET}` }),
    );
    expect(twice).toEqual([expect.objectContaining({ file: 'articles/strike.md', field: 'translationOf' })]);
    expect(twice[0]?.message).toContain('articles/budget-passed.md');
    const chain = await problems(SETTINGS.replace('[fr, en]', '[fr, en, es]'), [
      ...translated({ 'budget-passed': `translationOf: ${BUDGET}` }),
      {
        name: 'presupuesto',
        title: 'Presupuesto',
        lang: 'es',
        date: '2024-03-05T09:00:00+01:00',
        extra: 'translationOf: https://depeche.example/en/articles/budget-passed/',
      },
    ]);
    expect(chain).toEqual([expect.objectContaining({ file: 'articles/presupuesto.md', field: 'translationOf' })]);
    expect(chain[0]?.message).toContain('articles/budget-passed.md');
  });
});
