/**
 * What `depeche check` reports: a problem of the built site, with a severity and the rule that
 * found it. `field` is a JSON path (`$.items[0].id`) or an element path (`/rss/channel/item[2]/guid`).
 */
import { sortProblems, type Problem } from '../errors.js';

/**
 * `error`: a feed reader, a parser or a search engine would reject or misread it (malformed XML, a
 * missing required field, a value outside its schema.org range, a broken link). `warning`: a
 * recommendation (Google's, the RSS profile's) that is not met; the site still works.
 */
export type Severity = 'error' | 'warning';

export interface Finding extends Problem {
  severity: Severity;
  /** Stable code of the rule that found it (`atom-schema`, `jsonld`, `google-article-image`…). */
  rule: string;
}

/** `dist/feed.json $.items[0].id: error: expected a string, found the number 3 [jsonfeed]` */
export function formatFinding(finding: Finding): string {
  const where = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`;
  const field = finding.field === '' ? '' : ` ${finding.field}`;
  const hint = finding.hint === undefined ? '' : ` (${finding.hint})`;
  return `${where}${field}: ${finding.severity}: ${finding.message}${hint} [${finding.rule}]`;
}

/** By file, line and field, as problems are; findings keep their severity and rule. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return sortProblems(findings) as Finding[];
}

/** Where a finding is: its file, and the line or the JSON/element path inside it. */
export interface Place {
  file: string;
  /** JSON path or element path; empty for the whole file. */
  field: string;
  line?: number;
}

function finding(severity: Severity, rule: string, place: Place, message: string, hint?: string): Finding {
  const { file, field, line } = place;
  return {
    file,
    field,
    message,
    severity,
    rule,
    ...(line === undefined || line <= 0 ? {} : { line }),
    ...(hint === undefined ? {} : { hint }),
  };
}

export function error(rule: string, place: Place, message: string, hint?: string): Finding {
  return finding('error', rule, place, message, hint);
}

export function warning(rule: string, place: Place, message: string, hint?: string): Finding {
  return finding('warning', rule, place, message, hint);
}
