/**
 * How a JSON-LD document as depeche emits it names things: keywords and the `id`/`type` aliases of the
 * schema.org context, bare terms (`NewsArticle`) or schema.org IRIs (`https://schema.org/NewsArticle`).
 */

/** A JSON object (not an array, not null). */
export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema.org context defines `id` and `type` as aliases of `@id` and `@type`. */
const aliases: Readonly<Record<string, string>> = { id: '@id', type: '@type' };

/** The JSON-LD keyword a key stands for (`@id`, `@type`…), or `undefined` for a property. */
export function keywordOf(key: string): string | undefined {
  if (key.startsWith('@')) return key;
  return Object.hasOwn(aliases, key) ? aliases[key] : undefined;
}

/** The value of keyword `keyword` in `node`, read under the keyword or its alias. */
export function keywordValue(node: JsonObject, keyword: '@id' | '@type'): unknown {
  return node[keyword] ?? node[keyword.slice(1)];
}

const schemaIri = /^(?:https?:\/\/schema\.org\/|schema:)([A-Za-z0-9_]+)$/;
const bareTerm = /^[^:/#?\s]+$/;

/** The schema.org name of a term or IRI (`schema:Person`, `http://schema.org/Person` → `Person`). */
export function schemaName(term: string): string | undefined {
  return schemaIri.exec(term)?.[1] ?? (bareTerm.test(term) ? term : undefined);
}

/** The schema.org name in a full IRI only (`https://schema.org/InStock` → `InStock`), not in a bare word. */
export function schemaNameOfIri(iri: string): string | undefined {
  return schemaIri.exec(iri)?.[1];
}

/** The `@id` of a node, when it is a string. */
export function nodeId(node: JsonObject): string | undefined {
  const id = keywordValue(node, '@id');
  return typeof id === 'string' ? id : undefined;
}

/** The type names a node declares in `@type`, schema.org IRIs shortened; other IRIs kept as written. */
export function declaredTypes(node: JsonObject): string[] {
  const value = keywordValue(node, '@type');
  const written = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return written.filter((type): type is string => typeof type === 'string').map((type) => schemaName(type) ?? type);
}

/** Whether an object only points at a node (`{"@id": "…"}`) rather than describing one. */
export function isReference(value: JsonObject): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && keywordOf(keys[0] ?? '') === '@id' && nodeId(value) !== undefined;
}
