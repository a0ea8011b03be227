/**
 * The page, the head and `_headers` of an article with a local image, read back with parse5: a
 * `<picture>` of WebP and JPEG widths with `sizes`, the largest's width and height on the `<img>`, the
 * caption and credit, Open Graph on the 16:9 crop, `max-image-preview:large`, the year-long cache rule.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { BuildResult } from '../../src/build-types.js';
import { gradientJpeg, imageSite } from './site.js';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

let root: string;
let result: BuildResult;
beforeAll(async () => {
  root = imageSite('{ src: /images/hero.jpg, alt: Une place, caption: La place au matin, credit: Jeanne Martin }', {
    'images/hero.jpg': await gradientJpeg(1600, 1200),
  });
  result = await build({ contentDir: join(root, 'content'), write: false });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string): string {
  const found = result.files.find((output) => output.path === path);
  if (found === undefined) throw new Error(`no ${path}`);
  return String(found.contents);
}

function elements(node: Node, name: string): Element[] {
  const found: Element[] = [];
  const walk = (at: Node): void => {
    if ('tagName' in at && at.tagName === name) found.push(at);
    if ('childNodes' in at) for (const child of at.childNodes) walk(child);
    if ('content' in at) walk(at.content);
  };
  walk(node);
  return found;
}

const attribute = (element: Element | undefined, name: string): string | undefined =>
  element?.attrs.find((attr) => attr.name === name)?.value;

const text = (node: Node): string =>
  'value' in node && node.nodeName === '#text'
    ? node.value
    : 'childNodes' in node
      ? node.childNodes.map(text).join('')
      : '';

describe('the page of an article with a local image', () => {
  const page = () => parse(file('articles/tous-les-champs/index.html'));
  const local = () => result.site.articles.find((article) => article.image?.local)?.image?.local;

  it('shows a <picture>: WebP widths, then the JPEG with its widths, sizes, width, height and alt', () => {
    // The article's own figure comes first, before the body and the quotes.
    const [figure] = elements(page(), 'figure');
    const [picture] = elements(figure as Element, 'picture');
    const [source] = elements(picture as Element, 'source');
    const [img] = elements(picture as Element, 'img');
    const widths = local()?.widths ?? [];
    expect(widths.map((width) => width.width)).toEqual([480, 800, 1200, 1600]);
    expect(attribute(source, 'type')).toBe('image/webp');
    expect(attribute(source, 'srcset')).toBe(widths.map((width) => `${width.webp.url} ${width.width}w`).join(', '));
    expect(attribute(img, 'srcset')).toBe(widths.map((width) => `${width.jpeg.url} ${width.width}w`).join(', '));
    expect(attribute(source, 'sizes')).toBe(attribute(img, 'sizes'));
    expect(attribute(img, 'sizes')).toMatch(/100vw/);
    expect(attribute(img, 'src')).toBe(widths[1]?.jpeg.url);
    expect([attribute(img, 'width'), attribute(img, 'height'), attribute(img, 'alt')]).toEqual([
      '1600',
      '1200',
      'Une place',
    ]);
    const [caption] = elements(figure as Element, 'figcaption');
    expect(text(caption as Element)).toBe('La place au matin Jeanne Martin');
    expect(attribute(elements(caption as Element, 'span')[0], 'class')).toBe('credit');
  });

  it('gives Open Graph and Twitter the 16:9 crop and lets search engines show it large', () => {
    const meta = new Map(
      elements(page(), 'meta').map((element) => [
        attribute(element, 'property') ?? attribute(element, 'name'),
        attribute(element, 'content'),
      ]),
    );
    const wide = local()?.crops[0];
    expect(wide?.ratio).toBe('16x9');
    expect(meta.get('og:image')).toBe(wide?.url);
    expect([meta.get('og:image:width'), meta.get('og:image:height'), meta.get('og:image:alt')]).toEqual([
      '1200',
      '675',
      'Une place',
    ]);
    expect(meta.get('twitter:card')).toBe('summary_large_image');
    expect(meta.get('twitter:image')).toBe(wide?.url);
    expect(meta.get('robots')).toBe('max-image-preview:large');
  });

  it('has every file the page names among the files of the site', () => {
    const paths = new Set(result.files.map((output) => output.path));
    for (const url of [...(local()?.widths.flatMap((width) => [width.webp.url, width.jpeg.url]) ?? [])])
      expect(paths.has(url.slice('https://depeche.example/'.length))).toBe(true);
  });

  it('caches the hashed names for a year in _headers', () => {
    const rules = file('_headers').split('\n\n');
    expect(rules).toContain('/images/*-*\n  Cache-Control: public, max-age=31536000, immutable\n');
  });
});
