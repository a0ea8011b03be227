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
import { createSiteState } from '../../src/dev/site-state.js';
import type { Problem } from '../../src/errors.js';

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

describe('site settings with controls and a decomposed accent', () => {
  // site.yaml's own text: the channel's title and description, the publisher's and a declared author's names.
  const SETTINGS = [
    'url: https://depeche.example/',
    String.raw`title: "De\u0301pe\u0302che\x01 & <Cie>"`,
    String.raw`description: "Un site\x08 d’essai ]]> &amp;"`,
    'language: fr',
    'publisher:',
    String.raw`  name: "De\u0301pe\u0302che\x7F SA"`,
    '  url: https://depeche.example/',
    '  logo: { src: /logo.png, width: 600, height: 60 }',
    'authors:',
    '  camille:',
    String.raw`    name: "Camille\x1B Dupont"`,
    '',
  ].join('\n');
  const TITLE = 'Dépêche & <Cie>';
  const SUBTITLE = 'Un site d’essai ]]> &amp;';
  const PUBLISHER = 'Dépêche SA';
  const AUTHOR = 'Camille Dupont';
  let site: string;
  let result: BuildResult;
  const readSite = (path: string): string => readFileSync(join(site, 'dist', path), 'utf8');

  beforeAll(async () => {
    site = join(scratch, 'settings');
    mkdirSync(join(site, 'content/articles'), { recursive: true });
    cpSync(join(import.meta.dirname, '../fixtures/valid/public/logo.png'), join(site, 'content/public/logo.png'));
    writeFileSync(join(site, 'content/site.yaml'), SETTINGS);
    writeFileSync(
      join(site, 'content/articles/a.md'),
      '---\ntitle: T\ndescription: D\ndatePublished: 2024-02-28T09:00:00+01:00\nauthors: [camille]\n---\nTexte.\n',
    );
    writeFileSync(
      join(site, 'content/articles/b.md'),
      '---\ntitle: U\ndescription: E\ndatePublished: 2024-02-27T09:00:00+01:00\n---\nTexte.\n',
    );
    result = await build({ contentDir: join(site, 'content'), outDir: join(site, 'dist') });
  }, 60_000);

  it('shows one site title and description in RSS, Atom, JSON Feed and the home page', () => {
    const rss = parseRssFeed(readSite('feed.xml'));
    const atom = parseAtomFeed(readSite('atom.xml'));
    const json = parseJsonFeed(readSite('feed.json'));
    expect(rss.title).toBe(TITLE);
    expect(rss.description).toBe(SUBTITLE);
    expect(textOf(parseFragment(atom.title?.value ?? ''))).toBe(TITLE);
    expect(textOf(parseFragment(atom.subtitle?.value ?? ''))).toBe(SUBTITLE);
    expect(json.title).toBe(TITLE);
    expect(json.description).toBe(SUBTITLE);
    const home = parseHtml(readSite('index.html'));
    const [h1] = find(home, (n) => n.nodeName === 'h1');
    expect(textOf(h1)).toBe(TITLE);
    const [script] = find(home, (n) => n.nodeName === 'script');
    const graph = (JSON.parse(textOf(script)) as { '@graph': { '@type': string; name?: string }[] })['@graph'];
    expect(graph.find((node) => node['@type'] === 'WebSite')?.name).toBe(TITLE);
    expect(graph.find((node) => node['@type'] === 'NewsMediaOrganization')?.name).toBe(PUBLISHER);
  });

  it("shows one name for the publisher and a declared author in the feeds and the articles' JSON-LD", () => {
    const rss = parseRssFeed(readSite('feed.xml'));
    const json = parseJsonFeed(readSite('feed.json'));
    const atom = parseAtomFeed(readSite('atom.xml'));
    expect(rss.items?.map((item) => item.dc?.creators)).toEqual([[AUTHOR], [PUBLISHER]]);
    expect(json.items?.map((item) => item.authors?.map((author) => author.name))).toEqual([[AUTHOR], [PUBLISHER]]);
    expect(atom.entries?.map((entry) => entry.authors?.map((author) => author.name))).toEqual([[AUTHOR], [PUBLISHER]]);
    const jsonLd = JSON.parse(readSite('articles/b/index.jsonld')) as { '@graph': Record<string, unknown>[] };
    const article = jsonLd['@graph'].find((node) => node['@type'] === 'NewsArticle');
    expect(article).toBeDefined();
    // The publisher as author is a reference to its node.
    const byId = (id: unknown) => jsonLd['@graph'].find((node) => node['@id'] === id);
    const names = (article?.author as Record<string, unknown>[] | undefined)?.map(
      (author) => author.name ?? byId(author['@id'])?.name,
    );
    expect(names).toEqual([PUBLISHER]);
  });

  const ofSettings = (warnings: readonly Problem[]) =>
    warnings
      .filter((warning) => warning.file.endsWith('site.yaml'))
      .map(({ line, field, message }) => ({ line, field, message }));

  it('warns in depeche dev as the build does, in full and after an edit of one record', async () => {
    const state = createSiteState(join(site, 'content'), 'http://localhost:4321/', 'test');
    const first = await state.rebuild();
    expect(first.ok && ofSettings(first.warnings)).toEqual(ofSettings(result.warnings));
    const record = join(site, 'content/articles/b.md');
    writeFileSync(record, readFileSync(record, 'utf8').replace('Texte.', 'Texte modifié.'));
    const edited = await state.rebuild(['articles/b.md']);
    expect(edited.ok && edited.scope).toBe('records');
    expect(edited.ok && ofSettings(edited.warnings)).toEqual(ofSettings(result.warnings));
  });

  it('warns once per setting, at its line', () => {
    expect(ofSettings(result.warnings)).toEqual([
      { line: 2, field: 'title', message: 'removed 1 control character (U+0001) that not every output can carry' },
      {
        line: 3,
        field: 'description',
        message: 'removed 1 control character (U+0008) that not every output can carry',
      },
      {
        line: 6,
        field: 'publisher.name',
        message: 'removed 1 control character (U+007F) that not every output can carry',
      },
      {
        line: 11,
        field: 'authors.camille.name',
        message: 'removed 1 control character (U+001B) that not every output can carry',
      },
    ]);
  });
});
