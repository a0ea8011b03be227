/**
 * The embedded content built end to end, read back with independent parsers (never our own code)
 * and compared field by field with the record, which the test reads with the `yaml` package alone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml } from 'parse5';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { check } from '../src/check/folder.js';
import { validateJsonLd } from '../src/check/jsonld.js';
import { assertValidAtom } from './helpers/atom-schema.js';

const root = join(import.meta.dirname, '..');
const SLUG = 'le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement';
const URL_ = `https://depeche.example/articles/${SLUG}/`;
const recordText = readFileSync(join(root, 'content/articles', `${SLUG}.md`), 'utf8');
const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(recordText) ?? [];

interface SeedRecord {
  title: string;
  description: string;
  datePublished: string;
  tags: string[];
  section: string;
  isBasedOn: string;
  citations: { type: string; name: string; url: string; publisher?: string }[];
  mentions: { type: string; name: string }[];
  about: { type: string; name: string }[];
  quotes: { text: string; spokenBy: { name: string; jobTitle?: string } }[];
}
const record = parseYaml(frontMatter) as SeedRecord;
const paragraphs = body.trim().split(/\n\n+/);

let out: string;
let scratch: string;
const read = (path: string): string => readFileSync(join(out, path), 'utf8');

/** The build's now: two weeks after the seed article, so the archived feeds hold two months. */
const NOW = new Date('2024-03-15T12:00:00+01:00');

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-build-'));
  out = join(scratch, 'dist');
  await build({ contentDir: join(root, 'content'), outDir: out, now: NOW });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

