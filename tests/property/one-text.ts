/**
 * One text in every output (issue 10): the site's title and description, and each article's title
 * and summary, read back from RSS and Atom (libxml2, and feedsmith), JSON Feed (JSON.parse), the
 * page (parse5: its `<h1>` and standfirst) and the JSON-LD (JSON.parse, and jsonld's expansion), each
 * after its format's own decoding (XML, then HTML where the format carries HTML), are one string:
 * the record's text cleaned (`cleaned` in check-site.ts). The only allowance is a reader's own bug,
 * named where it is made (`libxml2Reads`) or the reader's documented trimming (feedsmith). The feeds'
 * text is also written in the forms the W3C validator accepts without a warning (`checkTextForms`).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import type { OutputFile } from '../../src/model.js';
import {
  findAll,
  hasClass,
  htmlText,
  libxml2Reads,
  parsePage,
  textOf,
  texts,
  withXml,
  type HtmlElement,
  type HtmlNode,
} from './read-back.js';

/** A text as every output must carry it, and where it comes from (for the messages). */
export interface OneText {
  /** `site.yaml title`, `article-0.md description`… */
  source: string;
  text: string;
}

/** The site's and the articles' texts, cleaned, as check-site.ts computes them from the records. */
export interface OneTextSite {
  title: OneText;
  description: OneText;
  /** Every article; those `inFeeds` are looked for in each feed by their id. */
  articles: { id: string; slug: string; inFeeds: boolean; title: OneText; description: OneText }[];
}

const ATOM = { a: 'http://www.w3.org/2005/Atom' };

