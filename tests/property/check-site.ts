/**
 * The properties every generated site must have, as plain assertions (`node:assert`), so that
 * vitest (`npm test`) and the long fuzz run (`npm run fuzz`) check the same thing:
 *
 * 1. the build succeeds, through the real loader and validator;
 * 2. every XML output is well formed for libxml2, every JSON output parses, every page parses with no
 *    HTML parse error, and no output holds a lone surrogate;
 * 3. each page's JSON-LD block is the `.jsonld` file and holds exactly the article's text;
 * 4. the text a reader sees in each feed is the article's text: RSS and Atom read by libxml2 (the
 *    HTML layer decoded where the format carries HTML), JSON Feed as it parses; feedsmith reads
 *    the same, trimmed as it trims; the site's and each article's title and summary are one string
 *    in every feed, page and JSON-LD (one-text.ts);
 * 5. the body: plain paragraphs come back word for word; raw HTML is sanitized: no script, no `on*`
 *    attribute, no element of mutation XSS, no iframe but an embed host's and no `javascript:` or
 *    `data:` link reaches a page or a feed.
 *
 * "The record's text" is what YAML gives, with its line ends normalised (`\r\n` and `\r` become
 * `\n`, as they are in the file itself). "The article's text" is the record's text cleaned once for
 * every output (`cleaned`: controls but TAB and LF, noncharacters and lone surrogates removed, then
 * NFC); the site's text settings are cleaned the same way.
 */
import { strict as assert } from 'node:assert';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import type { BuildResult } from '../../src/build.js';
import type { OutputFile } from '../../src/model.js';
import {
  isHtmlForbidden,
  isXmlForbidden,
  type ArticleRecord,
  type EntityRecord,
  type GeneratedArticle,
  type GeneratedSite,
} from './arbitraries.js';
import { checkOneText, checkOneTextExpanded, type OneTextSite } from './one-text.js';
import {
  attribute,
  attributes,
  findAll,
  hasClass,
  libxml2Reads,
  parseHtmlFragment,
  parsePage,
  textOf,
  texts,
  withXml,
  type HtmlElement,
  type HtmlNode,
} from './read-back.js';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
};

