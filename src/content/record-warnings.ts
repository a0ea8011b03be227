/**
 * The warnings of a valid record: one per text field that held characters the outputs cannot all
 * carry, which `cleanText` removes (src/content/clean-text.ts). The record builds; the warning says
 * what was dropped, at the field's line (the front matter is read again with positions, only for a
 * record that has a warning).
 */
import type { Problem } from '../errors.js';
import type { ArticleRecord } from './article-schema.js';
import { uncarriedIn } from './clean-text.js';
import { parseFrontMatter } from './frontmatter.js';
import type { SourceFile } from './load.js';
import { fieldName } from './validate.js';
import { type FieldPath, offsetOf } from './yaml-position.js';

/** Code points shown in a message; more are counted, not listed. */
const SHOWN = 8;

export function recordWarnings(source: SourceFile, record: ArticleRecord): Problem[] {
  const found: { path: FieldPath; removed: string[] }[] = [];
  for (const [path, text] of textFields(record)) {
    const removed = uncarriedIn(text);
    if (removed.length > 0) found.push({ path, removed });
  }
  if (found.length === 0) return [];
  const frontMatter = parseFrontMatter(source.file, source.text);
  const lineOf = (path: FieldPath): number | undefined =>
    Array.isArray(frontMatter) ? undefined : frontMatter.lineAt(offsetOf(frontMatter.document, path));
  return found.map(({ path, removed }) => {
    const line = lineOf(path);
    return {
      file: source.file,
      ...(line === undefined ? {} : { line }),
      field: fieldName(path),
      message: removedMessage(removed),
    };
  });
}

/** "removed 2 control characters (U+0001, U+0008) that not every output can carry" */
export function removedMessage(removed: readonly string[]): string {
  const controls = removed.every((char) => /\p{Cc}/u.test(char));
  const noun = `${controls ? 'control ' : ''}character${removed.length === 1 ? '' : 's'}`;
  const codes = [...new Set(removed.map((char) => (char.codePointAt(0) ?? 0).toString(16).toUpperCase()))];
  const listed = codes.slice(0, SHOWN).map((code) => `U+${code.padStart(4, '0')}`);
  if (codes.length > SHOWN) listed.push('…');
  return `removed ${removed.length} ${noun} (${listed.join(', ')}) that not every output can carry`;
}

/** Every text field that src/content/resolve.ts cleans, with its path in the front matter. */
function* textFields(record: ArticleRecord): Generator<[FieldPath, string]> {
  yield [['title'], record.title];
  yield [['description'], record.description];
  for (const [i, author] of (record.authors ?? []).entries())
    if (typeof author !== 'string') yield [['authors', i, 'name'], author.name];
  if (record.section !== undefined) yield [['section'], record.section];
  for (const [i, tag] of (record.tags ?? []).entries()) yield [['tags', i], tag];
  if (record.image !== undefined) yield [['image', 'alt'], record.image.alt];
  for (const [i, citation] of (record.citations ?? []).entries()) {
    yield [['citations', i, 'name'], citation.name];
    if (citation.publisher !== undefined) yield [['citations', i, 'publisher'], citation.publisher];
    if (citation.author !== undefined) yield [['citations', i, 'author'], citation.author];
  }
  for (const field of ['mentions', 'about'] as const)
    for (const [i, entity] of (record[field] ?? []).entries()) yield [[field, i, 'name'], entity.name];
  for (const [i, quote] of (record.quotes ?? []).entries()) {
    yield [['quotes', i, 'text'], quote.text];
    const { spokenBy } = quote;
    yield [['quotes', i, 'spokenBy', 'name'], spokenBy.name];
    if (spokenBy.jobTitle !== undefined) yield [['quotes', i, 'spokenBy', 'jobTitle'], spokenBy.jobTitle];
    if (spokenBy.affiliation !== undefined) yield [['quotes', i, 'spokenBy', 'affiliation'], spokenBy.affiliation];
  }
}
