/**
 * Text in the feeds that parses but that the W3C Feed Validation Service warns about, as a site built
 * by an older version (or edited by hand) may hold it:
 *
 * - `rss-plain-text`: `&` or `<` in an RSS plain-text element written `&amp;`/`&lt;` (or literally in
 *   CDATA) instead of `&#x26;`/`&#x3C;` (the RSS profile; the validator's `CharacterData`). The raw
 *   source between the element's tags is read, since the parsed value is the same either way;
 * - `atom-text-type`: an Atom text construct without `type="html"` or `"xhtml"` whose text looks like
 *   markup (`ContainsUndeclaredHTML`);
 * - `control-characters`: C0 controls (other than TAB, LF, CR), DEL or C1 in a feed's text, which
 *   other formats drop, so readers of two feeds see two texts.
 */
import { type Finding, type Place, warning } from './finding.js';
import type { XmlNode } from './xml.js';

/** C0 controls but TAB, LF and CR; DEL; C1. */
const CONTROLS = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g;

/** `text` without control characters (what the XML feeds and the pages show). */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** `holds the control character U+0001`, or undefined when `text` holds none. */
export function controlsIn(text: string): string | undefined {
  const found = [...new Set(text.match(CONTROLS) ?? [])].map(
    (character) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  if (found.length === 0) return undefined;
  return `holds the control character${found.length > 1 ? 's' : ''} ${found.join(', ')} (other formats drop them)`;
}

/** A `control-characters` warning for every leaf element of `root` whose text holds one. */
export function xmlControls(root: XmlNode, path: string, place: (node: XmlNode, field: string) => Place): Finding[] {
  const findings: Finding[] = [];
  const counts = new Map<string, number>();
  for (const child of root.children) {
    const index = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, index);
    const siblings = root.children.filter((other) => other.name === child.name).length;
    const childPath = `${path}/${child.name}${siblings > 1 ? `[${index}]` : ''}`;
    if (child.children.length > 0) findings.push(...xmlControls(child, childPath, place));
    else {
      const held = controlsIn(child.text);
      if (held !== undefined) findings.push(warning('control-characters', place(child, childPath), held));
    }
  }
  return findings;
}

/** Where each line of `source` starts. */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/**
 * `rss-plain-text`: the raw text of `element` (found from its line in `source`) writes `&` or `<` as
 * `&amp;` / `&lt;` (or their decimal references), or literally inside CDATA.
 */
export function rssPlainText(source: string, starts: readonly number[], element: XmlNode, place: Place): Finding[] {
  const from = starts[element.line - 1];
  if (from === undefined) return [];
  const open = new RegExp(`<(?:[\\w.-]+:)?${element.name}(?:\\s[^>]*)?>`, 'g');
  open.lastIndex = from;
  const tag = open.exec(source);
  if (tag === null) return [];
  const found = new Set<string>();
  let first: number | undefined;
  const note = (form: string, at: number): void => {
    found.add(form);
    first ??= at;
  };
  let index = tag.index + tag[0].length;
  while (index < source.length && !source.startsWith('</', index)) {
    if (source.startsWith('<![CDATA[', index)) {
      const end = source.indexOf(']]>', index);
      const stop = end < 0 ? source.length : end;
      for (let at = index + 9; at < stop; at++) {
        const character = source[at];
        if (character === '&' || character === '<') note(`${character} in CDATA`, at);
      }
      index = stop + 3;
      continue;
    }
    const reference = /^&(?:amp|lt|#0*38|#0*60);/.exec(source.slice(index, index + 8));
    if (reference !== null) {
      note(reference[0], index);
      index += reference[0].length;
    } else index++;
  }
  if (first === undefined) return [];
  const line = element.line + (source.slice(from, first).match(/\n/g)?.length ?? 0);
  return [
    warning(
      'rss-plain-text',
      { ...place, line },
      `expected & and < as the hexadecimal references &#x26; and &#x3C; in plain text, found ` +
        `${[...found].map((form) => JSON.stringify(form)).join(' and ')} (W3C validator: CharacterData)`,
    ),
  ];
}

const LOOKS_LIKE_MARKUP = /<[A-Za-z/]|&[A-Za-z][A-Za-z0-9]*;/;

/** `atom-text-type`: a text construct that is not declared HTML but whose text looks like markup. */
export function atomTextType(element: XmlNode, place: Place): Finding[] {
  const type = element.attributes.get('type') ?? 'text';
  if (type === 'html' || type === 'xhtml' || !LOOKS_LIKE_MARKUP.test(element.text)) return [];
  return [
    warning(
      'atom-text-type',
      place,
      `expected type="html" on a <${element.name}> whose text looks like markup, found ` +
        `type="${type}" (W3C validator: ContainsUndeclaredHTML)`,
    ),
  ];
}
