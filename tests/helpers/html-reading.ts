/** A reading of pages with parse5 (an HTML5-conformant parser), independent of our templates. */
import { type DefaultTreeAdapterTypes as T, type ParserError, parse } from 'parse5';
import { expect } from 'vitest';

export type { T };

/** The document and every parse error parse5 reported. */
export function dom(source: string): { document: T.Document; errors: ParserError[] } {
  const errors: ParserError[] = [];
  return { document: parse(source, { onParseError: (error) => errors.push(error) }), errors };
}

/** Every element named `tag` below `node`, in document order, template contents included. */
export function elements(node: T.ParentNode, tag: string): T.Element[] {
  const found: T.Element[] = [];
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    if (child.tagName === tag) found.push(child);
    found.push(...elements(child.tagName === 'template' ? (child as T.Template).content : child, tag));
  }
  return found;
}

/** The only element named `tag` below `node`; fails the test when there are none or several. */
export function one(node: T.ParentNode, tag: string): T.Element {
  const all = elements(node, tag);
  expect(all, `exactly one <${tag}>`).toHaveLength(1);
  return all[0] as T.Element;
}

export function attr(element: T.Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function text(node: T.Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}
