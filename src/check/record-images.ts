/**
 * A finding about an article's own picture (too narrow for large previews, a declared size that is not
 * the file's) is the record's to fix: when the records are known, it is placed at the record's file and
 * the line of its `image` field, naming the page it was found in. A page whose picture is the site's
 * default (its record has no `image`) keeps its finding where it is.
 */
import { parseFrontMatter } from '../content/frontmatter.js';
import { offsetOf } from '../content/yaml-position.js';
import type { Finding } from './finding.js';
import type { RecordText } from './records.js';

const IMAGE_RULES = new Set(['google-article-image', 'image-size']);

export function atRecords(
  findings: readonly Finding[],
  pathOf: (finding: Finding) => string | undefined,
  records: readonly RecordText[] = [],
): Finding[] {
  if (records.length === 0) return [...findings];
  const bySlug = new Map(records.map((record) => [record.slug, record]));
  const lines = new Map<RecordText, number | undefined>();
  return findings.map((finding) => {
    if (!IMAGE_RULES.has(finding.rule) || !/\.image(\[\d+\])?$/.test(finding.field)) return finding;
    const path = pathOf(finding);
    const slug = path === undefined ? undefined : /^articles\/([^/]+)\/index\.html$/.exec(path)?.[1];
    const record = slug === undefined ? undefined : bySlug.get(slug);
    if (record === undefined) return finding;
    if (!lines.has(record)) lines.set(record, imageLine(record));
    const line = lines.get(record);
    if (line === undefined) return finding;
    return { ...finding, file: record.file, line, field: 'image', message: `${finding.message} (in ${path})` };
  });
}

/** The line of the record's `image` field; undefined when it has none. */
function imageLine(record: RecordText): number | undefined {
  const frontMatter = parseFrontMatter(record.file, record.text);
  if (Array.isArray(frontMatter) || !frontMatter.document.has('image')) return undefined;
  return frontMatter.lineAt(offsetOf(frontMatter.document, ['image']));
}
