/**
 * The quick path for a valid record: its front matter read with js-yaml (many times faster than the
 * `yaml` package's parse with positions: docs/benchmarks.md) and checked with the record schema. Anything unusual,
 * and every record with a problem, goes the slow path instead (`frontmatter.ts`, `validate.ts`),
 * which names the problem's line: this path only ever accepts, so it never words a problem itself.
 *
 * What is read must be what the slow path reads. Both parsers follow YAML 1.2 and its core schema
 * (no timestamps: dates stay strings; keys unique); the numbers below resolve as the `yaml`
 * package resolves them (js-yaml leaves a number too large for a double as a string, `yaml` makes
 * it Infinity), and the features where the two could part are left to the slow path: anchors,
 * aliases and tags (`&`, `*`, `!` before a name), tabs, and `__proto__`.
 */
import { CORE_SCHEMA, load, Type } from 'js-yaml';
import type { z } from 'zod';
import { splitFrontMatter } from './frontmatter.js';
import { normaliseLineEnds } from './validate.js';

const INT = /^[-+]?[0-9]+$/;
const INT_OCTAL = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * The core schema, with integers and floats resolved as the `yaml` package resolves them (a type
 * of the same tag replaces the schema's own). js-yaml 4, not 5: 5.x reads our front matters several
 * times slower (an event stream, then a construction pass).
 */
const schema = CORE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (source: unknown) =>
        typeof source === 'string' && (INT.test(source) || INT_OCTAL.test(source) || INT_HEX.test(source)),
      construct: (source: string) =>
        INT.test(source) ? parseInt(source, 10) : parseInt(source.slice(2), INT_OCTAL.test(source) ? 8 : 16),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (source: unknown) => typeof source === 'string' && (FLOAT_SPECIAL.test(source) || FLOAT.test(source)),
      construct: (source: string) =>
        FLOAT_SPECIAL.test(source)
          ? source.slice(-3).toLowerCase() === 'nan'
            ? NaN
            : source[0] === '-'
              ? -Infinity
              : Infinity
          : parseFloat(source),
    }),
  ],
});

/**
 * What the slow path would rather read: what may be an anchor, an alias or a tag (`&`, `*`, `!`
 * before a name, where a token may start: not `R&D`), a tab, a `__proto__` key.
 */
const UNUSUAL = /(?:^|[\s,[\]{}:"'])[&*!][^\s,[\]{}]|\t|__proto__/;

/** The record's valid front matter and its body, or undefined: then take the slow path. */
export function quickRecord<Schema extends z.ZodType>(
  text: string,
  recordSchema: Schema,
): { value: z.infer<Schema>; body: string } | undefined {
  const parts = splitFrontMatter(text);
  if (typeof parts === 'string') return undefined;
  const data = readYamlQuickly(parts.yamlText);
  if (data === NOT_READ) return undefined;
  const result = recordSchema.safeParse(data);
  return result.success ? { value: result.data, body: parts.body } : undefined;
}

const NOT_READ = Symbol('not read');

/** The YAML as plain data, line ends normalised as `validate.ts` does, or NOT_READ: then take the slow path. */
export function readYamlQuickly(yamlText: string): unknown {
  if (UNUSUAL.test(yamlText)) return NOT_READ;
  try {
    return normaliseLineEnds(load(yamlText, { schema }));
  } catch {
    return NOT_READ;
  }
}
export { NOT_READ };
