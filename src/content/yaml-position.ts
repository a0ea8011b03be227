/** Finds the line of a field in a parsed YAML document, by its path. */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type FieldPath = readonly PropertyKey[];

/**
 * The YAML offset of the deepest node on `path` that exists: the key of a mapping entry when the
 * path ends on a key (so "unknown field" points at the key), else the value.
 */
export function offsetOf(document: Document, path: FieldPath): number {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/** The 1-based line of the field at `path` (or of its deepest part that exists) in the YAML `text`. */
export function lineOfField(text: string, path: FieldPath): number {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  return lineCounter.linePos(offsetOf(document, path)).line;
}

/** The offset of the key `key` inside the mapping at `path` (for unknown keys). */
export function offsetOfKey(document: Document, path: FieldPath, key: string): number {
  return offsetOf(document, [...path, key]);
}

/** The plain value at `path`, or undefined when it is not there. */
export function valueAt(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? (node as Node).range?.[0] : undefined;
}
