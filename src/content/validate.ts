/**
 * Validates a parsed record against a zod schema and turns every issue into a Problem with its
 * file, line and field. Pure: no I/O. All problems of a record are collected, never only the first.
 */
import { visit, type Alias, type Document } from 'yaml';
import { z } from 'zod';
import { describeValue, type Problem } from '../errors.js';
import { closestName } from '../did-you-mean.js';
import type { RecordHints } from './record-hints.js';
import { offsetOf, valueAt, type FieldPath } from './yaml-position.js';

export interface ParsedYaml {
  document: Document;
  /** Turns an offset into the YAML text into a 1-based line of the file. */
  lineAt(offset: number): number;
}

export function validateYaml<Schema extends z.ZodType>(
  file: string,
  yaml: ParsedYaml,
  schema: Schema,
  hints?: RecordHints,
): { value: z.infer<Schema> } | { problems: Problem[] } {
  const converted = toPlainData(file, yaml);
  if ('problems' in converted) return converted;
  const data = converted.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      problems: [
        {
          file,
          line: yaml.lineAt(offsetOf(yaml.document, [])),
          field: '(front matter)',
          message:
            `expected a mapping of fields, found ` +
            `${yaml.document.contents === null ? 'nothing' : describeValue(data)}`,
        },
      ],
    };
  }
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data };
  const problems = result.error.issues.flatMap((issue) => problemsOf(file, yaml, schema, data, issue, hints));
  return { problems };
}

/** Most nodes an alias may expand to (the `yaml` package's guard against "billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/**
 * The document as plain values, every line end inside a string normalised to `\n` (a `\r` written
 * as a YAML escape is a line end, as it is in the file). An alias that names no anchor, or that
 * expands too much, is a problem of the record, not a crash of the build.
 */
function toPlainData(file: string, yaml: ParsedYaml): { data: unknown } | { problems: Problem[] } {
  try {
    return { data: normaliseLineEnds(yaml.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) };
  } catch (error) {
    const alias = firstAlias(yaml.document);
    const found = error instanceof Error ? error.message : String(error);
    const message = found.startsWith('Excessive alias count')
      ? `expected aliases (*name) that expand to at most ${MAX_ALIAS_COUNT} nodes, found more`
      : `expected every alias (*name) to follow its anchor (&name), found ${found.replace(/^.*: /, '*')} without one`;
    return {
      problems: [
        { file, line: yaml.lineAt(alias?.range?.[0] ?? offsetOf(yaml.document, [])), field: '(front matter)', message },
      ],
    };
  }
}

function firstAlias(document: Document): Alias | undefined {
  let first: Alias | undefined;
  visit(document, {
    Alias(_key, node) {
      const anchored = node.resolve(document);
      if (first === undefined || anchored === undefined) first = node;
      return anchored === undefined ? visit.BREAK : undefined;
    },
  });
  return first;
}

/** `value` with every `\r\n` and lone `\r` of its strings as `\n`; the same value when it holds none. */
export function normaliseLineEnds(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
  if (Array.isArray(value)) {
    const items = value.map(normaliseLineEnds);
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    const normalised = entries.map(([key, field]) => [key, normaliseLineEnds(field)] as const);
    return normalised.some(([, field], index) => field !== entries[index]?.[1])
      ? Object.fromEntries(normalised)
      : value;
  }
  return value;
}

function problemsOf(
  file: string,
  yaml: ParsedYaml,
  schema: z.ZodType,
  data: unknown,
  issue: z.core.$ZodIssue,
  hints: RecordHints | undefined,
): Problem[] {
  const path = issue.path as FieldPath;
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, path);
    return issue.keys.map((key) => {
      const foreign = hints?.unknownField(path, key);
      const closest = closestName(key, known);
      const misspelt = closest === undefined ? undefined : `did you mean "${closest}"?`;
      const suggestion = foreign ?? misspelt ?? hints?.ownField(path, key);
      return {
        file,
        line: yaml.lineAt(offsetOf(yaml.document, [...path, key])),
        field: fieldName([...path, key]),
        message: `expected one of the known fields (${known.join(', ')}), found an unknown field`,
        ...(suggestion === undefined ? {} : { hint: suggestion }),
      };
    });
  }
  const found = valueAt(data, path);
  const hint =
    issue.code === 'custom' && typeof issue.params?.hint === 'string'
      ? issue.params.hint
      : hints?.refusedValue(path, found);
  return [
    {
      file,
      line: yaml.lineAt(offsetOf(yaml.document, path)),
      field: fieldName(path),
      message: `${issue.message}, found ${describeValue(found)}`,
      ...(hint === undefined ? {} : { hint }),
    },
  ];
}

/** `citations[0].type` */
export function fieldName(path: FieldPath): string {
  if (path.length === 0) return '(front matter)';
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? String(segment) : `.${String(segment)}`,
    )
    .join('');
}

/** The field names the schema accepts in the mapping at `path`. */
function knownKeysAt(schema: z.ZodType, path: FieldPath): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject) current = current.shape[String(segment)] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return [];
  }
  current = unwrap(current);
  if (current instanceof z.ZodObject) return Object.keys(current.shape);
  return [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodUnion)
      current = (current.options as z.ZodType[]).find((option) => unwrap(option) instanceof z.ZodObject);
    else return current;
  }
}
