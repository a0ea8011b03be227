/**
 * Every problem found in the content is data, never a thrown string: it names the file, the line
 * when there is one, the field (a dotted path into the record) and what was expected.
 */
export interface Problem {
  /** Path of the file, relative to the working directory when possible (`content/articles/x.md`). */
  file: string;
  /** 1-based line in the file, when the problem can be pinned to one. */
  line?: number;
  /** 1-based column, when known (YAML syntax errors). */
  column?: number;
  /** Dotted path of the field (`citations.0.type`), or `(file)` for problems of the whole file. */
  field: string;
  /** What was expected and what was found: `expected …, found …`. */
  message: string;
  /** A suggestion, such as a "did you mean" for a misspelt name. */
  hint?: string;
}

/** `content/articles/x.md:7 datePublished: expected …, found "…" (did you mean …?)` */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const hint = problem.hint === undefined ? '' : ` (${problem.hint})`;
  return `${where} ${problem.field}: ${problem.message}${hint}`;
}

/** Sorts problems by file, then line, then field, so a report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareStrings(a.field, b.field),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown by `build` when the content breaks the record contract; carries every problem found. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    super(sorted.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = sorted;
  }
}

/**
 * Characters a message shows as `\uXXXX`: controls, format characters (a U+202E in a record would
 * turn the rest of the terminal line around), separators other than the space, lone surrogates and
 * noncharacters. `JSON.stringify` already escapes the C0 controls.
 */
const UNPRINTABLE =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00A0\u2000-\u200A\u202F\u205F\u3000\p{Cs}\p{Noncharacter_Code_Point}]/gu;

/** Shows a found value in a message: strings quoted, long values cut, other values as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${[...value].slice(0, 57).join('')}…` : value;
    return JSON.stringify(shown).replace(UNPRINTABLE, (char) =>
      Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
    );
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return 'binary data';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
