/**
 * Raw text copied from a web page → the article's paragraphs: line ends normalised, lines that
 * occur more than once dropped (a newsletter box or a cookie banner copied twice is boilerplate,
 * an article does not repeat itself), a lone URL at the end taken as the source, and a short first
 * line without a final full stop taken as the headline. Pure.
 */

export interface ArticleText {
  /** The paragraphs of the article, each as written (lines inside a paragraph kept). */
  paragraphs: string[];
  /** The headline, when the text starts with one. */
  headline?: string;
  /** The URL the text ends with, on its own. */
  sourceUrl?: string;
  /** The lines dropped because they repeat, once each, in order. */
  repeated: string[];
}

const LONE_URL = /^https?:\/\/\S+$/;

export function readArticleText(raw: string): ArticleText {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/, ''));
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = line.trim();
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = [...counts].filter(([, times]) => times > 1).map(([line]) => line);
  const kept = lines.filter((line) => !repeated.includes(line.trim()));
  let blocks = splitBlocks(kept);
  let sourceUrl: string | undefined;
  const last = blocks.at(-1);
  if (last !== undefined && LONE_URL.test(last.trim())) {
    sourceUrl = last.trim();
    blocks = blocks.slice(0, -1);
  }
  let headline: string | undefined;
  const first = blocks[0];
  if (first !== undefined && blocks.length > 2 && isHeadline(first)) {
    headline = first.trim();
    blocks = blocks.slice(1);
  }
  return {
    paragraphs: blocks,
    repeated,
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
    ...(headline === undefined ? {} : { headline }),
  };
}

/**
 * Paragraphs are separated by blank lines; a text with none (each paragraph copied as one line)
 * is split at every line end instead.
 */
function splitBlocks(lines: readonly string[]): string[] {
  const text = lines.join('\n').trim();
  if (text === '') return [];
  const separator = /\n[ \t]*\n/.test(text) ? /\n(?:[ \t]*\n)+/ : /\n+/;
  return text
    .split(separator)
    .map((block) => block.trim())
    .filter((block) => block !== '');
}

/** One line, not too long, not ending a sentence with a full stop: how headlines are copied. */
function isHeadline(block: string): boolean {
  return !block.includes('\n') && block.length <= 200 && !/[.:,;…]$/.test(block) && !LONE_URL.test(block);
}
