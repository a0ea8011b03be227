/**
 * The characters an output format cannot carry, in one place. A record may hold any Unicode text
 * (YAML escapes reach every code point); each format then drops only what it forbids:
 *
 * - XML 1.0 (feeds, sitemaps) forbids the C0 controls but TAB, LF and CR, U+FFFE, U+FFFF and lone
 *   surrogates (§2.2 `Char`); `render/xml.ts` drops them;
 * - HTML (pages) reports a parse error for every control but TAB, LF, FF, CR and space (C0, DEL and
 *   C1), every noncharacter and every lone surrogate (WHATWG HTML §13.2.3.5 "preprocessing the input
 *   stream"); `render/html.ts` and `markdown.ts` drop them;
 * - JSON carries every code point: JSON Feed and JSON-LD keep the text whole, escaping in JSON what
 *   an HTML `<script>` could not hold (`render/jsonld.ts`).
 */

/** Characters XML 1.0 forbids. */
export const XML_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\p{Cs}]/gu;

/** Characters the HTML parser reports as errors (U+0000, controls, noncharacters, lone surrogates). */
export const HTML_FORBIDDEN = /[\0-\x08\x0B\x0E-\x1F\x7F-\x9F\p{Noncharacter_Code_Point}\p{Cs}]/gu;

/**
 * A quick test, without the `u` flag (whose Unicode property classes are slow to scan): every
 * character of `HTML_FORBIDDEN` is here (noncharacters and lone surrogates through their code
 * units), with more (any surrogate), so text that it does not match holds nothing to drop.
 */
const MAY_HOLD_HTML_FORBIDDEN = /[\0-\x08\x0B\x0E-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]/;

/** The same quick test for `XML_FORBIDDEN`. */
const MAY_HOLD_XML_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** `text` without the characters HTML forbids. */
export function stripForHtml(text: string): string {
  return MAY_HOLD_HTML_FORBIDDEN.test(text) ? text.replace(HTML_FORBIDDEN, '') : text;
}

/** `text` without the characters XML 1.0 forbids. */
export function stripForXml(text: string): string {
  return MAY_HOLD_XML_FORBIDDEN.test(text) ? text.replace(XML_FORBIDDEN, '') : text;
}

/** `text` without anything some output drops: what is left is what every output shows. */
export function stripForOutputs(text: string): string {
  return stripForXml(stripForHtml(text));
}
