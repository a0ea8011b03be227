/**
 * examples/newsroom with the readers and validators of the outside world: every RSS and Atom feed of the
 * site (the home page's and each section's, tag's and author's) read by Debian's python3-feedparser and by
 * newsboat, each item there with the record's title; each of them and feeds.opml through the W3C Feed
 * Validation Service's own code (github.com/w3c/feedvalidator, when FEEDVALIDATOR names its `src/` folder:
 * it is in no package registry); and a list page, its page 2 and an author page in Chromium with axe-core.
 * Neither feedparser 6.0.10 nor newsboat 2.21 reads JSON Feed; tests/examples/newsroom.test.ts reads those.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { type Expected, expectedStreams, readExample } from '../examples/newsroom-records.js';
import { artifacts, axe, launch, openPage, serveFolder } from './browser.js';

const run = promisify(execFile);
const example = readExample();
const { settings } = example;
const streams = expectedStreams(example);
const NOW = new Date('2025-11-20T12:00:00+01:00');
const FEEDVALIDATOR = process.env.FEEDVALIDATOR;
const NEWSBOAT = '/usr/bin/newsboat';

/** Each stream's RSS and Atom feeds, with the titles of the items they should carry. */
const feeds = streams.flatMap((stream: Expected) =>
  ['feed.xml', 'atom.xml'].map((name) => ({
    url: stream.url + name,
    path: stream.url.slice(settings.url.length) + name,
    titles: stream.records.slice(0, settings.feedLimit).map((record) => record.title),
  })),
);

let scratch: string;
let out: string;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-newsroom-e2e-'));
  out = join(scratch, 'dist');
  await build({ contentDir: example.contentDir, outDir: out, now: NOW, keepFiles: false });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What a Python script prints as JSON, given `input` as JSON on its standard input. */