describe('the seed record', () => {
  it('keeps the body verbatim and drops the newsletter boilerplate and the source URL', () => {
    const seedPath = join(root, '../shared/seeds/000_4c161d38de65e310.txt');
    const seed = statSync(seedPath, { throwIfNoEntry: false }) ? readFileSync(seedPath, 'utf8') : undefined;
    if (seed !== undefined) expect(seed.startsWith(body)).toBe(true);
    expect(body).not.toMatch(/newsletter|S'inscrire|usine-digitale/);
    expect(paragraphs).toHaveLength(7);
    expect(record.description).toBe(paragraphs[0]);
  });
});

describe('the built site', () => {
  it('writes every output', () => {
    // The default image's three crops, named by their hash (images/variants.ts).
    const crops = listFiles(out).filter((path) => path.startsWith('images/depeche-'));
    expect(crops.map((path) => path.replace(/-[0-9a-f]{16}-/, '-<hash>-'))).toEqual(
      ['16x9', '1x1', '4x3'].map((ratio) => `images/depeche-<hash>-${ratio}.jpg`),
    );
    expect(listFiles(out)).toEqual(
      [
        '404.html',
        '_headers',
        'apple-touch-icon.png',
        'atom.xml',
        'favicon-32x32.png',
        'favicon.ico',
        'favicon.svg',
        ...crops,
        'images/depeche.jpg',
        `articles/${SLUG}/index.html`,
        `articles/${SLUG}/index.jsonld`,
        'feed.json',
        'feed.xml',
        'feeds/archive/2024/02.atom',
        'feeds/archive/2024/02.json',
        'feeds/archive/2024/02.xml',
        'feeds/archive/2024/03.atom',
        'feeds/archive/2024/03.json',
        'feeds/archive/2024/03.xml',
        'index.html',
        'logo.png',
        'news-sitemap.xml',
        'robots.txt',
        'sitemap-1.xml',
        'sitemap-streams.xml',
        'sitemap.xml',
        'feeds.opml',
        'sections/index.html',
        'tags/index.html',
        // The seed article's one section and five tags: each a page and three feeds.
        ...['sections/intelligence-artificielle/']
          .concat(
            ['ai-act', 'intelligence-artificielle', 'microsoft', 'mistral-ai', 'union-europeenne'].map(
              (t) => `tags/${t}/`,
            ),
          )
          .flatMap((folder) => ['index.html', 'feed.xml', 'atom.xml', 'feed.json'].map((name) => folder + name)),
      ].sort(),
    );
  });

  it('RSS 2.0 carries the record, read back by feedsmith', () => {
    const feed = parseRssFeed(read('feed.xml'));
    expect(feed.title).toBe('Dépêche');
    expect(feed.link).toBe('https://depeche.example/');
    expect(feed.language).toBe('fr');
    expect(feed.lastBuildDate).toBe('Wed, 28 Feb 2024 09:00:00 +0100');
    expect(feed.atom?.links).toContainEqual(
      expect.objectContaining({ href: 'https://depeche.example/feed.xml', rel: 'self', type: 'application/rss+xml' }),
    );
    expect(feed.items).toHaveLength(1);
    const item = feed.items?.[0];
    expect(item?.title).toBe(record.title);
    expect(item?.link).toBe(URL_);
    expect(item?.guid).toEqual({ value: URL_, isPermaLink: true });
    expect(item?.pubDate).toBe('Wed, 28 Feb 2024 09:00:00 +0100');
    expect(item?.description).toBe(record.description);
    expect(item?.dc?.creators).toEqual(['Dépêche']);
    expect(item?.dc?.sources).toEqual([record.isBasedOn]);
    expect(item?.categories?.map((category) => category.name)).toEqual(record.tags);
    expect(paragraphsOf(item?.content?.encoded ?? '')).toEqual(paragraphs);
  });

  it('Atom carries the record, is valid against RFC 4287 and read back by feedsmith', () => {
    const xml = read('atom.xml');
    expect(() => assertValidAtom(xml)).not.toThrow();
    const raw = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as {
      feed: Record<string, unknown>;
    };
    expect(raw.feed['@xml:lang']).toBe('fr');
    const feed = parseAtomFeed(xml);
    expect(feed.id).toBe('https://depeche.example/');
    expect(feed.updated).toBe('2024-02-28T09:00:00+01:00');
    expect(feed.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: 'self', href: 'https://depeche.example/atom.xml' }),
        expect.objectContaining({ rel: 'alternate', href: 'https://depeche.example/' }),
      ]),
    );
    const entry = feed.entries?.[0];
    expect(feed.entries).toHaveLength(1);
    expect(entry?.id).toBe(URL_);
    expect(entry?.title?.value).toBe(record.title);
    expect(entry?.published).toBe(record.datePublished);
    expect(entry?.updated).toBe(record.datePublished);
    expect(entry?.authors?.map((author) => author.name)).toEqual(['Dépêche']);
    expect(entry?.categories?.map((category) => category.term)).toEqual(record.tags);
    expect(entry?.summary?.value).toBe(record.description);
    expect(paragraphsOf(entry?.content?.value ?? '')).toEqual(paragraphs);
    expect(entry?.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: 'alternate', href: URL_ }),
        expect.objectContaining({ rel: 'via', href: record.isBasedOn }),
        expect.objectContaining({ rel: 'related', href: record.citations[1]?.url }),
      ]),
    );
  });

  it('JSON Feed 1.1 carries the record', () => {
    const json = JSON.parse(read('feed.json')) as Record<string, unknown>;
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    const feed = parseJsonFeed(json);
    expect(feed.language).toBe('fr');
    expect(feed.feed_url).toBe('https://depeche.example/feed.json');
    const item = feed.items?.[0];
    expect(item?.id).toBe(URL_);
    expect(item?.url).toBe(URL_);
    expect(item?.external_url).toBe(record.isBasedOn);
    expect(item?.title).toBe(record.title);
    expect(item?.summary).toBe(record.description);
    expect(item?.date_published).toBe(record.datePublished);
    expect(item?.date_modified).toBeUndefined();
    expect(item?.tags).toEqual(record.tags);
    expect(paragraphsOf(item?.content_html ?? '')).toEqual(paragraphs);
  });

  it('the article page is HTML5 with its JSON-LD, byte-identical to the .jsonld file', () => {
    const html = read(`articles/${SLUG}/index.html`);
    const document = parseHtml(html);
    const htmlElement = find(document, (node) => node.nodeName === 'html');
    expect(attribute(htmlElement, 'lang')).toBe('fr');
    expect(text(find(document, (node) => node.nodeName === 'h1'))).toBe(record.title);
    expect(
      attribute(
        find(document, (node) => node.nodeName === 'link' && attribute(node, 'rel') === 'canonical'),
        'href',
      ),
    ).toBe(URL_);
    const alternates = findAll(
      document,
      (node) => node.nodeName === 'link' && attribute(node, 'rel') === 'alternate',
    ).map((node) => [attribute(node, 'type'), attribute(node, 'href')]);
    expect(alternates).toEqual(
      expect.arrayContaining([
        ['application/rss+xml', 'https://depeche.example/feed.xml'],
        ['application/atom+xml', 'https://depeche.example/atom.xml'],
        ['application/feed+json', 'https://depeche.example/feed.json'],
      ]),
    );
    expect(
      attribute(
        find(document, (node) => node.nodeName === 'time'),
        'datetime',
      ),
    ).toBe(record.datePublished);
    const blockquotes = findAll(
      document,
      (node) => node.nodeName === 'blockquote' && attribute(node, 'cite') !== undefined,
    );
    expect(blockquotes.map((node) => attribute(node, 'cite'))).toEqual([record.isBasedOn, record.isBasedOn]);
    const scripts = findAll(document, (node) => node.nodeName === 'script');
    expect(scripts).toHaveLength(1);
    expect(attribute(scripts[0], 'type')).toBe('application/ld+json');
    expect(text(scripts[0])).toBe(read(`articles/${SLUG}/index.jsonld`));
  });

  it('the JSON-LD is a NewsArticle graph with typed citations, fitting the schema.org vocabulary', () => {
    const graph = JSON.parse(read(`articles/${SLUG}/index.jsonld`)) as { '@context': string; '@graph': Node[] };
    expect(validateJsonLd(graph)).toEqual([]);
    const nodes = graph['@graph'];
    const article = nodes.find((node) => node['@type'] === 'NewsArticle' && node['@id'] === URL_);
    expect(article?.headline).toBe(record.title);
    expect(article?.description).toBe(record.description);
    expect(article?.datePublished).toBe(record.datePublished);
    expect(article?.inLanguage).toBe('fr');
    expect(article?.articleSection).toBe(record.section);
    expect(article?.keywords).toEqual(record.tags);
    const citations = article?.citation as Node[];
    expect(citations.map((citation) => [citation['@type'], citation.name, citation.url])).toEqual(
      record.citations.map((citation) => [citation.type, citation.name, citation.url]),
    );
    expect(article?.isBasedOn).toEqual({ '@id': citations[0]?.['@id'] });
    expect((citations[0]?.publisher as Node | undefined)?.['@type']).toBe('Organization');
    const mentioned = (article?.mentions as Node[] | undefined)?.map((node) => [node['@type'], node.name]);
    expect(mentioned).toEqual(record.mentions.map((entity) => [entity.type, entity.name]));
    const texts = collect(graph, (node) => node['@type'] === 'Quotation').map((node) => [
      node.text,
      (node.spokenByCharacter as Node).name,
    ]);
    expect(texts).toEqual(record.quotes.map((quote) => [quote.text, quote.spokenBy.name]));
  });

  it('the home page lists the article and carries the site JSON-LD', () => {
    const document = parseHtml(read('index.html'));
    const links = findAll(document, (node) => node.nodeName === 'a' && attribute(node, 'href') === URL_);
    expect(links.map(text)).toContain(record.title);
    const script = find(document, (node) => node.nodeName === 'script');
    const graph = JSON.parse(text(script)) as { '@graph': Node[] };
    expect(validateJsonLd(graph)).toEqual([]);
    expect(graph['@graph'].map((node) => node['@type'])).toEqual(
      expect.arrayContaining(['WebSite', 'NewsMediaOrganization']),
    );
  });

  it('the sitemap index lists the urlsets of the pages, the streams, the News sitemap; robots names it', () => {
    const index = new XMLParser({ isArray: (name) => name === 'sitemap' }).parse(read('sitemap.xml')) as {
      sitemapindex: { sitemap: { loc: string }[] };
    };
    expect(index.sitemapindex.sitemap.map((entry) => entry.loc)).toEqual([
      'https://depeche.example/sitemap-1.xml',
      'https://depeche.example/sitemap-streams.xml',
      'https://depeche.example/news-sitemap.xml',
    ]);
    const parsed = new XMLParser().parse(read('sitemap-1.xml')) as {
      urlset: { url: { loc: string; lastmod: string }[] };
    };
    expect(parsed.urlset.url.map((entry) => entry.loc)).toEqual(['https://depeche.example/', URL_]);
    expect(read('robots.txt')).toContain('Sitemap: https://depeche.example/sitemap.xml');
  });

  it('matches the reviewed golden files', async () => {
    for (const path of listFiles(out).filter((file) => !/\.(png|jpg|ico)$/.test(file))) {
      await expect(read(path)).toMatchFileSnapshot(join(root, 'tests/golden/seed', path));
    }
  });

  it('builds byte-identical output twice', async () => {
    const again = join(scratch, 'again');
    await build({ contentDir: join(root, 'content'), outDir: again, now: NOW });
    const files = listFiles(out);
    expect(listFiles(again)).toEqual(files);
    for (const path of files)
      expect(readFileSync(join(again, path)).equals(readFileSync(join(out, path))), path).toBe(true);
  });
});

