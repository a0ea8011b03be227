/**
 * Splits a record into its YAML front matter and its Markdown body, and parses the YAML with
 * positions, so that every later problem can name its line. Pure: text in, document out.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '../errors.js';

export interface FrontMatter {
  /** The parsed YAML, with node ranges. */
  document: Document;
  /** Turns an offset into the YAML text into a 1-based line of the file. */
  lineAt(offset: number): number;
  /** The Markdown after the closing `---`. */
  body: string;
}

const OPENING = /^---[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * `text` must already have its BOM removed and its line ends normalised to `\n`.
 * Returns problems instead of throwing: a missing fence, YAML syntax errors with line and column.
 */
export function parseFrontMatter(file: string, text: string): FrontMatter | Problem[] {
  if (!OPENING.test(text)) {
    return [{ file, line: 1, field: '(front matter)', message: 'expected the file to start with a "---" line, found ' + JSON.stringify(text.split('\n', 1)[0] ?? '') }];
  }
  const afterOpening = text.indexOf('\n') + 1;
  const rest = text.slice(afterOpening);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return [{ file, line: 1, field: '(front matter)', message: 'expected a closing "---" line after the front matter, found none' }];
  }
  const yamlText = rest.slice(0, closing.index);
  const bodyStart = closing.index + closing[0].length + 1;
  const body = rest.slice(bodyStart);
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  // The YAML starts on the file's second line.
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + 1;
  const syntax = document.errors.map((error): Problem => {
    const [start] = error.pos;
    const position = lineCounter.linePos(start);
    return {
      file,
      line: position.line + 1,
      column: position.col,
      field: '(front matter)',
      message: `expected valid YAML, found ${firstLine(error.message)} (column ${position.col})`,
    };
  });
  if (syntax.length > 0) return syntax;
  return { document, lineAt, body };
}

function firstLine(message: string): string {
  return (message.split('\n', 1)[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
