/**
 * Drafts: a record whose front matter says `draft: true` is left out of a build unless drafts are
 * asked for. Read with a line test, not a YAML parse, so that excluding drafts costs nothing: the
 * key must start a line of the front matter (a top-level key), with the YAML 1.2 spelling of true.
 * The record contract validates the field (`draft: yes` is refused) whenever the record is built.
 */
import { splitFrontMatter } from './content/frontmatter.js';
import type { SourceFile } from './content/load.js';

// Lines are split at \n only: the `m` flag would also start a line after U+2028/U+2029 in a value.
const DRAFT_TRUE = /^draft[ \t]*:[ \t]*(?:true|True|TRUE)[ \t]*(?:#.*)?$/;

/** Whether the record is marked `draft: true`. */
export function isDraft(source: Pick<SourceFile, 'text'>): boolean {
  // The same fences as the record contract, so a draft is found exactly where the record reads its fields.
  const parts = splitFrontMatter(source.text);
  return typeof parts === 'object' && parts.yamlText.split('\n').some((line) => DRAFT_TRUE.test(line));
}