async function python<T>(script: string, input: unknown, args: string[] = []): Promise<T> {
  const child = execFile('/usr/bin/python3', ['-c', script, ...args], { maxBuffer: 64 * 1024 * 1024 });
  child.stdin?.end(JSON.stringify(input));
  let stdout = '';
  child.stdout?.on('data', (chunk: string) => {
    stdout += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  return JSON.parse(stdout) as T;
}

const FEEDPARSER = `
import feedparser, json, sys
result = {}
for path in json.load(sys.stdin):
    parsed = feedparser.parse(path)
    result[path] = {"bozo": bool(parsed.bozo), "exception": str(parsed.get("bozo_exception", "")),
                    "version": parsed.version, "titles": [entry.get("title") for entry in parsed.entries]}
print(json.dumps(result, ensure_ascii=False))
`;

describe('python3-feedparser', () => {
  it(`reads every item of the ${feeds.length} RSS and Atom feeds, without error`, async () => {
    const parsed = await python<
      Record<string, { bozo: boolean; exception: string; version: string; titles: string[] }>
    >(
      FEEDPARSER,
      feeds.map((feed) => join(out, feed.path)),
    );
    for (const feed of feeds) {
      const result = parsed[join(out, feed.path)];
      expect(result?.exception, feed.url).toBe('');
      expect(result?.bozo, feed.url).toBe(false);
      expect(result?.version, feed.url).toBe(feed.path.endsWith('atom.xml') ? 'atom10' : 'rss20');
      expect(result?.titles, feed.url).toEqual(feed.titles);
    }
  });
});

const VALIDATE = `
import json, sys
sys.path.insert(0, sys.argv[1])
import feedvalidator
from feedvalidator import compatibility
from feedvalidator.formatter.text_plain import Formatter
result = {}
for path, url in json.load(sys.stdin):
    with open(path, 'rb') as stream:
        try:
            events = feedvalidator.validateStream(stream, firstOccurrenceOnly=1, base=url)['loggedEvents']
        except feedvalidator.logging.ValidationFailure as failure:
            events = [failure.event]
    # AA: the errors and warnings that the online service reports.
    result[url] = list(Formatter(compatibility.AA(events)))
print(json.dumps(result, ensure_ascii=False))
`;

describe.skipIf(FEEDVALIDATOR === undefined)('the W3C feed validator (FEEDVALIDATOR=<checkout>/src)', () => {
  it(`finds no error and no warning in the ${feeds.length} feeds and feeds.opml`, async () => {
    // Read at its public URL, so that each feed's self link is where it was read from.
    const files = [...feeds, { url: `${settings.url}feeds.opml`, path: 'feeds.opml' }];
    const messages = await python<Record<string, string[]>>(
      VALIDATE,
      files.map((file) => [join(out, file.path), file.url]),
      [FEEDVALIDATOR ?? ''],
    );
    expect(Object.keys(messages)).toHaveLength(files.length);
    expect(Object.entries(messages).filter(([, found]) => found.length > 0)).toEqual([]);
  });
});

const CACHE = `
import json, sqlite3, sys
result = {}
for url, cache in json.load(sys.stdin):
    db = sqlite3.connect(cache)
    result[url] = [title for (title,) in db.execute("SELECT title FROM rss_item ORDER BY pubDate DESC, id")]
    db.close()
print(json.dumps(result, ensure_ascii=False))
`;

describe.skipIf(!existsSync(NEWSBOAT))('newsboat', () => {
  it(`reads every item of the ${feeds.length} RSS and Atom feeds`, async () => {
    // One cache a feed: newsboat keeps an item once across its feeds (by guid), and the streams share items.
    const folder = join(scratch, 'newsboat');
    mkdirSync(folder);
    writeFileSync(join(folder, 'config'), '');
    const caches = feeds.map((feed, index) => ({
      feed,
      cache: join(folder, `${index}.db`),
      urls: join(folder, `${index}`),
    }));
    for (const { feed, urls } of caches) writeFileSync(urls, `file://${join(out, feed.path)}\n`);
    // Mostly waiting, not computing: a few at a time.
    const queue = [...caches];
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift())
        await run(NEWSBOAT, ['-x', 'reload', '-u', next.urls, '-c', next.cache, '-C', join(folder, 'config')], {
          env: { ...process.env, HOME: folder },
        });
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    const titles = await python<Record<string, string[]>>(
      CACHE,
      caches.map(({ feed, cache }) => [feed.url, cache]),
    );
    for (const feed of feeds) expect(titles[feed.url], feed.url).toEqual(feed.titles);
  });
});

describe('Chromium and axe-core', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveFolder>>;
  beforeAll(async () => {
    const served = join(scratch, 'served');
    // The server first, for its address: the site is built for the URL it is served at.
    site = await serveFolder(served);
    await build({ contentDir: example.contentDir, outDir: served, now: NOW, baseUrl: site.url, keepFiles: false });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const section = streams.find((stream) => stream.kind === 'sections' && stream.records.length > settings.pageSize);
  const author = streams.find((stream) => stream.kind === 'authors' && stream.records.length > settings.pageSize);
  const pages = [section, author].flatMap((stream) => (stream === undefined ? [] : [stream.url]));
  const paths = [pages[0], `${pages[0]}page/2/`, pages[1]].map((url) => (url ?? '').slice(settings.url.length));

  it.each(paths)('%s has no axe violation, in the light and the dark scheme', async (path) => {
    expect(path).toMatch(/^(sections|authors)\//);
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await openPage(browser, 390, scheme);
      const response = await page.goto(new URL(path, site.url).href);
      expect(response?.ok(), path).toBe(true);
      expect(await axe(page), `${path} (${scheme})`).toEqual([]);
      const name = `newsroom-${path.replace(/\W+/g, '-')}${scheme}.png`;
      await page.screenshot({ path: join(artifacts, name), fullPage: true });
      await page.context().close();
    }
  });

  it("the author page shows the declared author's name and portrait, loaded", async () => {
    const { page } = await openPage(browser, 1280);
    await page.goto(new URL(paths[2] ?? '', site.url).href);
    const declared = [...settings.authors.values()].find((candidate) => candidate.name === author?.name);
    expect(await page.locator('h1').textContent()).toBe(declared?.name);
    const portrait = page.locator('img.portrait');
    expect(await portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.context().close();
  });
});
