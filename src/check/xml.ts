/**
 * XML for the checks, read with libxml2 (WebAssembly): well-formedness with the line of the first
 * fatal error, validation against a RELAX NG schema, and a plain tree of elements (local name,
 * namespace, attributes, text, line) that the feed checks walk after the document is freed.
 */
import { ParseOption, RelaxNGValidator, XmlDocument, XmlElement, XmlLibError } from 'libxml2-wasm';

export interface XmlNode {
  /** Local name (`link` for `atom:link`). */
  name: string;
  /** Namespace URI; empty for none. */
  namespace: string;
  /** Attributes by local name, or `prefix:name` for namespaced ones (`xml:lang`, `xml:base`). */
  attributes: ReadonlyMap<string, string>;
  /** The text content of the element and its descendants. */
  text: string;
  line: number;
  children: XmlNode[];
}

/** A diagnostic from libxml2, with its line (and the element path when libxml2 knows it). */
export interface XmlDiagnostic {
  message: string;
  line: number;
  path?: string;
}

/** No network, no external entities: a checked file can never make libxml2 fetch anything. */
const SAFE = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;

export type ParsedXml = { root: XmlNode; document: XmlDocument } | { errors: XmlDiagnostic[] };

/** Parses `text`; the caller owns `document` and must `dispose()` it. */
export function parseXml(text: string): ParsedXml {
  try {
    const document = XmlDocument.fromString(text, { option: SAFE });
    return { document, root: toNode(document.root) };
  } catch (error) {
    if (error instanceof XmlLibError) return { errors: diagnostics(error) };
    throw error;
  }
}

/** Validates against the RELAX NG schema in `schemaText`; empty when valid. */
export function validateRelaxNg(document: XmlDocument, schemaText: string): XmlDiagnostic[] {
  const schema = XmlDocument.fromString(schemaText, { option: SAFE });
  try {
    const validator = RelaxNGValidator.fromDoc(schema);
    try {
      validator.validate(document);
      return [];
    } catch (error) {
      if (error instanceof XmlLibError) return diagnostics(error);
      throw error;
    } finally {
      validator.dispose();
    }
  } finally {
    schema.dispose();
  }
}

function diagnostics(error: XmlLibError): XmlDiagnostic[] {
  const details = error.details.length > 0 ? error.details : [{ message: error.message, line: 0, col: 0, level: 3 }];
  return details.map((detail) => ({
    message: detail.message.trim(),
    line: detail.line,
    ...('xpath' in detail && typeof detail.xpath === 'string' ? { path: detail.xpath } : {}),
  }));
}

function toNode(element: XmlElement): XmlNode {
  const attributes = new Map<string, string>();
  for (const attribute of element.attrs) {
    attributes.set(attribute.prefix === '' ? attribute.name : `${attribute.prefix}:${attribute.name}`, attribute.value);
  }
  const children: XmlNode[] = [];
  for (let child = element.firstChild; child !== null; child = child.next) {
    if (child instanceof XmlElement) children.push(toNode(child));
  }
  return {
    name: element.name,
    namespace: element.namespaceUri,
    attributes,
    text: element.content,
    line: element.line,
    children,
  };
}

/** The child elements named `name` in namespace `namespace`. */
export function childrenNamed(node: XmlNode, name: string, namespace = ''): XmlNode[] {
  return node.children.filter((child) => child.name === name && child.namespace === namespace);
}

/** The first child element named `name` in namespace `namespace`. */
export function childNamed(node: XmlNode, name: string, namespace = ''): XmlNode | undefined {
  return node.children.find((child) => child.name === name && child.namespace === namespace);
}
