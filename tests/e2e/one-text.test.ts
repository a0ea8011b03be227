/**
 * One text in every output: a site of hostile-but-legal records is built, and each item's
 * title and summary are read back by independent readers, Python's feedparser for RSS and Atom,
 * JSON.parse for JSON Feed, parse5 for the page's <h1> and standfirst, jsonld's expansion for the
 * JSON-LD, and must equal the record's text after the documented cleaning (docs/hostile-content.md:
 * controls other than TAB and LF removed, then NFC). The expected texts are written out by hand.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAll, hasClass, htmlText, parsePage, textOf, type HtmlElement } from '../property/read-back.js';
import { recordText } from '../property/site-files.js';
import { readWithFeedparser } from './feedparser.js';
import { buildSeed, root } from './seed-site.js';

interface Case {
  slug: string;
  title: string;
  description: string;
  /** What every output must show. */
  shown: { title: string; description: string };
}

const CASES: Case[] = [
  {
    slug: 'balises',
    title: 'AT&T <3 Bouygues &amp; ]]> <b>gras</b> <script>x</script>',
    description: 'Les balises <b> et <script> expliquées',
    shown: {
      title: 'AT&T <3 Bouygues &amp; ]]> <b>gras</b> <script>x</script>',
      description: 'Les balises <b> et <script> expliquées',
    },
  },
  {
    slug: 'controles',
    title: 'Un contrôle\u0001 caché',
    description: 'Effacé\u0001 puis\u0008 retour\u007f arrière',
    shown: { title: 'Un contrôle caché', description: 'Effacé puis retour arrière' },
  },
  {
    slug: 'nfd',
    title: 'Cafe\u0301 cre\u0300me a\u0300 l’e\u0301te\u0301',
    description: 'De\u0301composé en NFD, recompose\u0301 en NFC',
    shown: { title: 'Café crème à l’été', description: 'Décomposé en NFD, recomposé en NFC' },
  },
  {
    slug: 'cdata',
    title: 'Fin de CDATA ]]> et &lt; écrit',
    description: '&amp; écrit tel quel, & seul, </script> et <!-- fermés',
    shown: {
      title: 'Fin de CDATA ]]> et &lt; écrit',
      description: '&amp; écrit tel quel, & seul, </script> et <!-- fermés',
    },
  },
  {
    slug: 'gras',
    title: '<b>Gras</b> & <i>italique</i>',
    description: '<p>Un paragraphe</p> en texte',
    shown: { title: '<b>Gras</b> & <i>italique</i>', description: '<p>Un paragraphe</p> en texte' },
  },
];

/** Every entry's title and summary as feedparser reads them, with the type it gives each. */
const SCRIPT = `
import feedparser, json, sys
result = feedparser.parse(sys.argv[1])
print(json.dumps({
  "bozo": bool(result.bozo), "bozo_exception": str(result.get("bozo_exception", "")),
  "entries": [{
    "link": entry.get("link"),
    "title": entry.get("title"), "title_type": entry.get("title_detail", {}).get("type"),
    "summary": entry.get("summary"), "summary_type": entry.get("summary_detail", {}).get("type"),
  } for entry in result.entries],
}, ensure_ascii=False))
`;

interface FeedparserEntry {
  link: string;
  title: string;
  title_type: string;
  summary: string;
  summary_type: string;
}

/**
 * The type of each text, as the format declares it. Atom declares it (`type="html"`), and feedparser
 * reports that. RSS declares nothing: the RSS Profile reads an item's `description` as HTML and its
 * `title` as plain text, but feedparser guesses from the decoded text (`looks_like_html`: a closing
 * tag or an entity, and only tags of its safe list), so it calls `<b>Gras</b> & <i>italique</i>` or
 * `&lt;` "text/html"; its value is still the exact text, and the profile's reading is the one tested.
 */
const TYPES: Record<string, (entry: FeedparserEntry) => { title: string; summary: string }> = {
  'feed.xml': () => ({ title: 'text/plain', summary: 'text/html' }),
  'atom.xml': (entry) => ({ title: entry.title_type, summary: entry.summary_type }),
};

/** The text a reader shows: feedparser hands HTML undecoded. */
function shownText(value: string, type: string): string {
  if (type === 'text/plain') return value;
  if (type === 'text/html') return htmlText(value);
  throw new Error(`unexpected content type ${type}`);
}

const BASE = 'https://depeche.example/';
const urlOf = (slug: string): string => `${BASE}articles/${slug}/`;

