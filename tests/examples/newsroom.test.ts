/**
 * examples/newsroom built as `depeche build` builds it, then read back with independent parsers (parse5,
 * fast-xml-parser, feedsmith, libxml2's RELAX NG) and compared with its records, which the test reads with the
 * `yaml` package alone: every stream (the home page, each section, tag and declared author) has its pages and
 * its three feeds, each feed carries the stream's newest records, feeds.opml lists every feed and only feeds
 * that exist, and `depeche check` finds neither an error nor a warning.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { check } from '../../src/check/folder.js';
import { assertValidAtom } from '../helpers/atom-schema.js';
import { attr, dom, elements, type T } from '../helpers/html-reading.js';
import { type Expected, expectedStreams, readExample } from './newsroom-records.js';

const example = readExample();
const { settings, records } = example;
const streams = expectedStreams(example);
/** After the newest record, so that every record is published. */
const NOW = new Date('2025-11-20T12:00:00+01:00');

let scratch: string;
let out: string;
let result: BuildResult;
const read = (path: string): string => readFileSync(join(out, path), 'utf8');
const exists = (path: string): boolean => statSync(join(out, path), { throwIfNoEntry: false })?.isFile() === true;
/** The site path of an absolute URL of the site (`https://gazette.example/tags/eau/` → `tags/eau/index.html`). */
const pathOf = (url: string): string => {
  expect(url.startsWith(settings.url)).toBe(true);
  const path = url.slice(settings.url.length);
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
};

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-newsroom-'));
  out = join(scratch, 'dist');
  result = await build({ contentDir: example.contentDir, outDir: out, now: NOW, keepFiles: false });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the newsroom example', () => {
  it('builds every record with no warning', () => {
    expect(result.warnings).toEqual([]);
    expect(result.site.articles).toHaveLength(records.length);
    expect(records.length).toBeGreaterThanOrEqual(30);
  });

  it('has streams of every kind, some with a page 2 and some feeds cut at the limit', () => {
    const kinds = new Set(streams.map((stream) => stream.kind));
    expect([...kinds].sort()).toEqual(['authors', 'home', 'sections', 'tags']);
    expect(streams.filter((stream) => stream.records.length > settings.pageSize).length).toBeGreaterThan(4);
    expect(streams.filter((stream) => stream.records.length > settings.feedLimit).length).toBeGreaterThan(2);
    expect(settings.feedStreams).toEqual(['sections', 'tags', 'authors']);
  });

  it.each(streams.map((stream) => [stream.url, stream] as const))('%s: every page lists its records', (_, stream) => {
    const pages = Math.ceil(stream.records.length / settings.pageSize);
    const urlOf = (page: number): string => (page === 1 ? stream.url : `${stream.url}page/${page}/`);
    for (let page = 1; page <= pages; page++) {
      const { document, errors } = dom(read(pathOf(urlOf(page))));
      expect(errors).toEqual([]);
      const links = (rel: string): (string | undefined)[] =>
        elements(document, 'link')
          .filter((link) => attr(link, 'rel') === rel)
          .map((link) => attr(link, 'href'));
      expect(links('canonical')).toEqual([urlOf(page)]);
      expect(links('prev')).toEqual(page === 1 ? [] : [urlOf(page - 1)]);
      expect(links('next')).toEqual(page === pages ? [] : [urlOf(page + 1)]);
      const shown = stream.records.slice((page - 1) * settings.pageSize, page * settings.pageSize);
      expect(listed(document)).toEqual(shown.map((record) => record.url));
      expect(links('alternate')).toEqual(expect.arrayContaining(feedUrls(stream)));
    }
    // No page past the last.
    expect(exists(pathOf(urlOf(pages + 1)))).toBe(false);
  });

  it.each(streams.map((stream) => [stream.url, stream] as const))(
    '%s: its three feeds carry its newest',
    (_, stream) => {
      const [rssUrl, atomUrl, jsonUrl] = feedUrls(stream) as [string, string, string];
      const newest = stream.records.slice(0, settings.feedLimit);
      const title = stream.name === undefined ? settings.title : `${settings.title} — ${stream.name}`;

      const rss = parseRssFeed(read(pathOf(rssUrl)));
      expect(rss.title).toBe(title);
      expect(rss.link).toBe(stream.url);
      expect(rss.language).toBe(settings.language);
      expect(rss.atom?.links).toContainEqual(expect.objectContaining({ rel: 'self', href: rssUrl }));
      expect(rss.items?.map((item) => item.title)).toEqual(newest.map((record) => record.title));
      expect(rss.items?.map((item) => item.guid?.value)).toEqual(newest.map((record) => record.url));
      expect(rss.items?.map((item) => item.description)).toEqual(newest.map((record) => record.description));
      expect(rss.items?.map((item) => item.categories?.map((category) => category.name))).toEqual(
        newest.map((record) => record.tags),
      );

      const atomXml = read(pathOf(atomUrl));
      expect(() => assertValidAtom(atomXml)).not.toThrow();
      const atom = parseAtomFeed(atomXml);
      expect(atom.title?.value).toBe(title);
      expect(atom.links).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rel: 'self', href: atomUrl }),
          expect.objectContaining({ rel: 'alternate', href: stream.url }),
        ]),
      );
      expect(atom.entries?.map((entry) => entry.title?.value)).toEqual(newest.map((record) => record.title));
      expect(atom.entries?.map((entry) => entry.published)).toEqual(newest.map((record) => record.datePublished));
      expect(atom.entries?.map((entry) => entry.authors?.map((author) => author.name))).toEqual(
        newest.map((record) => record.authorNames),
      );

      const raw = JSON.parse(read(pathOf(jsonUrl))) as Record<string, unknown>;
      expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
      const json = parseJsonFeed(raw);
      expect(json.title).toBe(title);
      expect(json.home_page_url).toBe(stream.url);
      expect(json.feed_url).toBe(jsonUrl);
      expect(json.language).toBe(settings.language);
      expect(json.items?.map((item) => [item.id, item.url, item.title, item.date_published])).toEqual(
        newest.map((record) => [record.url, record.url, record.title, record.datePublished]),
      );
      for (const item of json.items ?? []) expect(item.content_html ?? item.content_text).toEqual(expect.any(String));
    },
  );

  it('feeds.opml is OPML 2.0 listing every feed of the site, each one the build wrote', () => {
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'outline',
    }).parse(read('feeds.opml')) as {
      opml: { version: string; head: { title: string; dateCreated: string }; body: { outline: Outline[] } };
    };
    expect(parsed.opml.version).toBe('2.0');
    expect(parsed.opml.head.title).toBe(settings.title);
    // RFC 822, as OPML 2.0 asks: the newest change of any record.
    expect(parsed.opml.head.dateCreated).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/,
    );
    expect(Date.parse(parsed.opml.head.dateCreated)).toBe(Math.max(...records.map((record) => record.lastChange)));
    const feeds = flatten(parsed.opml.body.outline).filter((outline) => outline.xmlUrl !== undefined);
    for (const outline of feeds) {
      expect(outline.type).toBe('rss');
      expect(outline.text).toEqual(expect.any(String));
      expect(outline.title).toBe(outline.text);
      expect(exists(pathOf(outline.xmlUrl ?? ''))).toBe(true);
      expect(exists(pathOf(outline.htmlUrl ?? ''))).toBe(true);
    }
    const byUrl = new Map(feeds.map((outline) => [outline.xmlUrl, outline]));
    expect(feeds.map((outline) => outline.xmlUrl).sort()).toEqual(streams.map((stream) => feedUrls(stream)[0]).sort());
    for (const stream of streams) {
      const outline = byUrl.get(feedUrls(stream)[0]);
      expect(outline?.htmlUrl).toBe(stream.url);
      expect(outline?.text).toBe(stream.name === undefined ? settings.title : `${settings.title} — ${stream.name}`);
    }
  });

  it('depeche check finds nothing: every link resolves, every article has a picture', async () => {
    const report = await check({ dir: out, content: example.contentDir });
    expect(report.findings).toEqual([]);
    expect(report.files).toBe(listFiles(out).length);
  });
});

interface Outline {
  type?: string;
  text?: string;
  title?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  outline?: Outline[];
}

function flatten(outlines: Outline[]): Outline[] {
  return outlines.flatMap((outline) => [outline, ...flatten(outline.outline ?? [])]);
}

/** RSS, Atom, JSON Feed: the home page's at the root, a stream's in its folder. */
function feedUrls(stream: Expected): string[] {
  return ['feed.xml', 'atom.xml', 'feed.json'].map((name) => stream.url + name);
}

/** The article URLs a list page links from its headings, in order. */
function listed(document: T.Document): string[] {
  return elements(document, 'h3').flatMap((heading) => elements(heading, 'a').map((a) => attr(a, 'href') ?? ''));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isFile());
}
