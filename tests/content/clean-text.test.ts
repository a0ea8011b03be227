/**
 * One text in every output: a record whose title and description hold controls (C0, DEL, C1),
 * a noncharacter, a lone surrogate and a decomposed accent is built, and each output is read back
 * with an independent parser (feedsmith for the three feeds, parse5 for the page, JSON.parse for
 * the JSON-LD). All must show the same string: the record's text without what some output drops, in NFC.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parse as parseHtml, parseFragment } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, build, loadSite } from '../../src/build.js';
import { cleanText } from '../../src/content/clean-text.js';

// YAML double-quoted escapes reach every code point; `e\u0301` is "é" decomposed.
const TITLE_YAML = String.raw`"Cafe\u0301 \x01AT&T\x08 <3\x7F Bouygues\x85\u0090 \uFDD0fin"`;
const DESCRIPTION_YAML = String.raw`"Les balises <b> et <script>\x00 expliquées\x1B"`;
const TITLE = 'Café AT&T <3 Bouygues fin';
const DESCRIPTION = 'Les balises <b> et <script> expliquées';

let scratch: string;
let content: string;
let out: string;
let built: BuildResult;
const read = (path: string): string => readFileSync(join(out, path), 'utf8');

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-clean-text-'));
  content = join(scratch, 'content');
  mkdirSync(join(content, 'articles'), { recursive: true });
  cpSync(join(import.meta.dirname, '../fixtures/valid/site.yaml'), join(content, 'site.yaml'));
  cpSync(join(import.meta.dirname, '../fixtures/valid/public/logo.png'), join(content, 'public/logo.png'));
  writeFileSync(
    join(content, 'articles/hostile.md'),
    `---\ntitle: ${TITLE_YAML}\ndescription: ${DESCRIPTION_YAML}\n` +
      'datePublished: 2024-02-28T09:00:00+01:00\n---\nTexte.\n',
    { flag: 'w' },
  );
  out = join(scratch, 'dist');
  built = await build({ contentDir: content, outDir: out });
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function textOf(node: unknown): string {
  const n = node as { nodeName: string; value?: string; childNodes?: unknown[] };
  if (n.nodeName === '#text') return n.value ?? '';
  return (n.childNodes ?? []).map(textOf).join('');
}

function find(node: unknown, test: (n: { nodeName: string; attrs?: { name: string; value: string }[] }) => boolean) {
  const found: unknown[] = [];
  const walk = (current: unknown): void => {
    const n = current as { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: unknown[] };
    if (test(n)) found.push(n);
    for (const child of n.childNodes ?? []) walk(child);
    const content = (current as { content?: unknown }).content;
    if (content !== undefined) walk(content);
  };
  walk(node);
  return found;
}

describe('cleanText', () => {
  it('removes controls but TAB and LF, noncharacters and lone surrogates, and composes (NFC)', () => {
    expect(cleanText('a\u0000b\u0008c\u007Fd\u0085e\u009Ff\uFFFEg\uFDD0h\uD800i\tj\nk')).toBe('abcdefghi\tj\nk');
    expect(cleanText('Cafe\u0301')).toBe('Caf\u00E9');
    expect(cleanText('😀 « ok »')).toBe('😀 « ok »');
  });
});

describe('a record with controls, a noncharacter and a decomposed accent', () => {
  it('shows one title and one summary in RSS, Atom and JSON Feed', () => {
    const rss = parseRssFeed(read('feed.xml'));
    const atom = parseAtomFeed(read('atom.xml'));
    const json = parseJsonFeed(read('feed.json'));
    expect(rss.items?.[0]?.title).toBe(TITLE);
    // RSS reads an item's description as HTML: its text is what a reader shows.
    expect(textOf(parseFragment(rss.items?.[0]?.description ?? ''))).toBe(DESCRIPTION);
    // Atom's title and summary are type="html": read as HTML too.
    expect(textOf(parseFragment(atom.entries?.[0]?.title?.value ?? ''))).toBe(TITLE);
    expect(textOf(parseFragment(atom.entries?.[0]?.summary?.value ?? ''))).toBe(DESCRIPTION);
    expect(json.items?.[0]?.title).toBe(TITLE);
    expect(json.items?.[0]?.summary).toBe(DESCRIPTION);
  });

  it("gives the JSON-LD headline the page's <h1> text", () => {
    const document = parseHtml(read('articles/hostile/index.html'));
    const [h1] = find(document, (n) => n.nodeName === 'h1');
    const [script] = find(
      document,
      (n) => n.nodeName === 'script' && (n.attrs ?? []).some((a) => a.value === 'application/ld+json'),
    );
    const graph = (JSON.parse(textOf(script)) as { '@graph': { headline?: string; description?: string }[] })['@graph'];
    const jsonLd = graph.find((node) => node.headline !== undefined) ?? {};
    expect(textOf(h1).trim()).toBe(TITLE);
    expect(jsonLd.headline).toBe(TITLE);
    expect(jsonLd.description).toBe(DESCRIPTION);
  });
});

describe('the build warns of what it removed', () => {
  const file = join('articles', 'hostile.md');
  const expected = [
    {
      line: 2,
      field: 'title',
      message: 'removed 6 characters (U+0001, U+0008, U+007F, U+0085, U+0090, U+FDD0) that not every output can carry',
    },
    {
      line: 3,
      field: 'description',
      message: 'removed 2 control characters (U+0000, U+001B) that not every output can carry',
    },
  ];
  const ofRecord = (result: BuildResult) =>
    result.warnings
      .filter((warning) => warning.file.endsWith(file))
      .map(({ line, field, message }) => ({ line, field, message }));

  it('once per field, at its line', () => {
    expect(ofRecord(built)).toEqual(expected);
  });

  it('and again when the record is reused from the build cache', async () => {
    const cached = join(scratch, 'cached');
    await build({ contentDir: content, outDir: cached, keepFiles: false, incremental: true });
    const again = await build({ contentDir: content, outDir: cached, keepFiles: false, incremental: true });
    expect(again.reused).toBe(1);
    expect(ofRecord(again)).toEqual(expected);
  });

  it('and from loadSite, which models the content without writing', async () => {
    const loaded = await loadSite(content);
    expect(ofRecord({ ...built, warnings: loaded.warnings })).toEqual(expected);
  });
});