/** Line ends as the loader leaves them. */
export function normalised(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * An article's text as every output carries it (issue 10), computed here from the rule: line ends
 * normalised, then controls other than TAB and LF (C0, DEL, C1), noncharacters and lone surrogates
 * removed, then Unicode NFC.
 */
export function cleaned(text: string): string {
  return [...normalised(text)]
    .filter((char) => !isUncarried(char))
    .join('')
    .normalize('NFC');
}

function isUncarried(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return code !== 0x09 && code !== 0x0a;
  if (code >= 0x7f && code <= 0x9f) return true;
  if (code >= 0xd800 && code <= 0xdfff) return true; // a lone surrogate: a pair is one astral code point
  if (code >= 0xfdd0 && code <= 0xfdef) return true;
  return (code & 0xfffe) === 0xfffe; // U+FFFE, U+FFFF and their like in every plane
}

/** The record with every text field an article carries cleaned (`cleaned`); URLs, dates and ids as written. */
function cleanedRecord(record: ArticleRecord): ArticleRecord {
  const { section, tags, image, citations, mentions, about, quotes, authors } = record;
  const entity = (written: EntityRecord): EntityRecord => ({ ...written, name: cleaned(written.name) });
  return {
    ...record,
    title: cleaned(record.title),
    description: cleaned(record.description),
    ...(authors === undefined
      ? {}
      : {
          authors: authors.map((author) =>
            typeof author === 'string' ? author : { ...author, name: cleaned(author.name) },
          ),
        }),
    ...(section === undefined ? {} : { section: cleaned(section) }),
    ...(tags === undefined ? {} : { tags: tags.map(cleaned) }),
    ...(image === undefined ? {} : { image: { ...image, alt: cleaned(image.alt) } }),
    ...(citations === undefined
      ? {}
      : {
          citations: citations.map((citation) => ({
            ...citation,
            name: cleaned(citation.name),
            ...(citation.publisher === undefined ? {} : { publisher: cleaned(citation.publisher) }),
            ...(citation.author === undefined ? {} : { author: cleaned(citation.author) }),
          })),
        }),
    ...(mentions === undefined ? {} : { mentions: mentions.map(entity) }),
    ...(about === undefined ? {} : { about: about.map(entity) }),
    ...(quotes === undefined
      ? {}
      : {
          quotes: quotes.map(({ text, spokenBy }) => ({
            text: cleaned(text),
            spokenBy: {
              name: cleaned(spokenBy.name),
              ...(spokenBy.jobTitle === undefined ? {} : { jobTitle: cleaned(spokenBy.jobTitle) }),
              ...(spokenBy.affiliation === undefined ? {} : { affiliation: cleaned(spokenBy.affiliation) }),
            },
          })),
        }),
  };
}

/** The record's text as XML carries it: without the characters XML 1.0 forbids. */
export function inXml(text: string): string {
  return [...normalised(text)].filter((char) => !isXmlForbidden(char)).join('');
}

/** The record's text as libxml2 reads it back from XML (see `libxml2Reads`). */
function readInXml(text: string): string {
  return libxml2Reads(inXml(text));
}

/** The record's text as an HTML page shows it: without what the HTML parser reports as errors. */
export function inHtml(text: string): string {
  return [...normalised(text)].filter((char) => !isHtmlForbidden(char)).join('');
}

/** What the model derives from a record, computed here independently of src/. */
interface Expected {
  article: GeneratedArticle;
  record: ArticleRecord;
  slug: string;
  url: string;
  id: string;
  instant: number;
  authorNames: string[];
  tags: string[];
}

function siteBase(site: GeneratedSite): string {
  const url = new URL(site.settings.url);
  return url.pathname.endsWith('/') ? url.href : `${url.href}/`;
}

/** Milliseconds since the epoch of an ISO 8601 date-time with offset, from its parts. */
export function instantOf(text: string): number {
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?(Z|([+-])(\d\d):(\d\d))$/.exec(text);
  if (!match) throw new Error(`not a date-time: ${text}`);
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone, sign, zh = '0', zm = '0'] = match;
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm));
  const ms = Number(`0.${fraction || '0'}`) * 1000;
  return (
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.floor(ms)) - offset * 60_000
  );
}

function expectations(site: GeneratedSite): Expected[] {
  const base = siteBase(site);
  return site.articles.map((article) => {
    const record = cleanedRecord(article.record);
    const slug = record.slug ?? article.fileName.replace(/\.md$/, '');
    const url = `${base}articles/${slug}/`;
    const authorNames = (record.authors ?? [site.settings.publisher.name]).map((author) => {
      if (typeof author !== 'string') return author.name;
      if (record.authors === undefined) return author;
      const known = site.settings.authors?.[author];
      assert.ok(known, `author id ${author} is declared`);
      return known.name;
    });
    return {
      article,
      record,
      slug,
      url,
      id: record.id ?? url,
      instant: instantOf(record.datePublished),
      authorNames: authorNames.map(normalised),
      tags: [...new Set((record.tags ?? []).map(normalised))],
    };
  });
}

