/**
 * What the checks need from an HTML page or fragment, read with parse5 (the HTML standard's
 * parsing algorithm): every URL it references (links, images, Open Graph images), the `id`s that
 * fragments may point at, the JSON-LD blocks, the canonical and `<base>` URLs. Lines are 1-based.
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

/** A URL the page points at: `kind` says whether a missing target is a broken link or a missing image. */
export interface HtmlReference {
  /** `img src`, `a href`, `meta og:image`… */
  where: string;
  url: string;
  kind: 'link' | 'image';
  line?: number;
}

export interface HtmlFacts {
  references: HtmlReference[];
  /** Every `id` (and `<a name>`) of the page: what `#fragment` links may point at. */
  ids: Set<string>;
  /** The text of each `<script type="application/ld+json">`, with the line it starts on. */
  jsonLd: Array<{ text: string; line?: number }>;
  canonical?: string;
  base?: string;
  /**
   * What the document's `<head>` holds of the essentials a page of depeche carries (check/essentials.ts):
   * `canonical`, `jsonld`, `alternate <type>`, `meta <og:title…>`, `robots noindex`. Empty for a fragment.
   */
  head: Set<string>;
  /** parse5's parse errors of a document (none is read for a fragment). */
  parseErrors: Array<{ code: string; line: number }>;
}

/** Attributes that hold one URL, by element; `*` for any element. */
const URL_ATTRIBUTES: ReadonlyArray<readonly [element: string, attribute: string, kind: 'link' | 'image']> = [
  ['a', 'href', 'link'],
  ['area', 'href', 'link'],
  ['link', 'href', 'link'],
  ['img', 'src', 'image'],
  ['source', 'src', 'image'],
  ['video', 'poster', 'image'],
  ['input', 'src', 'image'],
  ['video', 'src', 'link'],
  ['audio', 'src', 'link'],
  ['track', 'src', 'link'],
  ['iframe', 'src', 'link'],
  ['embed', 'src', 'link'],
  ['script', 'src', 'link'],
  ['object', 'data', 'link'],
  ['form', 'action', 'link'],
  ['blockquote', 'cite', 'link'],
  ['q', 'cite', 'link'],
  ['ins', 'cite', 'link'],
  ['del', 'cite', 'link'],
];

const IMAGE_META = new Set(['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']);
const LINK_META = new Set(['og:url']);
/** `<link rel>` values whose `href` is only a hint to the browser, never fetched as a page. */
const HINT_RELS = new Set(['preconnect', 'dns-prefetch']);
const ICON_RELS = new Set(['icon', 'apple-touch-icon', 'mask-icon', 'shortcut']);

/** Reads a whole HTML document. */
export function readHtmlDocument(html: string): HtmlFacts {
  const parseErrors: HtmlFacts['parseErrors'] = [];
  const onParseError = (error: { code: string; startLine: number }): void => {
    parseErrors.push({ code: error.code, line: error.startLine });
  };
  return { ...collect(parse(html, { sourceCodeLocationInfo: true, onParseError })), parseErrors };
}

/** Reads an HTML fragment, such as the content of a feed item. */
export function readHtmlFragment(html: string): HtmlFacts {
  return collect(parseFragment(html, { sourceCodeLocationInfo: true }));
}

function collect(root: ParentNode): HtmlFacts {
  const facts: HtmlFacts = { references: [], ids: new Set(), jsonLd: [], head: new Set(), parseErrors: [] };
  const visit = (node: ParentNode, inHead: boolean): void => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      readElement(child, facts);
      if (inHead) readEssential(child, facts.head);
      visit(
        'content' in child && child.tagName === 'template'
          ? (child as DefaultTreeAdapterTypes.Template).content
          : child,
        inHead || child.tagName === 'head',
      );
    }
  };
  visit(root, false);
  return facts;
}

function readElement(element: Element, facts: HtmlFacts): void {
  const attribute = (name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;
  const line = element.sourceCodeLocation?.startLine;
  const add = (where: string, url: string, kind: HtmlReference['kind']): void => {
    if (url.trim() === '') return;
    facts.references.push({ where, url: url.trim(), kind, ...(line === undefined ? {} : { line }) });
  };
  const tag = element.tagName;
  const id = attribute('id');
  if (id !== undefined) facts.ids.add(id);
  if (tag === 'a' && attribute('name') !== undefined) facts.ids.add(attribute('name') ?? '');
  const rels = (attribute('rel') ?? '').toLowerCase().split(/\s+/);
  if (tag === 'link' && rels.includes('canonical')) facts.canonical = attribute('href');
  if (tag === 'base' && attribute('href') !== undefined) facts.base = attribute('href');
  if (tag === 'script' && (attribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') {
    const text = element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
    facts.jsonLd.push({ text, ...(line === undefined ? {} : { line }) });
  }
  if (tag === 'meta') {
    const property = (attribute('property') ?? attribute('name') ?? '').toLowerCase();
    const content = attribute('content');
    if (content !== undefined && IMAGE_META.has(property)) add(`meta ${property}`, content, 'image');
    if (content !== undefined && LINK_META.has(property)) add(`meta ${property}`, content, 'link');
    return;
  }
  if (tag === 'link' && rels.some((rel) => HINT_RELS.has(rel))) return;
  for (const [elementName, attributeName, kind] of URL_ATTRIBUTES) {
    if (elementName !== tag) continue;
    const value = attribute(attributeName);
    const icon = tag === 'link' && rels.some((rel) => ICON_RELS.has(rel));
    if (value !== undefined) add(`${tag} ${attributeName}`, value, icon ? 'image' : kind);
  }
  const srcset = attribute('srcset');
  if (srcset !== undefined && (tag === 'img' || tag === 'source')) {
    for (const candidate of srcset.split(/,(?=\s|$)/)) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url !== undefined) add(`${tag} srcset`, url, 'image');
    }
  }
}

/** Notes what `element` of the head is among the essentials. */
function readEssential(element: Element, head: Set<string>): void {
  const attribute = (name: string): string => element.attrs.find((attr) => attr.name === name)?.value ?? '';
  const rels = attribute('rel').toLowerCase().split(/\s+/);
  if (element.tagName === 'link' && rels.includes('canonical') && attribute('href') !== '') head.add('canonical');
  if (element.tagName === 'link' && rels.includes('alternate'))
    head.add(`alternate ${attribute('type').toLowerCase()}`);
  if (element.tagName === 'script' && attribute('type').trim().toLowerCase() === 'application/ld+json')
    head.add('jsonld');
  if (element.tagName === 'meta') {
    const name = (attribute('property') || attribute('name')).toLowerCase();
    if (name === 'robots' && /\bnoindex\b/i.test(attribute('content'))) head.add('robots noindex');
    else if (name !== '' && attribute('content') !== '') head.add(`meta ${name}`);
  }
}

/** The visible text of an HTML fragment (an Atom `type="html"` title): its text nodes, references decoded. */
export function htmlText(html: string): string {
  const parts: string[] = [];
  const walk = (node: ParentNode): void => {
    for (const child of node.childNodes) {
      if (child.nodeName === '#text') parts.push((child as DefaultTreeAdapterTypes.TextNode).value);
      else if ('childNodes' in child) walk(child);
    }
  };
  walk(parseFragment(html));
  return parts.join('');
}
