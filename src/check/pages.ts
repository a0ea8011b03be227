/**
 * HTML pages and `.jsonld` files: each JSON-LD block parsed and checked against the schema.org
 * vocabulary (`validateJsonLd`, the validator the tests use) and Google's Article recommendations;
 * each URL the page references checked inside the site.
 */
import type { SiteContext } from './context.js';
import { error, type Finding, type Place, warning } from './finding.js';
import { checkGoogleArticle } from './google-article.js';
import { checkLogos } from './logo.js';
import { indexPath, memberPath } from './json-path.js';
import { validateJsonLd } from './jsonld.js';
import { isObject } from './jsonld-terms.js';
import { checkReference, type Reference } from './links.js';
import { canParseUrl } from '../content/url.js';

export function checkPage(context: SiteContext, path: string): Finding[] {
  const facts = context.page(path);
  if (facts === undefined) return [];
  const file = context.files.shown(path);
  const pageUrl =
    facts.base !== undefined && canParseUrl(facts.base, context.urlOf(path))
      ? new URL(facts.base, context.urlOf(path)).href
      : context.urlOf(path);
  const findings: Finding[] = [];
  for (const block of facts.jsonLd) {
    const place = (field: string): Place => ({
      file,
      field,
      ...(block.line === undefined ? {} : { line: block.line }),
    });
    const document = parseJson(block.text);
    findings.push(...checkJsonLd(block.text, document, place));
    if (document === undefined) continue;
    findings.push(...checkGoogleArticle(context, document, place), ...checkLogos(context, document, place));
    for (const [reference, path] of jsonLdReferences(document, '$'))
      findings.push(...checkReference(context, reference, pageUrl, place(path)));
  }
  for (const reference of facts.references) {
    findings.push(
      ...checkReference(context, reference, pageUrl, {
        file,
        field: reference.where,
        ...(reference.line === undefined ? {} : { line: reference.line }),
      }),
    );
  }
  return findings;
}

/** A `.jsonld` file: the same vocabulary check as a page's block (Google reads the page, not this file). */
export function checkJsonLdFile(context: SiteContext, path: string): Finding[] {
  const file = context.files.shown(path);
  const text = context.files.text(path) ?? '';
  return checkJsonLd(text, parseJson(text), (field) => ({ file, field }));
}

/** `document` is `text` parsed, or undefined when it does not parse. */
function checkJsonLd(text: string, document: unknown, place: (field: string) => Place): Finding[] {
  if (document === undefined)
    return [error('jsonld-syntax', place(''), `expected JSON, found text that does not parse: ${jsonError(text)}`)];
  return validateJsonLd(document).map((finding) =>
    // schema.org keeps superseded terms working; a newer term is advice, not a failure.
    finding.message.includes(' is superseded by ')
      ? warning('jsonld', place(finding.path), finding.message)
      : error('jsonld', place(finding.path), finding.message),
  );
}

/** Properties whose string values are URLs a reader or a crawler fetches. */
const URL_PROPERTIES: Readonly<Record<string, Reference['kind']>> = {
  url: 'link',
  contentUrl: 'link',
  embedUrl: 'link',
  thumbnailUrl: 'image',
  logo: 'image',
  image: 'image',
};

/** Every URL under a fetchable property, with its JSON path; an `image` or `logo` node's `url` is an image. */
function jsonLdReferences(value: unknown, path: string, imageNode = false): Array<[Reference, string]> {
  if (Array.isArray(value))
    return value.flatMap((item, index) => jsonLdReferences(item, indexPath(path, index), imageNode));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]): Array<[Reference, string]> => {
    const childPath = memberPath(path, key);
    const kind = Object.hasOwn(URL_PROPERTIES, key) ? URL_PROPERTIES[key] : undefined;
    if (typeof child === 'string') {
      if (kind === undefined) return [];
      return [[{ url: child, kind: imageNode && key === 'url' ? 'image' : kind, where: key }, childPath]];
    }
    return jsonLdReferences(child, childPath, kind === 'image');
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (caught) {
    return (caught as Error).message;
  }
}
