/**
 * Pictures in the Markdown body: an image alone in its paragraph that names a file of the site
 * becomes a `<figure>` with its `<picture>` of page widths and its title as caption, read back with
 * parse5; an image among words stays an `<img>` of the file; the variants are written once.
 */
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { BuildResult } from '../../src/build-types.js';
import { gradientJpeg, imageSite, RECORD_FILE } from './site.js';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

let root: string;
let result: BuildResult;
const encoded: string[] = [];
beforeAll(async () => {
  root = imageSite('{ src: "https://images.example/une.jpg", alt: Une, width: 1200, height: 675 }', {
    'images/chart.jpg': await gradientJpeg(1000, 600),
  });
  appendFileSync(
    join(root, 'content', RECORD_FILE),
    [
      '',
      '![Un graphique & sa légende](/images/chart.jpg "Le graphique")',
      '',
      'En ligne, ![le même](/images/chart.jpg) ici.',
      '',
    ].join('\n'),
  );
  result = await build({
    contentDir: join(root, 'content'),
    outDir: join(root, 'dist'),
    onImageEncoded: (path) => encoded.push(path),
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function elements(node: Node, name: string): Element[] {
  const found: Element[] = [];
  const walk = (at: Node): void => {
    if ('tagName' in at && at.tagName === name) found.push(at);
    if ('childNodes' in at) for (const child of at.childNodes) walk(child);
  };
  walk(node);
  return found;
}

const attribute = (element: Element | undefined, name: string): string | undefined =>
  element?.attrs.find((attr) => attr.name === name)?.value;

const text = (node: Node): string =>
  node.nodeName === '#text' && 'value' in node
    ? node.value
    : 'childNodes' in node
      ? node.childNodes.map(text).join('')
      : '';

describe('a picture of the body', () => {
  const page = () => {
    const found = result.files.find((file) => file.path === 'articles/tous-les-champs/index.html');
    return parse(String(found?.contents));
  };
  const pictures = () => result.site.articles.flatMap((article) => article.bodyPictures ?? []);

  it('alone in its paragraph, is a figure with the page widths of its file and its title as caption', () => {
    const [body] = elements(page(), 'div').filter((div) => attribute(div, 'class')?.startsWith('body'));
    const [figure] = elements(body as Element, 'figure');
    expect(figure?.parentNode && 'tagName' in figure.parentNode && figure.parentNode.tagName).toBe('div');
    const [source] = elements(figure as Element, 'source');
    const [img] = elements(figure as Element, 'img');
    const [picture] = pictures();
    expect(picture?.widths.map((width) => width.width)).toEqual([480, 800, 1000]);
    expect(attribute(source, 'srcset')).toBe(
      picture?.widths.map((width) => `${width.webp.url} ${width.width}w`).join(', '),
    );
    expect(attribute(img, 'srcset')).toBe(
      picture?.widths.map((width) => `${width.jpeg.url} ${width.width}w`).join(', '),
    );
    expect([attribute(img, 'width'), attribute(img, 'height'), attribute(img, 'alt')]).toEqual([
      '1000',
      '600',
      'Un graphique & sa légende',
    ]);
    expect(text(elements(figure as Element, 'figcaption')[0] as Element)).toBe('Le graphique');
  });

  it('among words, stays an <img> of the file', () => {
    const inline = elements(page(), 'img').filter((img) => attribute(img, 'alt') === 'le même');
    expect(inline.map((img) => attribute(img, 'src'))).toEqual(['https://depeche.example/images/chart.jpg']);
  });

  it('has its variants written, each encoded once', () => {
    const paths = (pictures()[0]?.widths ?? []).flatMap((width) => [width.webp.path, width.jpeg.path]);
    expect([...encoded].sort()).toEqual([...paths].sort());
    const written = new Set(result.files.map((file) => file.path));
    for (const path of paths) expect(written.has(path)).toBe(true);
  });
});
