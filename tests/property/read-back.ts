/**
 * Independent readers for what a build writes: libxml2 (strict XML 1.0, the bytes as written),
 * parse5 (the WHATWG HTML parser, with its parse errors), JSON.parse. Never depeche's own code.
 */
import { XmlDocument, XmlElement, type XmlNode } from 'libxml2-wasm';
import { parse, parseFragment, type DefaultTreeAdapterMap, type ParserError } from 'parse5';

export type HtmlNode = DefaultTreeAdapterMap['node'];
export type HtmlElement = DefaultTreeAdapterMap['element'];

/** Parses an XML document from its UTF-8 bytes; libxml2 throws on anything not well formed. */
export function withXml<T>(xml: string, read: (document: XmlDocument) => T): T {
  const document = XmlDocument.fromBuffer(Buffer.from(xml, 'utf8'));
  try {
    return read(document);
  } finally {
    document.dispose();
  }
}

/**
 * What libxml2-wasm 0.7 hands back for a text libxml2 read as `text`: its strings cross from
 * WebAssembly through Emscripten's `UTF8ToString`, which decodes any string over 16 bytes with a
 * default `TextDecoder`, and that drops a leading U+FEFF as if it were a byte order mark. The XML
 * holds the character (libxml2 itself keeps it); only this reader loses it.
 */
export function libxml2Reads(text: string): string {
  return text.startsWith('\uFEFF') && Buffer.byteLength(text, 'utf8') > 16 ? text.slice(1) : text;
}

/** A document or a node: what XPath can search from. */
type Searchable = Pick<XmlNode, 'find'>;

/** The text of each node `xpath` selects from `node`. */
export function texts(node: Searchable, xpath: string, namespaces?: Record<string, string>): string[] {
  return node.find(xpath, namespaces).map((found) => found.content);
}

/** The value of attribute `name` on each element `xpath` selects. */
export function attributes(
  node: Searchable,
  xpath: string,
  name: string,
  namespaces?: Record<string, string>,
): (string | undefined)[] {
  return node
    .find(xpath, namespaces)
    .map((found) => (found instanceof XmlElement ? found.attr(name)?.value : undefined));
}

/** A whole page, with every parse error the HTML parser reports. */
export function parsePage(html: string): { document: HtmlNode; errors: string[] } {
  const errors: string[] = [];
  const onParseError = (error: ParserError): void => {
    errors.push(
      `${error.code} at ${error.startLine}:${error.startCol} ` +
        `${JSON.stringify(html.slice(Math.max(0, error.startOffset - 20), error.startOffset + 20))}`,
    );
  };
  return { document: parse(html, { onParseError }), errors };
}

/** An HTML fragment (a feed's content), with its parse errors. */
export function parseHtmlFragment(html: string): { fragment: HtmlNode; errors: string[] } {
  const errors: string[] = [];
  const fragment = parseFragment(html, { onParseError: (error) => errors.push(error.code) });
  return { fragment, errors };
}

/** The decoded text of an HTML fragment: what a reader shows for text the format carries as HTML. */
export function htmlText(html: string): string {
  return textOf(parseFragment(html));
}

export function findAll(
  node: HtmlNode,
  test: (element: HtmlElement) => boolean,
  found: HtmlElement[] = [],
): HtmlElement[] {
  if ('tagName' in node && test(node)) found.push(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) findAll(child, test, found);
  if ('content' in node && node.nodeName === 'template')
    findAll((node as DefaultTreeAdapterMap['template']).content, test, found);
  return found;
}

export function attribute(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((candidate) => candidate.name === name)?.value;
}

export function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.map(textOf).join('');
}

export function hasClass(element: HtmlElement, name: string): boolean {
  return (attribute(element, 'class') ?? '').split(/\s+/).includes(name);
}
