/**
 * Hints for the mistakes of authors who come from other publishers (Hugo, Jekyll, WordPress) or
 * who write YAML 1.1: the error stays an error, its message gains what to write instead. Pure.
 */
import type { FieldPath } from './yaml-position.js';

/** Front matter names of other publishers, and what a depeche record says instead. */
const FOREIGN_FIELDS: Readonly<Record<string, string>> = {
  date: 'did you mean "datePublished"?',
  lastmod: 'did you mean "dateModified"?',
  categories: 'did you mean "section" for one or "tags" for a list?',
  summary: 'did you mean "description"?',
  excerpt: 'did you mean "description"?',
  layout: 'depeche has no layouts: remove it',
};

/** YAML 1.1's booleans, which YAML 1.2 (and so depeche) reads as text. */
const YAML_11_BOOLEANS = /^(?:y|yes|n|no|on|off)$/i;

export interface RecordHints {
  /** A hint for an unknown field, tried before the "did you mean" among the known fields. */
  unknownField(path: FieldPath, key: string): string | undefined;
  /** A hint for an unknown field that is no known field misspelt: tried after the "did you mean". */
  ownField(path: FieldPath, key: string): string | undefined;
  /** A hint for a value the schema refused. */
  refusedValue(path: FieldPath, value: unknown): string | undefined;
}

export const recordHints: RecordHints = {
  unknownField(path, key) {
    return path.length === 0 && Object.hasOwn(FOREIGN_FIELDS, key) ? FOREIGN_FIELDS[key] : undefined;
  },
  ownField(path, key) {
    if (path.length !== 0) return undefined;
    return `a field of your own? write it under extra: (extra: {${key}: …}), or list it in site.yaml's fields`;
  },
  refusedValue(path, value) {
    if (path.length !== 1 || typeof value !== 'string') return undefined;
    const [field] = path;
    if (field === 'tags') {
      const items = value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      return `write a list: tags: [${items.join(', ')}]`;
    }
    if (field === 'draft' && YAML_11_BOOLEANS.test(value)) {
      return `write true or false: YAML 1.2 reads ${value} as text`;
    }
    return undefined;
  },
};

/**
 * For YAML's "Nested mappings are not allowed in compact mappings", given the line it points at:
 * a value with an unquoted `: ` in it (`title: Bruxelles: le vote`), to be put in quotes.
 */
export function quotingHint(line: string): string | undefined {
  const match = /^\s*([A-Za-z][\w-]*):\s+(.*?)\s*$/.exec(line);
  if (match === null) return undefined;
  const [, key, value] = match;
  if (key === undefined || value === undefined || !value.includes(': ')) return undefined;
  return `put the ${key} in quotes: ${key}: ${JSON.stringify(value)}`;
}
