/**
 * Google's recommendations for Article structured data, as Google Search Central states them today
 * (https://developers.google.com/search/docs/appearance/structured-data/article): Google requires no
 * property of an Article, so every finding here is a warning. It recommends `headline`; `image`,
 * ideally several high-resolution images ("minimum of 50K pixels when multiplying width and height")
 * in the aspect ratios 16x9, 4x3 and 1x1; `datePublished` and `dateModified` in ISO 8601 with a time
 * zone designator; and each `author` with a `name` and a `url` that identifies the author. Large
 * images in Discover need a width of at least 1200 pixels
 * (https://developers.google.com/search/docs/appearance/google-discover). The publisher's `logo`
 * was required by the older AMP Article rules; it is still how Google identifies the publisher.
 * The 110-character headline limit was an AMP rule that Google has dropped (long titles are
 * truncated, not refused), so headlines are not measured. A `datePublished` after the check's now
 * is ours, not Google's: a build leaves such a record out until then (`scheduled`).
 */
import { isSubtypeOf } from '../vocabulary/index.js';
import type { SiteContext } from './context.js';
import { type Finding, type Place, warning } from './finding.js';
import { imageFacts, judgedSize, sizeMismatch } from './image-facts.js';
import { indexPath, memberPath } from './json-path.js';
import { type JsonObject, declaredTypes, isObject, nodeId } from './jsonld-terms.js';
import { isDate } from './literals.js';

const MIN_PIXELS = 50_000;
const DISCOVER_WIDTH = 1200;
const RATIOS: ReadonlyArray<readonly [number, string]> = [
  [16 / 9, '16:9'],
  [4 / 3, '4:3'],
  [1, '1:1'],
];

/** Findings for every Article node at the top of the document (its graph members, or the document). */
export function checkGoogleArticle(context: SiteContext, document: unknown, place: (path: string) => Place): Finding[] {
  if (!isObject(document)) return [];
  const graph = Array.isArray(document['@graph']) ? document['@graph'] : undefined;
  const roots: Array<[JsonObject, string]> =
    graph === undefined
      ? [[document, '$']]
      : graph.flatMap((node, index) =>
          isObject(node) ? [[node, indexPath("$['@graph']", index)] as [JsonObject, string]] : [],
        );
  const byId = new Map<string, JsonObject>();
  for (const [node] of roots) {
    const id = nodeId(node);
    if (id !== undefined) byId.set(id, node);
  }
  const resolve = (value: unknown): JsonObject | undefined => {
    if (!isObject(value)) return undefined;
    const id = nodeId(value);
    return Object.keys(value).length === 1 && id !== undefined ? (byId.get(id) ?? value) : value;
  };
  return roots
    .filter(([node]) => declaredTypes(node).some((type) => isSubtypeOf(type, 'Article')))
    .flatMap(([node, path]) => articleFindings(context, node, path, resolve, place));
}

function articleFindings(
  context: SiteContext,
  article: JsonObject,
  path: string,
  resolve: (value: unknown) => JsonObject | undefined,
  place: (path: string) => Place,
): Finding[] {
  const findings: Finding[] = [];
  const note = (rule: string, at: string, message: string, hint?: string): void =>
    void findings.push(warning(rule, place(at), message, hint));
  if (typeof article.headline !== 'string' || article.headline.trim() === '')
    note('google-article', memberPath(path, 'headline'), 'expected a headline, found none');

  const images = list(article.image);
  if (images.length === 0) {
    note(
      'google-article-image',
      memberPath(path, 'image'),
      'expected an image: Google shows articles with one more prominently',
      'give the record an image at least 1200 px wide, in 16:9, 4:3 or 1:1, or site.yaml a default image',
    );
  }
  images.forEach((image, index) => {
    const at = Array.isArray(article.image) ? indexPath(memberPath(path, 'image'), index) : memberPath(path, 'image');
    findings.push(...imageFindings(context, image, at, place));
  });

  for (const name of ['datePublished', 'dateModified']) {
    const value = article[name];
    if (value === undefined)
      note(
        'google-article',
        memberPath(path, name),
        `expected ${name}, found none`,
        name === 'dateModified' ? 'Google recommends it: give datePublished again when never modified' : undefined,
      );
    if (typeof value === 'string' && isDate(value))
      note(
        'google-article',
        memberPath(path, name),
        `expected a date-time with its time zone, found the date ${JSON.stringify(value)} alone`,
      );
    if (name === 'datePublished' && typeof value === 'string' && Date.parse(value) > context.now)
      note(
        'scheduled',
        memberPath(path, name),
        `expected a page published by now (${new Date(context.now).toISOString()}), found it dated ${value}`,
        'a build leaves a record dated in the future out until then: was this site built with --future?',
      );
  }

  const authors = list(article.author);
  if (authors.length === 0) note('google-article-author', memberPath(path, 'author'), 'expected an author, found none');
  authors.forEach((value, index) => {
    const at = Array.isArray(article.author)
      ? indexPath(memberPath(path, 'author'), index)
      : memberPath(path, 'author');
    const author = resolve(value);
    if (author === undefined) {
      note(
        'google-article-author',
        at,
        'expected the author as a Person or Organization node with name and url, found a bare value',
      );
      return;
    }
    if (typeof author.name !== 'string') note('google-article-author', at, "expected the author's name, found none");
    if (typeof author.url !== 'string') {
      note(
        'google-article-author',
        memberPath(at, 'url'),
        `expected a url for the author ${typeof author.name === 'string' ? JSON.stringify(author.name) : ''}: ` +
          'a page that identifies them',
        'give the author a url in site.yaml or in the record',
      );
    }
  });

  const publisher = resolve(article.publisher);
  if (publisher === undefined)
    note('google-article', memberPath(path, 'publisher'), 'expected a publisher, found none');
  else if (list(publisher.logo).length === 0)
    note(
      'google-article',
      memberPath(memberPath(path, 'publisher'), 'logo'),
      'expected a logo for the publisher, found none',
    );
  return findings;
}

/** An image's size (the file's own, when it is in the site; else the declared one) against Google's guidance. */
function imageFindings(context: SiteContext, image: unknown, path: string, place: (path: string) => Place): Finding[] {
  const facts = imageFacts(context, image);
  const findings = sizeMismatch(facts, place(path));
  const size = judgedSize(facts);
  if (size === undefined) return findings;
  const { width, height } = size;
  if (width * height < MIN_PIXELS)
    findings.push(
      warning(
        'google-article-image',
        place(path),
        `expected at least 50,000 pixels (width × height), found ${width} × ${height}`,
      ),
    );
  if (width < DISCOVER_WIDTH)
    findings.push(
      warning(
        'google-article-image',
        place(path),
        `expected a width of at least ${DISCOVER_WIDTH} pixels for large previews (Google Discover), found ${width}`,
      ),
    );
  const ratio = width / height;
  if (!RATIOS.some(([wanted]) => Math.abs(ratio - wanted) / wanted < 0.01)) {
    findings.push(
      warning(
        'google-article-image',
        place(path),
        `expected an aspect ratio of 16:9, 4:3 or 1:1, found ${width} × ${height}`,
      ),
    );
  }
  return findings;
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
