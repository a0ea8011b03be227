/**
 * French punctuation kept on the line of its word, in the HTML of the pages only. A record writes
 * `« examiner »` and `100 %` with plain spaces, and the record is kept verbatim: the feeds carry it
 * as it is. On a page, a line may still not begin with `»` or `%`, nor end with `«`. So the word and
 * its punctuation are wrapped in `<span class="nb">` (`white-space: nowrap` in the page style): the
 * text and its spaces are unchanged (copying it gives the record's text), only the line breaks move.
 */

/** A token that opens: it keeps the next word on its line (`«`, `(«`). */
const OPENING = /^[([]*«$/;
/** A token of closing or high punctuation, after a space: it stays with the word before it. */
const CLOSING = /^[»!?:;%‰]+[)\].,…]*$/;

const SPACE = 0x20;
const NEWLINE = 0x0a;
/** A space that may bind: before the first character of a CLOSING token, or after `«`. */
const CANDIDATE = / [»!?:;%‰]|« /g;

/**
 * Binds `«` to the word after it and `»`, `!`, `?`, `:`, `;`, `%` to the word before it, in the text
 * of an HTML fragment (never in its tags or attributes). The fragment must be HTML whose attribute
 * values escape `>` (what markdown-it and the `html` tag write). Punctuation separated from its word
 * by a tag (`<em>mot</em> »`) is left as it is.
 *
 * One pass: a tag is a `<` up to the next `>` (a `<` with no `>` after it is text); in the text
 * between tags, words are separated by a plain space or a line break, and only a plain space next to
 * `«` or before closing punctuation is looked at closer. The output is the fragment with
 * `<span class="nb">` and `</span>` inserted around each run of bound words.
 */
export function bindPunctuation(fragment: string): string {
  CANDIDATE.lastIndex = 0;
  let match = CANDIDATE.exec(fragment);
  if (match === null) return fragment;
  let out = '';
  let copied = 0;
  let groupEnd = -1;
  // The text segment [from, to) and the tag after it, which ends before `next`.
  let from = 0;
  let { to, next } = segmentFrom(fragment, 0);
  for (; match !== null; match = CANDIDATE.exec(fragment)) {
    const space = match.index + (match[0].charCodeAt(0) === SPACE ? 0 : 1);
    CANDIDATE.lastIndex = space + 1;
    while (space >= next) {
      from = next;
      ({ to, next } = segmentFrom(fragment, from));
    }
    if (space >= to) continue; // inside a tag
    const before = space > from ? fragment.charCodeAt(space - 1) : SPACE;
    const after = space + 1 < to ? fragment.charCodeAt(space + 1) : SPACE;
    if (before === SPACE || before === NEWLINE || after === SPACE || after === NEWLINE) continue;
    const wordStart = wordStartBefore(fragment, from, space);
    const wordEnd = wordEndAfter(fragment, space + 1, to);
    if (!OPENING.test(fragment.slice(wordStart, space)) && !CLOSING.test(fragment.slice(space + 1, wordEnd))) continue;
    if (groupEnd === space) {
      groupEnd = wordEnd; // the word before this space ends the run open: the run goes on
      continue;
    }
    if (groupEnd !== -1) out += closeGroup(fragment, groupEnd);
    out += `${fragment.slice(copied, wordStart)}<span class="nb">`;
    copied = wordStart;
    groupEnd = wordEnd;
  }
  if (groupEnd === -1) return fragment;
  return out + closeGroup(fragment, groupEnd) + fragment.slice(groupEnd);

  function closeGroup(text: string, end: number): string {
    const group = `${text.slice(copied, end)}</span>`;
    copied = end;
    return group;
  }
}

/** The text from `start` up to the next tag (`to`), and the offset after that tag (`next`). */
function segmentFrom(fragment: string, start: number): { to: number; next: number } {
  const tag = fragment.indexOf('<', start);
  const tagEnd = tag === -1 ? -1 : fragment.indexOf('>', tag + 1);
  return tagEnd === -1 ? { to: fragment.length, next: Infinity } : { to: tag, next: tagEnd + 1 };
}

function wordStartBefore(text: string, from: number, space: number): number {
  let start = space;
  while (start > from && text.charCodeAt(start - 1) !== SPACE && text.charCodeAt(start - 1) !== NEWLINE) start--;
  return start;
}

function wordEndAfter(text: string, start: number, to: number): number {
  let end = start;
  while (end < to && text.charCodeAt(end) !== SPACE && text.charCodeAt(end) !== NEWLINE) end++;
  return end;
}
