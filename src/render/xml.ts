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
import { create, createCB } from 'xmlbuilder2';
import type { XMLBuilder, XMLBuilderCB } from 'xmlbuilder2/lib/interfaces.js';
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
 * `renderXml(el(name, [...children], attrs))`, byte for byte, through xmlbuilder2's callback writer
 * (`createCB`), which writes each element as it is given and keeps no DOM: for a document of many
 * small elements (a sitemap of 50,000 URLs, whose DOM took hundreds of MiB). The children are read
 * one at a time, so a caller may make them lazily, and the chunks the writer emits are collected
 * in memory: the renderer stays pure. tests/render/xml.test.ts checks that it equals `renderXml`.
 *
 * The callback writer differs from the DOM writer in three ways, which this function makes up for:
 * - it does not apply `invalidCharReplacement`, so the characters XML forbids are dropped here first
 *   (`stripForXml`, the same set), and an element whose text is then empty is written `<name/>`;
 * - it leaves alone only the five predefined entities (`&amp;` and the like), so, as for the DOM
 *   writer, every `&` of a value is escaped first (see `escapeAmpersands`);
 * - for the same reason it cannot write a character reference: `&#13;` would come out `&amp;#13;`.
 *   `&apos;` is a sequence it never writes itself (it escapes no `'`) and no value holds once its
 *   `&` are escaped, so the white space a parser would normalise is written as `&apos;` and a letter
 *   (`WHITE_SPACE_MARKS`), and each mark becomes its reference once the chunks are joined.
 * `plainText` elements (RSS) are refused: their references rest on the DOM writer.
 */
export function renderXmlList(name: string, attrs: XmlAttrs, children: Iterable<XmlElement>): string {
  // The chunks of each batch of children are joined at once, so that they die young.
  const batches: string[] = [];
  let chunks: string[] = [];
  const flush = (): void => {
    batches.push(chunks.join('').replace(WHITE_SPACE_MARK, markedReference));
    chunks = [];
  };
  const writer = createCB({
    data: (chunk: string) => void chunks.push(chunk),
    error: (error: Error) => {
      throw error;
    },
    prettyPrint: true,
    indent: '  ',
    newline: '\n',
    // As in `renderXml`: the writer throws rather than emit a bad name or character.
    wellFormed: true,
  });
  writer.dec({ version: '1.0', encoding: 'UTF-8' }).ele(name);
  streamAttributes(writer, attrs);
  let count = 0;
  for (const child of children) {
    stream(writer, child);
    if (++count % BATCH === 0) flush();
  }
  writer.up().end();
  chunks.push('\n');
  flush();
  return batches.join('');
}

/** Children serialised between two joins of `renderXmlList`. */
const BATCH = 1000;

/** What `renderXmlList` writes for the white space a parser would normalise (see above). */
const WHITE_SPACE_MARKS: Readonly<Record<string, string>> = { '\t': '&apos;t', '\n': '&apos;n', '\r': '&apos;r' };
const WHITE_SPACE_MARK = /&apos;([tnr])/g;
const MARKED_REFERENCES: Readonly<Record<string, string>> = { t: '&#9;', n: '&#10;', r: '&#13;' };
const markedReference = (_mark: string, letter: string): string => MARKED_REFERENCES[letter] ?? '';
const mark = (char: string): string => WHITE_SPACE_MARKS[char] ?? char;

function streamAttributes(writer: XMLBuilderCB, attrs: XmlAttrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    const prepared = escapeAmpersands(stripForXml(value)).replace(ATTRIBUTE_WHITE_SPACE, mark);
    if (name.startsWith('xml:')) writer.att(XML_NAMESPACE, name, prepared);
    else writer.att(name, prepared);
  }
}

function stream(writer: XMLBuilderCB, element: XmlElement): void {
  if (element.hexReferences) throw new Error(`renderXmlList does not write plainText elements (<${element.name}>)`);
  writer.ele(element.name);
  streamAttributes(writer, element.attrs);
  if (typeof element.content === 'string') {
    const text = escapeAmpersands(stripForXml(element.content)).replaceAll('\r', '&apos;r');
    if (text !== '') writer.txt(text);
  } else {
    for (const child of element.content) if (child) stream(writer, child);
  }
  writer.up();
}
