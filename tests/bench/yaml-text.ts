/**
 * Writes front matter the way an editor would: block mappings and lists, plain scalars where YAML
 * reads them back as the same string, double quotes (JSON syntax, valid YAML) everywhere else.
 */

/** A value the corpus writes: strings, numbers, lists and mappings (undefined fields are left out). */
export type YamlValue = string | number | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/;

/** True when `text` can be written without quotes and reads back as the same string. */
function isPlainSafe(text: string): boolean {
  if (ISO_DATE.test(text)) return true; // YAML 1.2's core schema has no timestamps: a string.
  if (!/^[\p{L}«(/]/u.test(text)) return false; // indicators (& * ! - ? : # | > ' " % @ `), digits
  if (/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(text)) return false;
  return !/: |\s#|:$|\s$|[\n\t]/.test(text);
}

export function scalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return isPlainSafe(value) ? value : JSON.stringify(value);
}

function isMapping(value: YamlValue): value is { readonly [key: string]: YamlValue | undefined } {
  return typeof value === 'object' && !Array.isArray(value);
}

/** The lines of a mapping's entries, indented by `indent` spaces. */
export function mappingLines(mapping: { readonly [key: string]: YamlValue | undefined }, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(mapping)) {
    if (value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number') lines.push(`${pad}${key}: ${scalar(value)}`);
    else if (isMapping(value)) lines.push(`${pad}${key}:`, ...mappingLines(value, indent + 2));
    else lines.push(`${pad}${key}:`, ...listLines(value, indent + 2));
  }
  return lines;
}

function listLines(list: readonly YamlValue[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  return list.flatMap((item) => {
    if (typeof item === 'string' || typeof item === 'number') return [`${pad}- ${scalar(item)}`];
    if (!isMapping(item)) throw new Error('nested lists are not written');
    const [first = '', ...rest] = mappingLines(item, indent + 2);
    return [`${pad}- ${first.slice(indent + 2)}`, ...rest];
  });
}
