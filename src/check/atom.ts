/**
 * Atom (RFC 4287): the document against the RFC's RELAX NG schema (src/vocabulary/data/schemas/atom-rfc4287.rng),
 * then what the schema cannot say: a feed without an author needs one in every entry (§4.1.1),
 * entry ids are unique, and the HTML content and summaries carry no relative URL without `xml:base`.
 */
import { readFileSync } from 'node:fs';
import type { XmlDocument } from 'libxml2-wasm';
import type { SiteContext } from './context.js';
import { checkFeedHtml } from './feed-content.js';
import { htmlText } from './html.js';
import type { FeedItem, FeedItems } from './feeds-agree.js';
import { error, type Finding, type Place } from './finding.js';
import { checkReference } from './links.js';
import { parseRfc3339 } from './dates.js';
import { childNamed, childrenNamed, validateRelaxNg, type XmlNode } from './xml.js';
import { atomTextType, xmlControls } from './feed-text.js';
import { canParseUrl } from '../content/url.js';

export const ATOM = 'http://www.w3.org/2005/Atom';

// From the package root, like the vocabulary: the same path from src/check/ and lib/check/.
const SCHEMA = new URL('../../src/vocabulary/data/schemas/atom-rfc4287.rng', import.meta.url);
let schemaText: string | undefined;

export function checkAtom(
  context: SiteContext,
  path: string,
  document: XmlDocument,
  feed: XmlNode,
): { findings: Finding[]; feed: FeedItems } {
  const file = context.files.shown(path);
  const at = (node: XmlNode, field: string): Place => ({ file, field, line: node.line });
  schemaText ??= readFileSync(SCHEMA, 'utf8');
  const findings: Finding[] = validateRelaxNg(document, schemaText).map((diagnostic) =>
    error(
      'atom-schema',
      { file, field: diagnostic.path ?? '', line: diagnostic.line },
      `${diagnostic.message} (RFC 4287 schema)`,
    ),
  );
  const items: FeedItems = { format: 'Atom', shown: file, items: [] };
  const feedUrl = context.urlOf(path);
  const feedBase = feed.attributes.has('xml:base');
  for (const [name, kind] of [
    ['icon', 'image'],
    ['logo', 'image'],
  ] as const) {
    const element = childNamed(feed, name, ATOM);
    if (element !== undefined)
      findings.push(
        ...checkReference(
          context,
          { url: element.text.trim(), kind, where: `<${name}>` },
          feedUrl,
          at(element, `/feed/${name}`),
        ),
      );
  }
  findings.push(...links(context, feed, '/feed', feedUrl, at), ...xmlControls(feed, '/feed', at));
  findings.push(...textConstructs(feed, '/feed', ['title', 'subtitle', 'rights'], at));
  const feedHasAuthor = childNamed(feed, 'author', ATOM) !== undefined;
  const seen = new Map<string, number>();
  childrenNamed(feed, 'entry', ATOM).forEach((entry, index) => {
    const base = `/feed/entry[${index + 1}]`;
    const id = childNamed(entry, 'id', ATOM)?.text.trim();
    if (
      !feedHasAuthor &&
      childNamed(entry, 'author', ATOM) === undefined &&
      childNamed(childNamed(entry, 'source', ATOM) ?? entry, 'author', ATOM) === undefined
    ) {
      findings.push(
        error(
          'atom',
          at(entry, `${base}/author`),
          'expected an <author> in the entry, since the feed has none (RFC 4287 §4.1.1)',
        ),
      );
    }
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined)
        findings.push(
          error(
            'atom',
            at(entry, `${base}/id`),
            `expected a unique id, found ${JSON.stringify(id)} again (first in entry ${first})`,
          ),
        );
      else seen.set(id, index + 1);
    }
    const alternate = childrenNamed(entry, 'link', ATOM).find(
      (link) => (link.attributes.get('rel') ?? 'alternate') === 'alternate',
    );
    const entryUrl = alternate?.attributes.get('href');
    const itemUrl =
      entryUrl !== undefined && canParseUrl(entryUrl, feedUrl) ? new URL(entryUrl, feedUrl).href : feedUrl;
    findings.push(...links(context, entry, base, feedUrl, at));
    findings.push(...textConstructs(entry, base, ['title', 'summary', 'rights'], at));
    for (const name of ['content', 'summary']) {
      const element = childNamed(entry, name, ATOM);
      if (element === undefined || element.attributes.get('type') !== 'html') continue;
      const hasBase = feedBase || entry.attributes.has('xml:base') || element.attributes.has('xml:base');
      findings.push(...checkFeedHtml(context, element.text, at(element, `${base}/${name}`), itemUrl, hasBase));
    }
    if (id !== undefined) items.items.push(entryItem(entry, id, at(entry, base), entryUrl));
  });
  return { findings, feed: items };
}

function entryItem(entry: XmlNode, id: string, place: Place, url: string | undefined): FeedItem {
  const title = childNamed(entry, 'title', ATOM);
  const date = childNamed(entry, 'published', ATOM) ?? childNamed(entry, 'updated', ATOM);
  const published = date === undefined ? undefined : parseRfc3339(date.text.trim());
  return {
    id,
    place,
    ...(title === undefined ? {} : { title: textOf(title) }),
    ...(url === undefined ? {} : { url }),
    ...(published === undefined ? {} : { published }),
  };
}

/** A text construct's text (RFC 4287 §3.1): `type="html"` is read as HTML, so `&lt;b&gt;` is `<b>`. */
function textOf(element: XmlNode): string {
  return element.attributes.get('type') === 'html' ? htmlText(element.text) : element.text;
}

/** Internal `<link href>`s must resolve (external ones are not fetched). */
function links(
  context: SiteContext,
  parent: XmlNode,
  base: string,
  feedUrl: string,
  at: (node: XmlNode, field: string) => Place,
): Finding[] {
  return childrenNamed(parent, 'link', ATOM).flatMap((link, index) => {
    const href = link.attributes.get('href');
    return href === undefined
      ? []
      : checkReference(
          context,
          { url: href, kind: 'link', where: `link rel="${link.attributes.get('rel') ?? 'alternate'}"` },
          feedUrl,
          at(link, `${base}/link[${index + 1}]/@href`),
        );
  });
}

/** `atom-text-type` for the text constructs named `names` in `parent`. */
function textConstructs(
  parent: XmlNode,
  base: string,
  names: readonly string[],
  at: (node: XmlNode, field: string) => Place,
): Finding[] {
  return names.flatMap((name) => {
    const element = childNamed(parent, name, ATOM);
    return element === undefined ? [] : atomTextType(element, at(element, `${base}/${name}`));
  });
}
