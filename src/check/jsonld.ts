/**
 * Validates JSON-LD as depeche emits it (`{"@context": "https://schema.org", "@graph": [...]}`, or one
 * node with its `@context`) against the schema.org vocabulary. Pure: a document in, findings out.
 * Used by the test suite and by `depeche check`.
 */
import { describeValue } from '../errors.js';
import { indexPath, memberPath } from './json-path.js';
import { type JsonLdFinding, type Walk, validateNode } from './jsonld-node.js';
import { type JsonObject, declaredTypes, isObject, isReference, keywordOf, nodeId } from './jsonld-terms.js';

export type { JsonLdFinding } from './jsonld-node.js';

/**
 * Every problem in a JSON-LD document: a context other than schema.org, unknown types and properties,
 * properties outside their domain, superseded terms, values outside a property's range (nodes of the
 * wrong type, bare strings where a node is expected, malformed dates, date-times without UTC offset,
 * relative URLs) and `@id` references that point at no node of the document. Empty when all is well.
 * A top-level array is checked as a list of documents.
 */
export function validateJsonLd(document: unknown): JsonLdFinding[] {
  if (Array.isArray(document)) return document.flatMap((item, index) => validateDocument(item, indexPath('$', index)));
  return validateDocument(document, '$');
}

function validateDocument(document: unknown, path: string): JsonLdFinding[] {
  if (!isObject(document)) return [{ path, message: `expected a JSON-LD object, found ${describeValue(document)}` }];
  const findings: JsonLdFinding[] = [];
  const context = document['@context'];
  if (!isSchemaOrgContext(context)) {
    findings.push({
      path: memberPath(path, '@context'),
      message: `expected "https://schema.org", found ${describeValue(context)}`,
    });
  }
  const roots = rootNodes(document, path, findings);
  const walk: Walk = { ...describedNodes(roots.map(([node]) => node)), findings };
  for (const [node, nodePath] of roots) validateNode(node, nodePath, walk);
  return findings;
}

const schemaOrgContexts = new Set([
  'https://schema.org',
  'https://schema.org/',
  'http://schema.org',
  'http://schema.org/',
]);

function isSchemaOrgContext(context: unknown): boolean {
  if (typeof context === 'string') return schemaOrgContexts.has(context);
  if (Array.isArray(context)) return context.some(isSchemaOrgContext);
  if (!isObject(context)) return false;
  const vocab = context['@vocab'];
  return typeof vocab === 'string' && vocab.endsWith('/') && schemaOrgContexts.has(vocab);
}

/** The top-level nodes with their paths: the `@graph` members, and the document when it is a node too. */
function rootNodes(document: JsonObject, path: string, findings: JsonLdFinding[]): Array<[JsonObject, string]> {
  if (!('@graph' in document)) return [[document, path]];
  const graphPath = memberPath(path, '@graph');
  const graph = document['@graph'];
  const members: Array<[unknown, string]> = Array.isArray(graph)
    ? graph.map((node, index) => [node, indexPath(graphPath, index)])
    : [[graph, graphPath]];
  const roots: Array<[JsonObject, string]> = [];
  for (const [node, nodePath] of members) {
    if (isObject(node) && !isReference(node)) roots.push([node, nodePath]);
    else findings.push({ path: nodePath, message: `expected a node object, found ${describeValue(node)}` });
  }
  const describesItself = Object.keys(document).some(
    (key) => keywordOf(key) === undefined || keywordOf(key) === '@type',
  );
  if (describesItself) roots.push([document, path]);
  return roots;
}

/** The types of every node described anywhere in the document, by `@id`, and the documents they live in. */
function describedNodes(roots: readonly JsonObject[]): Pick<Walk, 'typesById' | 'documents'> {
  const typesById = new Map<string, string[]>();
  const documents = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isObject(value) || '@value' in value) return;
    const id = nodeId(value);
    if (id !== undefined && !isReference(value)) {
      const known = typesById.get(id) ?? [];
      typesById.set(id, [...new Set([...known, ...declaredTypes(value)])]);
      if (id.includes('#')) documents.add(id.slice(0, id.indexOf('#')));
    }
    for (const [key, child] of Object.entries(value)) if (key !== '@context') visit(child);
  };
  roots.forEach(visit);
  return { typesById, documents };
}
