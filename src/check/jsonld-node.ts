/**
 * Checks one node of a JSON-LD graph against the schema.org vocabulary: its types, each property's
 * existence and domain, and each value against the property's range, nested nodes included.
 */
import { describeValue } from '../errors.js';
import {
  isDataType,
  isPropertyOf,
  isType,
  property,
  suggestProperty,
  suggestType,
  typeSupersededBy,
} from '../vocabulary/index.js';
import { indexPath, memberPath } from './json-path.js';
import { acceptsUrl, describeRange, fitsRange, literalProblem, memberFits } from './jsonld-range.js';
import {
  type JsonObject,
  declaredTypes,
  isObject,
  isReference,
  keywordOf,
  keywordValue,
  nodeId,
  schemaName,
} from './jsonld-terms.js';
import { isAbsoluteHttpUrl } from './literals.js';

/** One problem in a JSON-LD document. */
export interface JsonLdFinding {
  /** JSON path of the offending value or key: `$['@graph'][2].citation[0].publisher`. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

/** What the walk over one document knows and collects. */
export interface Walk {
  /** The types of every node the document describes, by `@id` (merged when an `@id` recurs). */
  readonly typesById: ReadonlyMap<string, readonly string[]>;
  /** The part before `#` of every described `@id` with a fragment: references into them must resolve. */
  readonly documents: ReadonlySet<string>;
  readonly findings: JsonLdFinding[];
}

/** Checks a node object at `path`, and every node nested in it. */
export function validateNode(node: JsonObject, path: string, walk: Walk): void {
  const types = checkTypes(node, path, walk);
  for (const [key, value] of Object.entries(node)) {
    if (keywordOf(key) !== undefined) continue;
    const valuePath = memberPath(path, key);
    const name = schemaName(key);
    const definition = name === undefined ? undefined : property(name);
    if (name === undefined || definition === undefined) {
      const suggestion = name === undefined ? undefined : suggestProperty(name, types);
      walk.findings.push({
        path: valuePath,
        message: `unknown property ${JSON.stringify(key)}${didYouMean(suggestion)}`,
      });
      continue;
    }
    if (definition.supersededBy !== undefined) {
      walk.findings.push({
        path: valuePath,
        message: `${JSON.stringify(name)} is superseded by ${quoted(definition.supersededBy)}`,
      });
    }
    if (types.length > 0 && definition.domain.length > 0 && !types.some((type) => isPropertyOf(definition, type))) {
      const message = `${JSON.stringify(name)} is not a property of ${types.join(' / ')}: its domain is ${definition.domain.join(', ')}`;
      walk.findings.push({ path: valuePath, message });
    }
    checkValue(value, definition.range, valuePath, walk);
  }
}

/** Reports unknown, superseded or missing types; returns the node's known schema.org types. */
function checkTypes(node: JsonObject, path: string, walk: Walk): string[] {
  const typeKey = '@type' in node ? '@type' : 'type' in node ? 'type' : undefined;
  const id = nodeId(node);
  if (typeKey === undefined) {
    const described = id === undefined ? undefined : walk.typesById.get(id);
    if (described === undefined || described.length === 0)
      walk.findings.push({ path, message: 'expected an @type on this node' });
    return (described ?? []).filter((type) => isType(type) && !isDataType(type));
  }
  const value = node[typeKey];
  const typePath = memberPath(path, typeKey);
  if (
    typeof value !== 'string' &&
    !(Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string'))
  ) {
    walk.findings.push({
      path: typePath,
      message: `expected a type name or a list of them, found ${describeValue(value)}`,
    });
    return [];
  }
  const types = declaredTypes(node);
  const known: string[] = [];
  types.forEach((type, index) => {
    const at = Array.isArray(value) ? indexPath(typePath, index) : typePath;
    const replacements = typeSupersededBy(type);
    if (!isType(type)) {
      walk.findings.push({ path: at, message: `unknown type ${JSON.stringify(type)}${didYouMean(suggestType(type))}` });
    } else if (isDataType(type)) {
      walk.findings.push({ path: at, message: `${JSON.stringify(type)} is a data type, not a type of node` });
    } else {
      if (replacements !== undefined)
        walk.findings.push({
          path: at,
          message: `type ${JSON.stringify(type)} is superseded by ${quoted(replacements)}`,
        });
      known.push(type);
    }
  });
  return known;
}

/** Checks a property's value (or each value of a list) against the property's range. */
function checkValue(value: unknown, range: readonly string[], path: string, walk: Walk): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      checkValue(item, range, indexPath(path, index), walk);
    });
    return;
  }
  if (!isObject(value)) {
    const problem = literalProblem(value, range);
    if (problem !== undefined) walk.findings.push({ path, message: problem });
    return;
  }
  if ('@value' in value) {
    checkValue(value['@value'], range, path, walk);
    return;
  }
  for (const container of ['@list', '@set']) {
    if (container in value) {
      checkValue(value[container], range, memberPath(path, container), walk);
      return;
    }
  }
  if (isReference(value)) {
    checkReference(nodeId(value) ?? '', range, path, walk);
    return;
  }

  const types = nodeTypes(value, walk);
  if (types.length > 0 && !fitsRange(types, range)) {
    walk.findings.push({ path, message: `expected ${describeRange(range)}, found a ${types.join(' / ')} node` });
  }
  validateNode(value, path, walk);
}

/** An `{"@id": …}` value: it must name a node of the document whose type fits, or be a fitting IRI. */
function checkReference(id: string, range: readonly string[], path: string, walk: Walk): void {
  const described = walk.typesById.get(id);
  if (described !== undefined) {
    const types = described.filter(isType);
    if (types.length > 0 && !fitsRange(types, range)) {
      walk.findings.push({
        path,
        message: `expected ${describeRange(range)}, found a reference to a ${types.join(' / ')} (${JSON.stringify(id)})`,
      });
    }
    return;
  }
  if (memberFits(id, range)) return;
  const fragment = id.indexOf('#');
  const intoDocument = fragment >= 0 && walk.documents.has(id.slice(0, fragment));
  if (acceptsUrl(range) && isAbsoluteHttpUrl(id) && !intoDocument) return;
  walk.findings.push({ path, message: `dangling @id ${JSON.stringify(id)}: no node in the document has this @id` });
}

/** The known node types of a node: declared, or those of the node elsewhere with the same `@id`. */
function nodeTypes(node: JsonObject, walk: Walk): string[] {
  const declared =
    keywordValue(node, '@type') === undefined
      ? [...(walk.typesById.get(nodeId(node) ?? '') ?? [])]
      : declaredTypes(node);
  return declared.filter(isType);
}

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`;
}

function quoted(names: readonly string[]): string {
  return names.map((name) => JSON.stringify(name)).join(' or ');
}