/** What RSS puts in `description` and Atom in a `type="html"` text construct: the text, HTML-escaped. */
function asHtmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The text as read from XML that carries it as plain text (libxml2-wasm's own loss of a leading U+FEFF aside). */
function fromPlainXml(text: string): string {
  return libxml2Reads(text);
}

/** The text as read from XML that carries it as escaped HTML: XML decoded, then HTML. */
function fromHtmlInXml(text: string): string {
  return htmlText(libxml2Reads(asHtmlText(text)));
}

/** feedsmith trims every value, and leaves out one that is empty once trimmed. */
function fromFeedsmith(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

function same(actual: unknown, expected: OneText, format: string, read = (text: string): unknown => text): void {
  const wanted = read(expected.text);
  assert.equal(
    actual,
    wanted,
    `${expected.source}: ${format} reads ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`,
  );
}

/** RSS plain-text elements and the channel's description, as the profile and the W3C validator want them. */
const RSS_TEXT = /<(title|description|category|dc:creator)>([^<]*)<\/\1>/g;
/** Atom's text constructs (`title`, `subtitle`, `summary`, `rights`): each start tag. */
const ATOM_TEXT = /<(?:title|subtitle|summary|rights)(?=[\s>])[^>]*>/g;

/**
 * The forms issue 10 asks for, on the bytes as written: in RSS, `&` and `<` of a text element as the
 * hexadecimal references `&#x26;` and `&#x3C;`, never `&amp;` or `&lt;`; in Atom, every text construct
 * declared `type="html"` (so that markup-looking text is not undeclared HTML).
 */
function checkTextForms(rss: string, atom: string): void {
  for (const [, name, content] of rss.matchAll(RSS_TEXT))
    assert.ok(!/&(?:amp|lt);/.test(content ?? ''), `RSS <${name}> writes & and < as hex references: ${content}`);
  for (const [tag] of atom.matchAll(ATOM_TEXT)) assert.match(tag, /\stype="html"/, `Atom ${tag} declares type="html"`);
}

function contentsOf(files: readonly OutputFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  assert.ok(file && typeof file.contents === 'string', `the build writes ${path} as text`);
  return file.contents as string;
}

export function checkOneText(files: readonly OutputFile[], site: OneTextSite): void {
  const inFeeds = site.articles.filter((article) => article.inFeeds);
  const rss = contentsOf(files, 'feed.xml');
  const atom = contentsOf(files, 'atom.xml');
  const json = JSON.parse(contentsOf(files, 'feed.json')) as JsonFeed;
  checkTextForms(rss, atom);

  withXml(rss, (document) => {
    same(texts(document, '/rss/channel/title')[0], site.title, 'RSS channel title', fromPlainXml);
    same(texts(document, '/rss/channel/description')[0], site.description, 'RSS channel description', fromPlainXml);
    for (const article of inFeeds) {
      const [item] = document.find(`/rss/channel/item[guid=${xpathString(article.id)}]`);
      assert.ok(item, `RSS has the item ${article.id}`);
      same(texts(item, 'title')[0], article.title, 'RSS title', fromPlainXml);
      // The RSS Profile reads an item's description as HTML.
      same(texts(item, 'description').map(htmlText)[0], article.description, 'RSS description', fromHtmlInXml);
    }
  });
  const rssBySmith = parseRssFeed(rss);
  same(rssBySmith.title, site.title, 'RSS channel title (feedsmith)', fromFeedsmith);
  for (const article of inFeeds) {
    const item = rssBySmith.items?.find((candidate) => candidate.guid?.value === article.id);
    same(item?.title, article.title, 'RSS title (feedsmith)', fromFeedsmith);
  }

  withXml(atom, (document) => {
    same(texts(document, '/a:feed/a:title', ATOM).map(htmlText)[0], site.title, 'Atom title', fromHtmlInXml);
    same(
      texts(document, '/a:feed/a:subtitle', ATOM).map(htmlText)[0],
      site.description,
      'Atom subtitle',
      fromHtmlInXml,
    );
    for (const article of inFeeds) {
      const [entry] = document.find(`/a:feed/a:entry[a:id=${xpathString(article.id)}]`, ATOM);
      assert.ok(entry, `Atom has the entry ${article.id}`);
      // Atom's text constructs are type="html".
      same(texts(entry, 'a:title', ATOM).map(htmlText)[0], article.title, 'Atom entry title', fromHtmlInXml);
      same(texts(entry, 'a:summary', ATOM).map(htmlText)[0], article.description, 'Atom summary', fromHtmlInXml);
    }
  });
  const atomBySmith = parseAtomFeed(atom);
  for (const article of inFeeds) {
    const entry = atomBySmith.entries?.find((candidate) => candidate.id === article.id);
    same(htmlText(entry?.title?.value ?? ''), article.title, 'Atom entry title (feedsmith)', fromFeedsmith);
    same(htmlText(entry?.summary?.value ?? ''), article.description, 'Atom summary (feedsmith)', fromFeedsmith);
  }

  same(json.title, site.title, 'JSON Feed title');
  same(json.description, site.description, 'JSON Feed description');
  for (const article of inFeeds) {
    const item = json.items.find((candidate) => candidate.id === article.id);
    same(item?.title, article.title, 'JSON Feed title');
    same(item?.summary, article.description, 'JSON Feed summary');
  }

  const home = parsePage(contentsOf(files, 'index.html')).document;
  same(
    onlyText(home, (element) => element.tagName === 'h1'),
    site.title,
    'home page <h1>',
  );
  const homeGraph = graphOf(home);
  same(homeGraph.find((node) => node['@type'] === 'WebSite')?.name, site.title, 'home page JSON-LD name');
  same(homeGraph.find((node) => node['@type'] === 'WebSite')?.description, site.description, 'home JSON-LD');

  for (const article of site.articles) {
    const page = parsePage(contentsOf(files, `articles/${article.slug}/index.html`)).document;
    // The title's <h1> comes first; a heading of the body may be another.
    const [h1] = findAll(page, (element) => element.tagName === 'h1');
    same(textOf(h1 as HtmlElement), article.title, 'page <h1>');
    // A body that opens with the standfirst shows it once, as its lead paragraph (render/article-page.ts).
    const standfirst = findAll(page, (element) => element.tagName === 'p' && hasClass(element, 'standfirst'));
    const lead = findAll(page, (element) => element.tagName === 'div' && hasClass(element, 'body')).flatMap((body) =>
      findAll(body, (element) => element.tagName === 'p').slice(0, 1),
    );
    same(textOf((standfirst[0] ?? lead[0]) as HtmlNode), article.description, 'page standfirst');
    const node = graphOf(page).find((candidate) => candidate['@type'] === 'NewsArticle');
    same(node?.headline, article.title, 'JSON-LD headline');
    same(node?.description, article.description, 'JSON-LD description');
  }
}

/** The same, read by jsonld's expansion of each article's `.jsonld` (schema.org's context from the vocabulary data). */
export async function checkOneTextExpanded(files: readonly OutputFile[], site: OneTextSite): Promise<void> {
  for (const article of site.articles) {
    const input = JSON.parse(contentsOf(files, `articles/${article.slug}/index.jsonld`)) as unknown;
    const expanded = (await jsonld.expand(input, { documentLoader, safe: true })) as Record<string, unknown>[];
    const [node, ...others] = expanded.filter((candidate) =>
      (candidate['@type'] as string[] | undefined)?.includes(`${SCHEMA}NewsArticle`),
    );
    assert.ok(node !== undefined && others.length === 0, `${article.slug}: one NewsArticle in the expanded JSON-LD`);
    same(expandedValue(node, 'headline'), article.title, 'expanded JSON-LD headline');
    same(expandedValue(node, 'description'), article.description, 'expanded JSON-LD description');
  }
}

interface JsonFeed {
  title: string;
  description: string;
  items: { id: string; title?: string; summary?: string }[];
}

type GraphNode = Record<string, unknown>;

function graphOf(document: HtmlNode): GraphNode[] {
  const [script] = findAll(document, (element) => element.tagName === 'script');
  assert.ok(script, 'the page has its JSON-LD');
  return (JSON.parse(textOf(script)) as { '@graph': GraphNode[] })['@graph'];
}

/** The text of the one element `test` selects. */
function onlyText(document: HtmlNode, test: (element: HtmlElement) => boolean): string {
  const found = findAll(document, test);
  assert.equal(found.length, 1, 'one such element');
  return textOf(found[0] as HtmlElement);
}

/** An XPath 1.0 string literal for any text (XPath has no escapes: `concat` joins the quoted parts). */
function xpathString(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  return `concat('${text.replaceAll("'", `', "'", '`)}')`;
}

const require = createRequire(import.meta.url);
const jsonld = require('jsonld') as {
  expand(
    input: unknown,
    options: { documentLoader: (url: string) => Promise<unknown>; safe: boolean },
  ): Promise<unknown>;
};
const SCHEMA = 'http://schema.org/';
const context = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../src/vocabulary/data/schemas/schemaorgcontext.jsonld'), 'utf8'),
) as unknown;
async function documentLoader(url: string): Promise<unknown> {
  if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`unexpected load of ${url}`);
  return { contextUrl: null, documentUrl: url, document: context };
}

function expandedValue(node: GraphNode, property: string): unknown {
  const values = node[`${SCHEMA}${property}`] as { '@value': unknown }[] | undefined;
  assert.ok(values?.length === 1, `one ${property}`);
  return values[0]?.['@value'];
}
