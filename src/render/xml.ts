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
 *   (`&#13;` in text; `&#9;`, `&#10;`, `&#13;` in attributes) and every value reads back exactly;
 * - plain text in RSS (`plainText`): the RSS Advisory Board's profile, and the W3C validator's
 *   `CharacterData` warning, want `&` and `<` there as the hexadecimal references `&#x26;` and
 *   `&#x3C;`. The writer would escape a literal `&#x26;` into `&amp;#x26;`, so those elements get
 *   the decimal `&#38;` and `&#60;` (which it leaves alone), turned into hex after serialisation
 *   (`hexReferences`). No other `&#38;` or `&#60;` can appear: every other `&` is written `&amp;`.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { stripForXml } from '../characters.js';

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
  /** Text written with `&` and `<` as `&#x26;` and `&#x3C;` (RSS plain text; see the top of this file). */
  hexReferences?: true;
}

/** An element: `el('title', 'Text')`, `el('link', [], { href })`, `el('item', [el(...), ...])`. */
export function el(name: string, content: string | readonly XmlChild[] = [], attrs: XmlAttrs = {}): XmlElement {
  return { name, attrs, content };
}

/** `el(name, text, attrs)` whose `&` and `<` are written `&#x26;` and `&#x3C;` (RSS plain text). */
export function plainText(name: string, text: string, attrs: XmlAttrs = {}): XmlElement {
  return { name, attrs, content: text, hexReferences: true };
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

/** Decimal references for `&` and `<`, which the writer leaves alone; `hexReferences` makes them hex. */
function referencedTextValue(value: string): string {
  return value.replaceAll('&', '&#38;').replaceAll('<', '&#60;').replaceAll('\r', '&#13;');
}

/** After serialisation: only `referencedTextValue` writes `&#38;` and `&#60;` (see the top of this file). */
function hexReferences(xml: string): string {
  return xml.replaceAll('&#38;', '&#x26;').replaceAll('&#60;', '&#x3C;');
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
    node.txt(element.hexReferences ? referencedTextValue(element.content) : textValue(element.content));
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
  return `${hexReferences(doc.end({ prettyPrint: true, indent: '  ', newline: '\n', wellFormed: true }))}\n`;
}

/**
 * `renderXml(el(name, [...children], attrs))`, byte for byte, without xmlbuilder2's DOM: for a
 * document of many small elements (a sitemap of 50,000 URLs, whose DOM took hundreds of MiB; a
 * month of archived feeds). The children are read one at a time, so a caller may make them lazily.
 * It writes what xmlbuilder2's writer writes for these documents: names with a prefix only when the
 * root declares it (`xmlns:atom`; `xml:` for attributes), namespaces declared on the root only, the
 * characters XML forbids dropped (`stripForXml`: what `invalidCharReplacement: ''` drops), then
 * every `&`, `<`, `>` escaped, `"` too in attributes, and the white space a parser would normalise
 * as character references (see the top of this file), `plainText`'s `&` and `<` as hexadecimal
 * references; an element with no children or empty text as
 * `<name/>`, text inline, child elements indented by two spaces. tests/render/xml.test.ts checks
 * that it equals `renderXml` on hostile text.
 *
 * Not xmlbuilder2's own streaming writer (`createCB`): it writes the same bytes, but makes a DOM
 * fragment for every element and every text it is given, which turns the sitemaps into a step of
 * the cold build and of a dev rebuild that a user waits for (docs/architecture.md has the figures).
 */
export function renderXmlList(name: string, attrs: XmlAttrs, children: Iterable<XmlElement>): string {
  // The small strings of each batch of children are joined at once, so that they die young.
  const batches: string[] = [];
  let parts = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const prefixes = new Set(['xml', ...Object.keys(attrs).flatMap((attr) => /^xmlns:(.+)$/.exec(attr)?.[1] ?? [])]);
  openTag(parts, name, attrs, true, prefixes);
  let count = 0;
  for (const child of children) {
    if (count === 0) parts.push('>');
    parts.push('\n');
    serialize(parts, child, '  ', prefixes);
    if (++count % BATCH === 0) {
      batches.push(parts.join(''));
      parts = [];
    }
  }
  parts.push(count === 0 ? '/>\n' : `\n</${name}>\n`);
  batches.push(parts.join(''));
  return batches.join('');
}

/** Children serialised between two joins of `renderXmlList`. */
const BATCH = 1000;

/** The names `renderXmlList` writes: XML names, prefixed only when the root declares the prefix (or `xml:`). */
const NAME = /^(?:([A-Za-z_][A-Za-z0-9_.-]*):)?[A-Za-z_][A-Za-z0-9_.-]*$/;

/** The prefixes the root declares (`xmlns:atom`): the only ones its descendants may use. */
type Prefixes = ReadonlySet<string>;

function checkedName(name: string, prefixes: Prefixes, what: string): void {
  const prefix = NAME.exec(name)?.[1];
  if (NAME.test(name) && (prefix === undefined || prefixes.has(prefix))) return;
  throw new Error(`renderXmlList writes ${what} whose prefix the root declares, got ${JSON.stringify(name)}`);
}

function openTag(parts: string[], name: string, attrs: XmlAttrs, root: boolean, prefixes: Prefixes): void {
  checkedName(name, prefixes, 'element names');
  parts.push(`<${name}`);
  for (const [attr, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (!root && (attr === 'xmlns' || attr.startsWith('xmlns:')))
      throw new Error(`renderXmlList declares namespaces on the root only, got ${JSON.stringify(attr)}`);
    if (!attr.startsWith('xmlns:')) checkedName(attr, prefixes, 'attribute names');
    parts.push(` ${attr}="${escapeAttribute(value)}"`);
  }
}

function serialize(parts: string[], element: XmlElement, indent: string, prefixes: Prefixes): void {
  parts.push(indent);
  openTag(parts, element.name, element.attrs, false, prefixes);
  if (typeof element.content === 'string') {
    const text = element.hexReferences ? escapeReferencedText(element.content) : escapeText(element.content);
    parts.push(text === '' ? '/>' : `>${text}</${element.name}>`);
    return;
  }
  let empty = true;
  for (const child of element.content) {
    if (!child) continue;
    if (empty) parts.push('>');
    empty = false;
    parts.push('\n');
    serialize(parts, child, `${indent}  `, prefixes);
  }
  parts.push(empty ? '/>' : `\n${indent}</${element.name}>`);
}

const TEXT_SPECIAL = /[&<>\r]/g;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const escapeChar = (char: string): string => ESCAPES[char] ?? char;

function escapeText(value: string): string {
  return stripForXml(value).replace(TEXT_SPECIAL, escapeChar);
}

/** What `renderXml` writes for `plainText`: `&` and `<` as hexadecimal references (see the top of this file). */
const REFERENCED_ESCAPES: Readonly<Record<string, string>> = { ...ESCAPES, '&': '&#x26;', '<': '&#x3C;' };

function escapeReferencedText(value: string): string {
  return stripForXml(value).replace(TEXT_SPECIAL, (char) => REFERENCED_ESCAPES[char] ?? char);
}

function escapeAttribute(value: string): string {
  return stripForXml(value).replace(ATTRIBUTE_SPECIAL, escapeChar);
}