const scratch = mkdtempSync(join(tmpdir(), 'depeche-one-text-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let out: string;
beforeAll(async () => {
  const content = join(scratch, 'content');
  mkdirSync(join(content, 'articles'), { recursive: true });
  // The embedded site's settings and files; only the records are hostile.
  cpSync(join(root, 'content/site.yaml'), join(content, 'site.yaml'));
  cpSync(join(root, 'content/public'), join(content, 'public'), { recursive: true });
  CASES.forEach((record, index) => {
    const front = {
      title: record.title,
      description: record.description,
      datePublished: `2024-03-${String(index + 1).padStart(2, '0')}T09:00:00+01:00`,
    };
    writeFileSync(join(content, 'articles', `${record.slug}.md`), recordText(front, 'Le corps.\n'));
  });
  out = await buildSeed(content);
});

describe.each([
  ['feed.xml', 'RSS'],
  ['atom.xml', 'Atom'],
])('feedparser reading %s (%s)', (file) => {
  let entries: Map<string, FeedparserEntry>;
  beforeAll(() => {
    const parsed = readWithFeedparser<{ bozo: boolean; bozo_exception: string; entries: FeedparserEntry[] }>(
      SCRIPT,
      join(out, file),
    );
    expect(parsed.bozo_exception).toBe('');
    expect(parsed.bozo).toBe(false);
    entries = new Map(parsed.entries.map((entry) => [entry.link, entry]));
    expect(entries.size).toBe(CASES.length);
  });

  it.each(CASES.map((record) => [record.slug, record] as const))(
    'shows the cleaned title and summary of %s',
    (_, record) => {
      const entry = entries.get(urlOf(record.slug));
      if (entry === undefined) throw new Error(`no entry for ${record.slug}`);
      const types = TYPES[file]?.(entry);
      if (types === undefined) throw new Error(`no types for ${file}`);
      expect(shownText(entry.title, types.title)).toBe(record.shown.title);
      expect(shownText(entry.summary, types.summary)).toBe(record.shown.description);
    },
  );
});

describe('feed.json', () => {
  it.each(CASES.map((record) => [record.slug, record] as const))(
    'carries the cleaned title and summary of %s',
    (_, record) => {
      const feed = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8')) as {
        items: { url: string; title: string; summary: string }[];
      };
      const item = feed.items.find((candidate) => candidate.url === urlOf(record.slug));
      expect(item?.title).toBe(record.shown.title);
      expect(item?.summary).toBe(record.shown.description);
    },
  );
});

const require = createRequire(import.meta.url);
const jsonld = require('jsonld') as {
  expand(
    input: unknown,
    options: { documentLoader: (url: string) => Promise<unknown>; safe: boolean },
  ): Promise<unknown>;
};
const context = JSON.parse(
  readFileSync(join(root, 'src/vocabulary/data/schemas/schemaorgcontext.jsonld'), 'utf8'),
) as unknown;
const documentLoader = async (url: string) => {
  if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`unexpected load of ${url}`);
  return { contextUrl: null, documentUrl: url, document: context };
};

type Expanded = Record<string, unknown>;
const SCHEMA = 'http://schema.org/';

/** The string value of `property` on the expanded node. */
function valuesOf(node: Expanded, property: string): unknown {
  return (node[`${SCHEMA}${property}`] as { '@value': unknown }[] | undefined)?.map((value) => value['@value']);
}

describe('the article page', () => {
  it.each(CASES.map((record) => [record.slug, record] as const))(
    'shows the cleaned title in <h1> and the JSON-LD headline, and the description, of %s',
    async (_, record) => {
      const page = readFileSync(join(out, 'articles', record.slug, 'index.html'), 'utf8');
      const { document, errors } = parsePage(page);
      expect(errors).toEqual([]);
      const headings = findAll(document, (element) => element.tagName === 'h1');
      expect(headings.map(textOf)).toEqual([record.shown.title]);
      const standfirsts = findAll(document, (element) => element.tagName === 'p' && hasClass(element, 'standfirst'));
      expect(standfirsts.map(textOf)).toEqual([record.shown.description]);
      const scripts = findAll(
        document,
        (element: HtmlElement) =>
          element.tagName === 'script' &&
          element.attrs.some((a) => a.name === 'type' && a.value === 'application/ld+json'),
      );
      expect(scripts).toHaveLength(1);
      const [script] = scripts;
      const expanded = (await jsonld.expand(JSON.parse(textOf(script as HtmlElement)), {
        documentLoader,
        safe: true,
      })) as Expanded[];
      const articles = expanded.filter((node) =>
        (node['@type'] as string[] | undefined)?.includes(`${SCHEMA}NewsArticle`),
      );
      expect(articles.map((node) => valuesOf(node, 'headline'))).toEqual([[record.shown.title]]);
      expect(articles.map((node) => valuesOf(node, 'description'))).toEqual([[record.shown.description]]);
    },
  );
});
