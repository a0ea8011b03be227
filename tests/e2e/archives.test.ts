/**
 * The whole history through Python's feedparser: a site of 2,000 articles over five years is built
 * with a fixed now, and a reader that starts at the subscription feed and follows `prev-archive`
 * (RFC 5005 §4) from document to document must meet every published article exactly once, in RSS
 * and in Atom, reading each document without a complaint (feedparser's `bozo`).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { readWithFeedparser } from './feedparser.js';
import { root } from './seed-site.js';

const NOW = new Date('2026-12-03T10:00:00Z');
const COUNT = 2000;
const SITE = 'https://depeche.example/';

/** Walks the chain from the file given, reading the files of dist/ for the site's URLs. */
const SCRIPT = `
import feedparser, json, os, sys
dist, start, site = sys.argv[1].split("\\n")
seen, ids, bozo, url = [], [], [], start
while url:
    if url in seen:
        raise SystemExit("the chain loops at " + url)
    seen.append(url)
    result = feedparser.parse(os.path.join(dist, url[len(site):]))
    if result.bozo:
        bozo.append(url + ": " + str(result.get("bozo_exception")))
    if len(seen) > 1:
        ids.extend(entry.get("id") for entry in result.entries)
    url = next((link.href for link in result.feed.get("links", []) if link.rel == "prev-archive"), None)
print(json.dumps({"documents": seen, "ids": ids, "bozo": bozo}))
`;

let scratch: string;
let dist: string;
const published: string[] = [];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-archives-'));
  const content = join(scratch, 'content');
  cpSync(join(root, 'tests/fixtures/valid'), content, { recursive: true });
  rmSync(join(content, 'articles'), { recursive: true });
  mkdirSync(join(content, 'articles'));
  for (let index = 0; index < COUNT; index++) {
    // One every 21 h 54 min back from now: five years.
    const date = new Date(NOW.getTime() - 3_600_000 - index * 78_840_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const slug = `article-${String(index).padStart(4, '0')}`;
    writeFileSync(
      join(content, 'articles', `${slug}.md`),
      `---\ntitle: Article ${index}\ndescription: Le chapeau ${index}.\n` +
        `datePublished: ${date.replace('Z', '+00:00')}\n---\nLe texte.\n`,
    );
    published.push(`${SITE}articles/${slug}/`);
  }
  // One scheduled after now: in no archive.
  writeFileSync(
    join(content, 'articles', 'demain.md'),
    '---\ntitle: Demain\ndescription: Pas encore.\ndatePublished: 2026-12-04T09:00:00+01:00\n---\n',
  );
  dist = join(scratch, 'dist');
  await build({ contentDir: content, outDir: dist, now: NOW });
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('feedparser, going back from the subscription feed', () => {
  for (const start of ['feed.xml', 'atom.xml']) {
    it(`meets every published article once from ${start}`, () => {
      const walked = readWithFeedparser<{ documents: string[]; ids: string[]; bozo: string[] }>(
        SCRIPT,
        [dist, SITE + start, SITE].join('\n'),
      );
      expect(walked.bozo).toEqual([]);
      // feed.xml, then every month from 2021-12 to 2026-12.
      expect(walked.documents.length).toBeGreaterThanOrEqual(61);
      expect(walked.ids).toHaveLength(COUNT);
      expect([...walked.ids].sort()).toEqual([...published].sort());
    });
  }
});