/** The articles the feeds carry: the newest `feed.limit`, newest first, ties broken by id. */
function inFeeds(site: GeneratedSite, expected: Expected[]): Expected[] {
  const sorted = [...expected].sort((a, b) => b.instant - a.instant || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.slice(0, site.settings.feed?.limit ?? 50);
}

function contentsOf(files: readonly OutputFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  assert.ok(file, `the build writes ${path}`);
  assert.equal(typeof file.contents, 'string', `${path} is text`);
  return file.contents as string;
}

/** Checks every output of a built site against the generated content. Throws on the first failure. */
export function checkBuiltSite(generated: GeneratedSite, result: BuildResult): void {
  const { files } = result;
  checkFormats(files);
  const site = withCleanedSettings(generated);
  const expected = expectations(site);
  const feed = inFeeds(site, expected);
  checkOneText(files, oneText(site, expected, feed));
  checkRss(feed, contentsOf(files, 'feed.xml'));
  checkAtom(feed, contentsOf(files, 'atom.xml'));
  checkJsonFeed(feed, contentsOf(files, 'feed.json'));
  for (const article of expected) checkArticlePage(site, article, files);
  checkHomePage(expected, contentsOf(files, 'index.html'));
  // sitemap.xml is the index; the site's URLs fit in its first urlset.
  const locs = withXml(contentsOf(files, 'sitemap-1.xml'), (document) =>
    texts(document, '//s:loc', { s: 'http://www.sitemaps.org/schemas/sitemap/0.9' }),
  );
  assert.deepEqual(locs.sort(), [siteBase(site), ...expected.map((article) => article.url)].sort(), 'sitemap URLs');
}

/** `checkBuiltSite`'s one-text check by jsonld's expansion, which is asynchronous. */
export async function checkBuiltSiteExpanded(generated: GeneratedSite, result: BuildResult): Promise<void> {
  const site = withCleanedSettings(generated);
  const expected = expectations(site);
  await checkOneTextExpanded(result.files, oneText(site, expected, inFeeds(site, expected)));
}

/** The site's and the articles' titles and summaries, as every output must carry them. */
function oneText(site: GeneratedSite, expected: Expected[], feed: Expected[]): OneTextSite {
  const newest = new Set(feed);
  return {
    title: { source: 'site.yaml title', text: site.settings.title },
    description: { source: 'site.yaml description', text: site.settings.description },
    articles: expected.map((article) => ({
      id: article.id,
      slug: article.slug,
      inFeeds: newest.has(article),
      title: { source: `${article.article.fileName} title`, text: article.record.title },
      description: { source: `${article.article.fileName} description`, text: article.record.description },
    })),
  };
}

/** The site with its text settings cleaned, as the build cleans them (src/config.ts). */
function withCleanedSettings(site: GeneratedSite): GeneratedSite {
  const { settings } = site;
  const authors =
    settings.authors === undefined
      ? {}
      : {
          authors: Object.fromEntries(
            Object.entries(settings.authors).map(([id, author]) => [id, { ...author, name: cleaned(author.name) }]),
          ),
        };
  return {
    ...site,
    settings: {
      ...settings,
      title: cleaned(settings.title),
      description: cleaned(settings.description),
      publisher: { ...settings.publisher, name: cleaned(settings.publisher.name) },
      ...authors,
    },
  };
}

/** Well-formed XML, parsable JSON, HTML without parse errors, UTF-16 with no lone surrogate. */
export function checkFormats(files: readonly OutputFile[]): void {
  for (const file of files) {
    if (typeof file.contents !== 'string') continue;
    const contents = file.contents;
    assert.ok(!/\p{Cs}/u.test(contents), `${file.path} holds no lone surrogate`);
    if (file.path.endsWith('.xml')) withXml(contents, () => undefined);
    else if (file.path.endsWith('.json') || file.path.endsWith('.jsonld')) JSON.parse(contents);
    else if (file.path.endsWith('.html'))
      assert.deepEqual(parsePage(contents).errors, [], `${file.path} parses without HTML errors`);
  }
}

function checkRss(feed: Expected[], xml: string): void {
  withXml(xml, (document) => {
    const items = document.find('/rss/channel/item');
    assert.deepEqual(
      items.map((item) => texts(item, 'guid')[0]),
      feed.map((article) => article.id),
      'RSS items: the newest, newest first',
    );
    items.forEach((item, index) => {
      const article = feed[index] as Expected;
      const { record } = article;
      assert.deepEqual(texts(item, 'link'), [article.url], 'RSS item link');
      assert.deepEqual(texts(item, 'dc:creator', NS), article.authorNames.map(readInXml), 'RSS dc:creator');
      assert.deepEqual(texts(item, 'category'), article.tags.map(readInXml), 'RSS categories');
      assert.deepEqual(
        texts(item, 'dc:source', NS),
        record.isBasedOn === undefined ? [] : [record.isBasedOn],
        'RSS dc:source',
      );
      assert.equal(
        Date.parse(texts(item, 'pubDate')[0] ?? ''),
        Math.floor(article.instant / 1000) * 1000,
        'RSS pubDate',
      );
      checkBody(article, texts(item, 'content:encoded', NS)[0] ?? '', inXml, 'RSS content:encoded');
    });
  });
  const parsed = parseRssFeed(xml);
  assert.deepEqual(
    parsed.items?.map((item) => item.categories?.map((category) => category.name) ?? []),
    feed.map((article) => article.tags.map((tag) => trimmed(inXml(tag))).filter((tag) => tag !== undefined)),
    'feedsmith: RSS categories',
  );
}

function checkAtom(feed: Expected[], xml: string): void {
  withXml(xml, (document) => {
    const entries = document.find('/a:feed/a:entry', { a: NS.atom });
    assert.deepEqual(
      entries.map((entry) => texts(entry, 'a:id', { a: NS.atom })[0]),
      feed.map((article) => article.id),
      'Atom entries',
    );
    entries.forEach((entry, index) => {
      const article = feed[index] as Expected;
      const { record } = article;
      const a = { a: NS.atom };
      assert.deepEqual(texts(entry, 'a:author/a:name', a), article.authorNames.map(readInXml), 'Atom author names');
      assert.deepEqual(attributes(entry, 'a:category', 'term', a), article.tags.map(readInXml), 'Atom category terms');
      assert.equal(instantOf(texts(entry, 'a:published', a)[0] ?? ''), article.instant, 'Atom published');
      const related = (record.citations ?? []).filter(
        (citation, i, all) =>
          citation.url !== record.isBasedOn && all.findIndex((other) => other.url === citation.url) === i,
      );
      assert.deepEqual(
        attributes(entry, "a:link[@rel='related']", 'href', a),
        related.map((citation) => citation.url),
        'Atom related links',
      );
      assert.deepEqual(
        attributes(entry, "a:link[@rel='related']", 'title', a),
        related.map((citation) => readInXml(citation.name)),
        'Atom related link titles',
      );
      const via = (record.citations ?? []).find((citation) => citation.url === record.isBasedOn);
      assert.deepEqual(
        attributes(entry, "a:link[@rel='via']", 'title', a),
        record.isBasedOn === undefined ? [] : [via === undefined ? undefined : readInXml(via.name)],
        'Atom via link title',
      );
      checkBody(article, texts(entry, 'a:content', a)[0] ?? '', inXml, 'Atom content');
    });
  });
}

function checkJsonFeed(feed: Expected[], json: string): void {
  const parsed = JSON.parse(json) as { title: string; description: string; items: Record<string, unknown>[] };
  assert.deepEqual(
    parsed.items.map((item) => item.id),
    feed.map((article) => article.id),
    'JSON Feed items',
  );
  parsed.items.forEach((item, index) => {
    const article = feed[index] as Expected;
    assert.deepEqual(item.tags ?? [], article.tags, 'JSON Feed tags');
    assert.deepEqual(
      (item.authors as { name: string }[]).map((author) => author.name),
      article.authorNames,
      'JSON Feed authors',
    );
    assert.equal(item.external_url, article.record.isBasedOn, 'JSON Feed external_url');
    checkBody(article, String(item.content_html), (text) => text, 'JSON Feed content_html');
  });
  const viaFeedsmith = parseJsonFeed(parsed);
  assert.equal(viaFeedsmith.items?.length, feed.length, 'feedsmith: JSON Feed items');
}

function checkArticlePage(site: GeneratedSite, article: Expected, files: readonly OutputFile[]): void {
  const jsonLd = contentsOf(files, `articles/${article.slug}/index.jsonld`);
  const html = contentsOf(files, `articles/${article.slug}/index.html`);
  const { document } = parsePage(html);
  const scripts = findAll(document, (element) => element.tagName === 'script');
  assert.deepEqual(
    scripts.map((script) => attribute(script, 'type')),
    ['application/ld+json'],
    'the page has one script: its JSON-LD',
  );
  assert.equal(textOf(scripts[0] as HtmlElement), jsonLd, 'the page embeds the .jsonld file byte for byte');
  checkArticleGraph(site, article, JSON.parse(jsonLd) as Graph);

  // The page shows each text, minus what HTML forbids, as the whole text of some element.
  const { record } = article;
  const shown = new Set(findAll(document, () => true).map(textOf));
  const visible = [
    record.title,
    record.description,
    ...article.tags,
    ...(record.citations ?? []).map((citation) => citation.name),
    ...(record.quotes ?? []).map((quote) => quote.text),
  ];
  for (const text of visible) assert.ok(shown.has(inHtml(text)), `the page shows ${JSON.stringify(inHtml(text))}`);
  if (record.image !== undefined) {
    const alt = inHtml(record.image.alt);
    assert.ok(
      findAll(document, (element) => element.tagName === 'img' && attribute(element, 'alt') === alt).length > 0,
      `the page shows the image with its alt ${JSON.stringify(alt)}`,
    );
  }
  const body = findAll(document, (element) => element.tagName === 'div' && hasClass(element, 'body'));
  assert.equal(body.length, 1, 'the page has one body');
  // The page binds French punctuation to its word with `<span class="nb">` (render/typography.ts).
  checkBodyNodes(article, body[0] as HtmlElement, inHtml, 'page body');
}

type Graph = { '@graph': Record<string, unknown>[] };

function checkArticleGraph(site: GeneratedSite, article: Expected, graph: Graph): void {
  const { record } = article;
  const node = graph['@graph'].find((candidate) => candidate['@type'] === 'NewsArticle');
  assert.ok(node, 'JSON-LD has a NewsArticle');
  assert.equal(node['@id'], article.id, 'JSON-LD @id');
  assert.equal(instantOf(String(node.datePublished)), article.instant, 'JSON-LD datePublished');
  assert.deepEqual(node.keywords, article.tags.length === 0 ? undefined : article.tags, 'JSON-LD keywords');
  assert.equal(
    node.articleSection,
    record.section === undefined ? undefined : normalised(record.section),
    'JSON-LD articleSection',
  );
  const image = node.image as { description?: string } | undefined;
  assert.equal(
    image?.description,
    record.image === undefined || record.image.alt === '' ? undefined : normalised(record.image.alt),
    'JSON-LD image description',
  );
  const authors = node.author as Record<string, unknown>[];
  assert.deepEqual(
    authors.map((author) => author.name ?? normalised(site.settings.publisher.name)),
    article.authorNames,
    'JSON-LD authors',
  );
  const citations = (node.citation ?? []) as Record<string, unknown>[];
  assert.deepEqual(
    citations.map((citation) => [
      citation.name,
      citation.url,
      (citation.publisher as { name?: string } | undefined)?.name,
      (citation.author as { name?: string } | undefined)?.name,
    ]),
    (record.citations ?? []).map((citation) => [
      normalised(citation.name),
      citation.url,
      optional(citation.publisher),
      optional(citation.author),
    ]),
    'JSON-LD citations',
  );
  for (const field of ['mentions', 'about'] as const) {
    const entities = (node[field] ?? []) as Record<string, unknown>[];
    assert.deepEqual(
      entities.map((entity) => entity.name),
      (record[field] ?? []).map((entity) => normalised(entity.name)),
      `JSON-LD ${field}`,
    );
  }
  const quotations = graph['@graph'].filter((candidate) => candidate['@type'] === 'Quotation');
  assert.deepEqual(
    quotations.map((quotation) => {
      const speaker = quotation.spokenByCharacter as Record<string, unknown>;
      return [
        quotation.text,
        speaker.name,
        speaker.jobTitle,
        (speaker.affiliation as { name?: string } | undefined)?.name,
      ];
    }),
    (record.quotes ?? []).map((quote) => [
      normalised(quote.text),
      normalised(quote.spokenBy.name),
      optional(quote.spokenBy.jobTitle),
      optional(quote.spokenBy.affiliation),
    ]),
    'JSON-LD quotations',
  );
  const publisher = graph['@graph'].find((candidate) => candidate['@type'] === 'NewsMediaOrganization');
  assert.equal(publisher?.name, normalised(site.settings.publisher.name), 'JSON-LD publisher');
}

function checkHomePage(expected: Expected[], html: string): void {
  const { document } = parsePage(html);
  const links = new Set(
    findAll(document, (element) => element.tagName === 'a').map((link) => `${attribute(link, 'href')} ${textOf(link)}`),
  );
  for (const article of expected)
    assert.ok(
      links.has(`${article.url} ${inHtml(article.record.title)}`),
      `the home page links to ${article.url} by its title`,
    );
  const scripts = findAll(document, (element) => element.tagName === 'script');
  assert.equal(scripts.length, 1, 'the home page has one script: its JSON-LD');
}

function optional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : normalised(text);
}

