/**
 * One text for every output: a record's text fields are cleaned once, where the record becomes the
 * model, so RSS, Atom, JSON Feed, JSON-LD and the page all carry the same string. What is removed
 * is the union of what some output cannot carry (src/characters.ts): controls other than TAB and LF
 * (C0, DEL, C1; a CR is already a line end), noncharacters and lone surrogates. What is left is put
 * in Unicode NFC, so that a title typed with combining accents equals the same title typed composed.
 */

/** Controls but TAB and LF, noncharacters, lone surrogates. */
const UNCARRIED = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Noncharacter_Code_Point}\p{Cs}]/gu;

/** A quick test without the `u` flag: matches everything `UNCARRIED` does (and any surrogate). */
const MAY_HOLD_UNCARRIED = /[\0-\x08\x0B-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]/;

/** `text` as every output shows it. */
export function cleanText(text: string): string {
  const kept = MAY_HOLD_UNCARRIED.test(text) ? text.replace(UNCARRIED, '') : text;
  return kept.normalize('NFC');
}

/** The characters `cleanText` removes from `text`, in order (NFC, which only recomposes, is not counted). */
export function uncarriedIn(text: string): string[] {
  return MAY_HOLD_UNCARRIED.test(text) ? (text.match(UNCARRIED) ?? []) : [];
}