type Node = Record<string, unknown>;
interface HtmlNode {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

function findAll(node: unknown, test: (node: HtmlNode) => boolean, found: HtmlNode[] = []): HtmlNode[] {
  const current = node as HtmlNode;
  if (test(current)) found.push(current);
  for (const child of current.childNodes ?? []) findAll(child, test, found);
  return found;
}
function find(node: unknown, test: (node: HtmlNode) => boolean): HtmlNode {
  const [first] = findAll(node, test);
  if (!first) throw new Error('element not found');
  return first;
}
function attribute(node: HtmlNode | undefined, name: string): string | undefined {
  return node?.attrs?.find((candidate) => candidate.name === name)?.value;
}
function text(node: HtmlNode | undefined): string {
  if (!node) return '';
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(text).join('');
}
/** The text of each `<p>` of an HTML fragment, read by parse5. */
function paragraphsOf(html: string): string[] {
  return findAll(parseHtml(html), (node) => node.nodeName === 'p').map(text);
}
function collect(value: unknown, test: (node: Node) => boolean, found: Node[] = []): Node[] {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, test, found);
  } else if (value !== null && typeof value === 'object') {
    if (test(value as Node)) found.push(value as Node);
    for (const item of Object.values(value)) collect(item, test, found);
  }
  return found;
}

describe('depeche check on the built seed', () => {
  it("finds nothing: the article has the site's default image, the publisher a square logo", async () => {
    const report = await check({ dir: out });
    expect(report.findings).toEqual([]);
    expect(report.baseUrl).toBe('https://depeche.example/');
  });
});