/** feedsmith trims every value (and leaves out one that is empty once trimmed). */
function trimmed(text: string): string | undefined {
  const trimmedText = text.trim();
  return trimmedText === '' ? undefined : trimmedText;
}

/**
 * Elements that must never reach a body, whatever the raw HTML: they run code, or hide markup that
 * browsers and sanitizers parse differently (mutation XSS).
 */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'object',
  'embed',
  'frame',
  'frameset',
  'form',
  'input',
  'textarea',
  'base',
  'meta',
  'link',
]);
/** The only hosts an `<iframe>` of a generated site may come from (the default embed hosts). */
const EMBED_URL = new RegExp(
  '^https://([a-z0-9-]+\\.)*(youtube-nocookie\\.com/embed/|player\\.vimeo\\.com/video/|dailymotion\\.com/embed/|' +
    'datawrapper\\.dwcdn\\.net/|flo\\.uri\\.sh/|flourish\\.studio/|arte\\.tv/embeds/)',
);
const SAFE_URL = /^(?:https?:|mailto:|data:image\/(?:gif|png|jpeg|webp);)/i;

/** The body as one output carries it: the HTML after the format's own layer is decoded. */
function checkBody(article: Expected, html: string, carried: (text: string) => string, where: string): void {
  const { fragment, errors } = parseHtmlFragment(html);
  assert.deepEqual(errors, [], `${where}: the body is HTML without parse errors`);
  checkBodyNodes(article, fragment, (text) => carried(inHtml(text)), where);
}

