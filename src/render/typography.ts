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

/**
 * Binds `«` to the word after it and `»`, `!`, `?`, `:`, `;`, `%` to the word before it, in the text
 * of an HTML fragment (never in its tags or attributes). The fragment must be HTML whose attribute
 * values escape `>` (what markdown-it and the `html` tag write). Punctuation separated from its word
 * by a tag (`<em>mot</em> »`) is left as it is.
 */
export function bindPunctuation(fragment: string): string {
  return fragment
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : bindText(part)))
    .join('');
}

function bindText(text: string): string {
  // Words at even indexes, the plain space or line break that followed each at odd indexes.
  const parts = text.split(/([ \n])/);
  let out = '';
  let group = '';
  let grouped = false;
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] ?? '';
    const next = parts[i + 2];
    const space = parts[i + 1] ?? '';
    group += word;
    const binds = space === ' ' && word !== '' && next !== undefined && next !== '' && (OPENING.test(word) || CLOSING.test(next));
    if (binds) {
      group += space;
      grouped = true;
      continue;
    }
    out += (grouped ? `<span class="nb">${group}</span>` : group) + space;
    group = '';
    grouped = false;
  }
  return out;
}
