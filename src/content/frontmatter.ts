/**
 * Splits a record into its YAML front matter and its Markdown body, and parses the YAML with
 * positions, so that every later problem can name its line. Pure: text in, document out.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '../errors.js';
import { quotingHint } from './record-hints.js';

export interface FrontMatter {
  /** The parsed YAML, with node ranges. */
  document: Document;
  /** Turns an offset into the YAML text into a 1-based line of the file. */
  lineAt(offset: number): number;
  /** The Markdown after the closing `---`. */
  body: string;
}

const OPENING = /^---[ \t]*\n/;
/** A closing fence line. Lines are split at `\n` only: a regular expression's `m` flag would also
 * start a line after U+2028 and U+2029, which are text inside a YAML value, not line ends. */
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * `text` must already have its BOM removed and its line ends normalised to `\n`.
 * Returns problems instead of throwing: a missing fence, YAML syntax errors with line and column.
 */
export function parseFrontMatter(file: string, text: string): FrontMatter | Problem[] {
  const parts = splitFrontMatter(text);
  if (parts === 'no opening') {
    const first = text.split('\n', 1)[0] ?? '';
    // Records are YAML alone, so that every problem has its line; Hugo's TOML is converted once, on import.
    const toml = /^\+\+\+[ \t]*$/.test(first);
    return [
      {
        file,
        line: 1,
        field: '(front matter)',
        message: `expected the file to start with a "---" line, found ${JSON.stringify(first)}`,
        ...(toml ? { hint: 'TOML front matter: records are YAML, `depeche import --from hugo` converts them' } : {}),
      },
    ];
  }
  if (parts === 'no closing') {
    return [
      {
        file,
        line: 1,
        field: '(front matter)',
        message: 'expected a closing "---" line after the front matter, found none',
      },
    ];
  }
  const { yamlText, body } = parts;
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  // The YAML starts on the file's second line.
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + 1;
  const syntax = document.errors.map((error): Problem => {
    const [start] = error.pos;
    const position = lineCounter.linePos(start);
    // "Nested mappings are not allowed in compact mappings": most often an unquoted colon in a value.
    const hint =
      error.code === 'BLOCK_AS_IMPLICIT_KEY' ? quotingHint(yamlText.split('\n')[position.line - 1] ?? '') : undefined;
    return {
      file,
      line: position.line + 1,
      column: position.col,
      field: '(front matter)',
      message: `expected valid YAML, found ${firstLine(error.message)} (column ${position.col})`,
      ...(hint === undefined ? {} : { hint }),
    };
  });
  if (syntax.length > 0) return syntax;
  return { document, lineAt, body };
}

/** The YAML between the fences and the Markdown after them, or what is missing. */
export function splitFrontMatter(text: string): { yamlText: string; body: string } | 'no opening' | 'no closing' {
  if (!OPENING.test(text)) return 'no opening';
  const rest = text.slice(text.indexOf('\n') + 1);
  const closing = closingFence(rest);
  if (!closing) return 'no closing';
  return { yamlText: rest.slice(0, closing.index), body: rest.slice(closing.index + closing.length + 1) };
}

/** The offset and length of the first closing fence line of `text`. */
function closingFence(text: string): { index: number; length: number } | undefined {
  for (let start = 0; ; ) {
    const end = text.indexOf('\n', start);
    const line = end === -1 ? text.slice(start) : text.slice(start, end);
    if (CLOSING.test(line)) return { index: start, length: line.length };
    if (end === -1) return undefined;
    start = end + 1;
  }
}

/** The first line of a `yaml` error message, without the position it repeats. */
export function firstLine(message: string): string {
  return (message.split('\n', 1)[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