function checkBodyNodes(article: Expected, root: HtmlNode, carried: (text: string) => string, where: string): void {
  const elements = findAll(root, () => true).filter((element) => element !== root);
  for (const element of elements) {
    assert.ok(!FORBIDDEN_ELEMENTS.has(element.tagName), `${where}: no <${element.tagName}> from raw HTML`);
    if (element.tagName === 'iframe') assert.match(attribute(element, 'src') ?? '', EMBED_URL, `${where}: iframe`);
    for (const { name, value } of element.attrs) {
      assert.ok(!/^on/i.test(name) && name !== 'srcdoc' && name !== 'formaction', `${where}: no ${name}= attribute`);
      if (name === 'href' || name === 'src' || name === 'cite')
        assert.match(value, SAFE_URL, `${where}: no dangerous URL`);
    }
  }
  const { body } = article.article;
  if (body.kind === 'paragraphs') {
    const paragraphs = findAll(root, (element) => element.tagName === 'p').map(textOf);
    // The body is the file's text: a lone surrogate cannot be written in UTF-8, the file holds U+FFFD.
    assert.deepEqual(
      paragraphs,
      body.paragraphs.map((paragraph) => carried(asWritten(paragraph))),
      `${where}: the paragraphs, word for word`,
    );
  }
}

/** A text as a UTF-8 file holds it (a lone surrogate becomes U+FFFD). */
function asWritten(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
