/**
 * XML for the feeds: renderers describe a document as plain `XmlElement` values, and `renderXml`
 * serialises it once with xmlbuilder2. Every text and attribute value goes through this file, so the
 * escaping rules live in one place:
 *
 * - characters XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF and
 *   lone surrogates) are dropped by xmlbuilder2's `invalidCharReplacement: ''`, in text and attributes;
 * - `&`, `<`, `>` are escaped in text and `&`, `<`, `>`, `"` in attributes, so `]]>` and `</script>`
 *   come out as inert character data; no CDATA section is ever written;
 * - white space survives parsing: a parser turns a literal CR into LF (XML 1.0 §2.11) and a literal
 *   TAB, LF or CR in an attribute into a space (§3.3.3), so those are written as character references
 *   (`&#13;` in text; `&#9;`, `&#10;`, `&#13;` in attributes) and every value reads back exactly.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

/** The name the feeds give as their generator. */
export const GENERATOR = 'depeche';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** Attribute values; an `undefined` value leaves the attribute out. */
export type XmlAttrs = Readonly<Record<string, string | undefined>>;

/** A child slot: `undefined` or `false` leave it empty, so optional elements read as expressions. */
export type XmlChild = XmlElement | undefined | false;

export interface XmlElement {
  /** Qualified name (`title`, `atom:link`); its prefix must be declared on an ancestor. */
  name: string;
  attrs: XmlAttrs;
  /** Text content, or child elements: feeds never mix the two. */
  content: string | readonly XmlChild[];
}

/** An element: `el('title', 'Text')`, `el('link', [], { href })`, `el('item', [el(...), ...])`. */
export function el(name: string, content: string | readonly XmlChild[] = [], attrs: XmlAttrs = {}): XmlElement {
  return { name, attrs, content };
}

/**
 * Prepares a value for xmlbuilder2's writer. That writer (4.0.3, `BaseWriter._serializeText` and
 * `_serializeAttributeValue`) escapes `&` only when it does not already look like an entity or a
 * decimal reference (`/&(?![A-Za-z]+;|#\d+;)/`, xmlbuilder2 issue #117): `a &amp; b` would come out
 * as `a & b` once parsed, and `&nbsp;` as an undefined entity, i.e. malformed XML. Escaping every `&`
 * ourselves yields only `&amp;` sequences, which the writer then leaves alone: the value round-trips
 * exactly. tests/render/xml.test.ts pins this, so a fixed xmlbuilder2 (double escaping) fails loudly.
 */
function escapeAmpersands(value: string): string {
  return value.replaceAll('&', '&amp;');
}

/**
 * The white space a parser would normalise, as decimal character references: the writer leaves
 * `&#<digits>;` alone (see above), and `wellFormed` accepts it.
 */
const ATTRIBUTE_WHITE_SPACE = /[\t\n\r]/g;

function whiteSpaceReference(char: string): string {
  return `&#${char.charCodeAt(0)};`;
}

function attributeValue(value: string): string {
  return escapeAmpersands(value).replace(ATTRIBUTE_WHITE_SPACE, whiteSpaceReference);
}

function textValue(value: string): string {
  return escapeAmpersands(value).replaceAll('\r', '&#13;');
}

function append(parent: XMLBuilder, element: XmlElement): void {
  const node = parent.ele(element.name);
  for (const [name, value] of Object.entries(element.attrs)) {
    if (value === undefined) continue;
    const prepared = attributeValue(value);
    // `xml:lang` must name its namespace, or the well-formedness check rejects the attribute.
    if (name.startsWith('xml:')) node.att(XML_NAMESPACE, name, prepared);
    else node.att(name, prepared);
  }
  if (typeof element.content === 'string') {
    node.txt(textValue(element.content));
    return;
  }
  for (const child of element.content) {
    if (child) append(node, child);
  }
}

/** Serialises a document: XML declaration, two-space indentation, `\n` line ends, final newline. */
export function renderXml(root: XmlElement): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  append(doc, root);
  // `wellFormed` makes the writer throw rather than emit a bad name or character: a last safety net.
  return `${doc.end({ prettyPrint: true, indent: '  ', newline: '\n', wellFormed: true })}\n`;
}
