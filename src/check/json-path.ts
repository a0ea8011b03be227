/** JSON paths for findings, in the bracket style JSONPath tools print: `$['@graph'][2].citation[0]`. */

const identifier = /^[A-Za-z_$][\w$]*$/;

/** The path of member `key` of the object at `path`: `.name` for identifiers, `['@id']` otherwise. */
export function memberPath(path: string, key: string): string {
  if (identifier.test(key)) return `${path}.${key}`;
  return `${path}['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** The path of element `index` of the array at `path`. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}
