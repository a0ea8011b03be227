/**
 * An article's body is copied into its page and into each feed, so one broken link or missing image
 * in it would be found once per output. The copies are merged here into one finding that names the
 * outputs it is in; when the records are known, it is placed at the record's file and line.
 */
import type { SiteContext } from './context.js';
import type { Finding } from './finding.js';
import { missingTargetOf } from './links.js';
import { lineOf, type RecordText } from './records.js';
import { canParseUrl } from '../content/url.js';

/**
 * `findings` with the copies of one missing target merged: same rule, same target, same document
 * (an article's page, whose body is also each feed item's content). `pathOf` gives the site path of
 * the output a finding was found in.
 */
export function mergeBodyLinks(
  context: SiteContext,
  findings: readonly Finding[],
  pathOf: (finding: Finding) => string | undefined,
  records: readonly RecordText[] = [],
): Finding[] {
  const groups = new Map<string, Finding[]>();
  const result: Array<Finding | Finding[]> = [];
  for (const finding of findings) {
    const missing = missingTargetOf(finding);
    if (missing === undefined) {
      result.push(finding);
      continue;
    }
    const key = `${finding.rule}\n${missing.target}\n${missing.documentUrl}`;
    const group = groups.get(key);
    if (group === undefined) {
      const created = [finding];
      groups.set(key, created);
      result.push(created);
    } else group.push(finding);
  }
  const bySlug = new Map(records.map((record) => [record.slug, record]));
  return result.map((entry) => (Array.isArray(entry) ? merged(context, entry, pathOf, bySlug) : entry));
}

function merged(
  context: SiteContext,
  group: readonly Finding[],
  pathOf: (finding: Finding) => string | undefined,
  bySlug: ReadonlyMap<string, RecordText>,
): Finding {
  const first = group.find((finding) => /\.html?$/i.test(pathOf(finding) ?? '')) ?? group[0];
  const missing = first === undefined ? undefined : missingTargetOf(first);
  if (first === undefined || missing === undefined) throw new Error('expected a group of missing targets');
  const record = recordOf(context, missing.documentUrl, bySlug);
  if (group.length === 1 && record === undefined) return first;
  const outputs = [...new Set(group.map((finding) => pathOf(finding) ?? finding.file))].sort(
    (a, b) => Number(/\.html?$/i.test(b)) - Number(/\.html?$/i.test(a)) || a.localeCompare(b),
  );
  const message = `${first.message} (in ${outputs.join(', ')})`;
  // Not in the record's text: the link is the template's (a page's header), not the body's.
  const line = record === undefined ? undefined : recordLine(context, record.text, missing.url, missing.href);
  if (record === undefined || line === undefined) return group.length === 1 ? first : { ...first, message };
  const { line: _line, ...rest } = first;
  return { ...rest, file: record.file, field: '', message, line };
}

/** The record of the article whose page is at `documentUrl` (`…/articles/<slug>/`). */
function recordOf(
  context: SiteContext,
  documentUrl: string,
  bySlug: ReadonlyMap<string, RecordText>,
): RecordText | undefined {
  if (bySlug.size === 0 || !canParseUrl(documentUrl)) return undefined;
  const located = context.locate(new URL(documentUrl));
  if (located.kind !== 'found') return undefined;
  const slug = /^articles\/([^/]+)\/index\.html$/.exec(located.path)?.[1];
  return slug === undefined ? undefined : bySlug.get(slug);
}

/** The line of the link in the record: as written in the output, absolute, then as a path from the site's root. */
function recordLine(context: SiteContext, text: string, url: string, href: string): number | undefined {
  const resolved = new URL(href);
  const base = new URL(context.baseUrl);
  const tail = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  const fromRoot = tail.startsWith(base.pathname) ? `/${tail.slice(base.pathname.length)}` : tail;
  for (const candidate of new Set([url, href, tail, fromRoot])) {
    const line = lineOf(text, candidate);
    if (line !== undefined) return line;
  }
  return undefined;
}
