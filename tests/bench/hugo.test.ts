/**
 * The Hugo site the bench measures does the work it claims (see hugo.ts): built by the Hugo on the
 * PATH, its outputs read back with parse5 and fast-xml-parser and compared with depeche's build of
 * the same records. Skipped where Hugo is not installed, as the bench skips its row.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build.js';
import type { Site } from '../../src/model.js';
import { ensureCorpus } from './corpus.js';
import { findHugo, hugoBuild, writeHugoSite } from './hugo.js';

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

const hugo = findHugo();
const COUNT = 60;
let scratch: string;
let site: Site;
let output: string;

beforeAll(async () => {
  if (hugo === undefined) return;
  scratch = mkdtempSync(join(tmpdir(), 'depeche-hugo-'));
  const corpus = ensureCorpus(join(scratch, 'corpus'), { seed: 3, count: COUNT });
  ({ site } = await loadSite(corpus.dir));
  writeHugoSite(corpus, join(scratch, 'site'));
  output = join(scratch, 'public');
  await hugoBuild(hugo, join(scratch, 'site'), output, 60_000);
});
afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

function elements(node: Node | DefaultTreeAdapterMap['document'], name: string): Element[] {
  const found: Element[] = [];
  const visit = (current: Node | DefaultTreeAdapterMap['document']): void => {
    if ('tagName' in current && current.tagName === name) found.push(current);
    if ('childNodes' in current) for (const child of current.childNodes) visit(child);
  };
  visit(node);
  return found;
}

function text(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

const attr = (element: Element, name: string): string | undefined =>
  element.attrs.find((candidate) => candidate.name === name)?.value;

describe.skipIf(hugo === undefined)("the bench's Hugo site", () => {
  it("writes a page and its JSON-LD at each of depeche's article URLs, and nothing else there", () => {
    const paths = site.articles.map((article) => article.path).sort();
    expect(readdirSync(join(output, 'articles')).map((name) => `articles/${name}/`)).toEqual(paths);
    for (const article of site.articles) {
      const dir = join(output, article.path);
      expect(readdirSync(dir).sort()).toEqual(['index.html', 'index.jsonld']);
      const page = parse(readFileSync(join(dir, 'index.html'), 'utf8'));
      expect(elements(page, 'h1').map(text)).toEqual([article.title]);
      expect(elements(page, 'article')).toHaveLength(1);
      expect(elements(page, 'p').length).toBeGreaterThan(3);
      const [script] = elements(page, 'script');
      if (script === undefined) throw new Error(`${article.path}: no JSON-LD`);
      const ld = JSON.parse(text(script)) as Record<string, unknown>;
      expect(ld).toEqual(JSON.parse(readFileSync(join(dir, 'index.jsonld'), 'utf8')));
      expect(ld).toMatchObject({
        '@type': 'NewsArticle',
        url: article.url,
        headline: article.title,
        description: article.description,
        datePublished: article.datePublished.iso,
        author: article.authors.map((author) => expect.objectContaining({ name: author.name })),
      });
    }
  });

  it('lists every article on the home page, the newest feed items in RSS, every URL in the sitemap', () => {
    const home = parse(readFileSync(join(output, 'index.html'), 'utf8'));
    const links = elements(home, 'a').map((link) => attr(link, 'href'));
    expect(links).toEqual(site.articles.map((article) => new URL(article.url).pathname));

    const xml = new XMLParser({ isArray: (name) => name === 'item' || name === 'url' });
    const rss = xml.parse(readFileSync(join(output, 'index.xml'), 'utf8')) as {
      rss: { channel: { item: { link: string }[] } };
    };
    expect(rss.rss.channel.item.map((item) => item.link)).toEqual(
      site.articles.slice(0, site.feedLimit).map((article) => article.url),
    );
    const sitemap = xml.parse(readFileSync(join(output, 'sitemap.xml'), 'utf8')) as {
      urlset: { url: { loc: string }[] };
    };
    expect(sitemap.urlset.url.map((url) => url.loc).sort()).toEqual(
      [site.url, ...site.articles.map((article) => article.url)].sort(),
    );
    expect(readdirSync(output).sort()).toEqual([
      '404.html',
      'articles',
      'index.html',
      'index.xml',
      'logo.png',
      'robots.txt',
      'sitemap.xml',
    ]);
  });
});
