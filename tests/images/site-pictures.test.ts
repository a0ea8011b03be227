/**
 * `site.yaml`'s pictures, read back with parse5, JSON.parse and sharp: the default image in the JSON-LD, Open
 * Graph and Twitter card of an article without one (never in its feeds or on its page), the square logo in the
 * Organization and in every page's header, the icons made from the favicon (the ICO container read by hand
 * here), linked from every page and cached a day; and the errors of each setting, at its line.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { BuildResult } from '../../src/build-types.js';
import { ContentError } from '../../src/errors.js';
import { gradientJpeg, imageSite } from './site.js';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const OWN_IMAGE = '{ src: images/une.jpg, alt: Une photo, width: 1600, height: 1200 }';
const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">' +
  '<rect width="16" height="16" rx="3" fill="#a3161b"/><circle cx="8" cy="8" r="4" fill="#fff"/></svg>';

/** A square PNG of `side` pixels, a flat colour. */
function squarePng(side: number, alpha = 1): Promise<Buffer> {
  return sharp({ create: { width: side, height: side, channels: 4, background: { r: 20, g: 60, b: 160, alpha } } })
    .png()
    .toBuffer();
}

/** The valid fixture with `settings` in place of the publisher's declared logo, and `files` in public/. */
function pictureSite(settings: string, files: Record<string, Uint8Array | string>): string {
  const root = imageSite(OWN_IMAGE, files);
  const path = join(root, 'content', 'site.yaml');
  writeFileSync(path, `${readFileSync(path, 'utf8').replace(/^ {2}logo: .*\n/m, '')}${settings}\n`);
  return root;
}

const SETTINGS = [
  'logo: /images/logo-carre.png',
  'image: { src: /images/defaut.jpg, alt: La rédaction, credit: Dépêche }',
  'favicon: /icon.svg',
].join('\n');

let root: string;
let result: BuildResult;
beforeAll(async () => {
  root = pictureSite(SETTINGS, {
    'images/logo-carre.png': await squarePng(256),
    'images/defaut.jpg': await gradientJpeg(2000, 1500),
    'icon.svg': ICON_SVG,
  });
  result = await build({ contentDir: join(root, 'content'), write: false });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function bytes(path: string): Uint8Array {
  const found = result.files.find((output) => output.path === path);
  if (found === undefined) throw new Error(`no ${path}`);
  return typeof found.contents === 'string' ? new TextEncoder().encode(found.contents) : found.contents;
}
const text = (path: string): string => new TextDecoder().decode(bytes(path));

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
const metaOf = (page: Node, key: string): string | undefined =>
  attribute(
    elements(page, 'meta').find((meta) => attribute(meta, 'property') === key || attribute(meta, 'name') === key),
    'content',
  );

type JsonObject = Record<string, unknown>;
const graphOf = (path: string): JsonObject[] => (JSON.parse(text(path)) as { '@graph': JsonObject[] })['@graph'];

const SITE = 'https://depeche.example/';
const WITHOUT = 'articles/windows-crlf-bom/index.html';
const WITH = 'articles/tous-les-champs/index.html';

describe('the default image, for an article without one', () => {
  const crops = () => result.site.image?.local?.crops ?? [];

  it('is the JSON-LD image: its three crops, files of the site of the sizes declared, with the credit', async () => {
    const [article] = graphOf(WITHOUT.replace('index.html', 'index.jsonld'));
    const images = article?.image as JsonObject[];
    expect(images.map((image) => [image.url, image.width, image.height, image.creditText])).toEqual(
      [
        [675, '16x9'],
        [900, '4x3'],
        [1200, '1x1'],
      ].map(([height, ratio]) => [
        expect.stringMatching(new RegExp(`^${SITE}images/defaut-[0-9a-f]{16}-${ratio}\\.jpg$`)),
        { '@type': 'QuantitativeValue', value: 1200, unitCode: 'E37' },
        { '@type': 'QuantitativeValue', value: height, unitCode: 'E37' },
        'Dépêche',
      ]),
    );
    for (const image of images) {
      const path = String(image.url).slice(SITE.length);
      const size = await sharp(bytes(path)).metadata();
      expect([size.format, size.width, size.height]).toEqual([
        'jpeg',
        (image.width as JsonObject).value,
        (image.height as JsonObject).value,
      ]);
    }
  });

  it('is og:image and a large Twitter card, with large previews allowed; the page shows no figure', () => {
    const page = parse(text(WITHOUT));
    const wide = crops()[0];
    expect([metaOf(page, 'og:image'), metaOf(page, 'og:image:width'), metaOf(page, 'og:image:height')]).toEqual([
      wide?.url,
      '1200',
      '675',
    ]);
    expect(metaOf(page, 'og:image:alt')).toBe('La rédaction');
    expect(metaOf(page, 'twitter:card')).toBe('summary_large_image');
    expect(metaOf(page, 'twitter:image')).toBe(wide?.url);
    expect(metaOf(page, 'robots')).toBe('max-image-preview:large');
    expect(elements(page, 'figure')).toEqual([]);
  });

  it('is not in the feeds: the item without an image of its own has no enclosure, no JSON Feed image', () => {
    const url = `${SITE}articles/windows-crlf-bom/`;
    const rss = text('feed.xml');
    const item = rss.slice(rss.indexOf(`<link>${url}</link>`));
    expect(item.slice(0, item.indexOf('</item>'))).not.toMatch(/enclosure|media:content/);
    expect(rss).not.toContain('images/defaut-');
    expect(text('atom.xml')).not.toContain('images/defaut-');
    const feed = JSON.parse(text('feed.json')) as { items: { url: string; image?: string }[] };
    expect(feed.items.find((entry) => entry.url === url)?.image).toBeUndefined();
  });

  it("leaves an article's own image as it was", () => {
    const page = parse(text(WITH));
    expect(metaOf(page, 'og:image')).toMatch(/images\/une-[0-9a-f]{16}-16x9\.jpg$/);
    const [article] = graphOf(WITH.replace('index.html', 'index.jsonld'));
    expect(JSON.stringify(article?.image)).not.toContain('defaut');
  });
});

describe('the square logo', () => {
  it("is the Organization's logo, with the file's own size", () => {
    const publisher = graphOf(WITHOUT.replace('index.html', 'index.jsonld')).find(
      (node) => node['@type'] === 'NewsMediaOrganization',
    );
    expect(publisher?.logo).toEqual({
      '@type': 'ImageObject',
      url: `${SITE}images/logo-carre.png`,
      width: { '@type': 'QuantitativeValue', value: 256, unitCode: 'E37' },
      height: { '@type': 'QuantitativeValue', value: 256, unitCode: 'E37' },
      description: 'Dépêche',
    });
  });

  it("is in every page's header, with its width, height and the publisher's name", () => {
    const pages = result.files.filter((file) => file.path.endsWith('.html')).map((file) => file.path);
    expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', WITH, WITHOUT]));
    expect(pages.some((path) => path.startsWith('tags/'))).toBe(true);
    for (const path of pages) {
      const [header] = elements(parse(text(path)), 'header');
      const [logo] = elements(header as Node, 'img');
      expect([path, attribute(logo, 'src'), attribute(logo, 'width'), attribute(logo, 'height')]).toEqual([
        path,
        `${SITE}images/logo-carre.png`,
        '256',
        '256',
      ]);
      expect(attribute(logo, 'alt')).toBe('Dépêche');
    }
  });
});

describe('the icons', () => {
  it('favicon.ico holds a 16 and a 32 px PNG', async () => {
    const ico = bytes('favicon.ico');
    const view = new DataView(ico.buffer, ico.byteOffset, ico.byteLength);
    expect([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)]).toEqual([0, 1, 2]);
    const sides: number[] = [];
    for (let index = 0; index < 2; index++) {
      const entry = 6 + 16 * index;
      const length = view.getUint32(entry + 8, true);
      const offset = view.getUint32(entry + 12, true);
      const png = await sharp(ico.subarray(offset, offset + length)).metadata();
      expect([png.format, png.width, png.height]).toEqual(['png', view.getUint8(entry), view.getUint8(entry + 1)]);
      expect(view.getUint16(entry + 6, true)).toBe(32);
      sides.push(png.width);
    }
    expect(sides).toEqual([16, 32]);
  });

  it('a 32 px PNG and an opaque 180 px apple-touch-icon, drawn from the SVG', async () => {
    const small = await sharp(bytes('favicon-32x32.png')).metadata();
    expect([small.format, small.width, small.height]).toEqual(['png', 32, 32]);
    const touch = sharp(bytes('apple-touch-icon.png'));
    const metadata = await touch.metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.hasAlpha]).toEqual(['png', 180, 180, false]);
    // The SVG's red square, drawn at 180 px: its corner is rounded (white), its centre edge red, not blurred grey.
    const { data } = await touch.raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * 180 + x) * 3, (y * 180 + x) * 3 + 3)];
    expect(at(0, 0)).toEqual([255, 255, 255]);
    expect(at(90, 10)).toEqual([0xa3, 0x16, 0x1b]);
  });

  it('are linked from every page, the SVG source too', () => {
    for (const path of result.files.filter((file) => file.path.endsWith('.html')).map((file) => file.path)) {
      const links = elements(parse(text(path)), 'link')
        .filter((link) => /icon/.test(attribute(link, 'rel') ?? ''))
        .map((link) => [attribute(link, 'rel'), attribute(link, 'type'), attribute(link, 'href')]);
      expect(links).toEqual([
        ['icon', undefined, `${SITE}favicon.ico`],
        ['icon', 'image/png', `${SITE}favicon-32x32.png`],
        ['icon', 'image/svg+xml', `${SITE}icon.svg`],
        ['apple-touch-icon', undefined, `${SITE}apple-touch-icon.png`],
      ]);
    }
  });

  it('keep a day in _headers (fixed names), the default image a year (hashed names)', () => {
    const headers = text('_headers');
    for (const path of ['/favicon.ico', '/favicon-32x32.png', '/apple-touch-icon.png'])
      expect(headers).toContain(`${path}\n  Cache-Control: public, max-age=86400\n`);
    expect(headers).toContain('/images/*-*\n  Cache-Control: public, max-age=31536000, immutable\n');
  });
});

describe('bad pictures in site.yaml', () => {
  async function problemsOf(settings: string, files: Record<string, Uint8Array | string>): Promise<string[]> {
    const site = pictureSite(settings, files);
    try {
      await build({ contentDir: join(site, 'content'), write: false });
      return [];
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      return error.problems.map((problem) => `${problem.line} ${problem.field}: ${problem.message}`);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }
  // The fixture's site.yaml has 14 lines once the declared logo is dropped: the settings start at line 15.
  it('a logo under 112 × 112', async () => {
    expect(await problemsOf('logo: /petit.png', { 'petit.png': await squarePng(100) })).toEqual([
      "15 logo: expected a logo of at least 112 × 112 pixels (Google's Organization logo), found 100 × 100 in " +
        `${SITE}petit.png`,
    ]);
  });

  it('no logo', async () => {
    expect(await problemsOf('', {})).toEqual([
      expect.stringMatching(/^\d+ publisher.logo: expected a logo: give a square one as logo/),
    ]);
  });

  it('both logos', async () => {
    const site = imageSite(OWN_IMAGE, { 'l.png': await squarePng(200) });
    const path = join(site, 'content', 'site.yaml');
    writeFileSync(path, `${readFileSync(path, 'utf8')}logo: /l.png\n`);
    const failed = await build({ contentDir: join(site, 'content'), write: false }).catch((error: unknown) => error);
    rmSync(site, { recursive: true, force: true });
    expect((failed as ContentError).problems).toEqual([
      {
        file: expect.stringMatching(/site\.yaml$/),
        line: 16,
        field: 'logo',
        message: 'expected one logo, not both this one and publisher.logo (remove publisher.logo), found "/l.png"',
      },
    ]);
  });

  it('a missing default image, a small one, a non-square favicon', async () => {
    expect(
      await problemsOf('logo: /l.png\nimage: { src: /nulle-part.jpg, alt: x }\nfavicon: /f.png', {
        'l.png': await squarePng(200),
        'f.png': await gradientJpeg(400, 300),
      }),
    ).toEqual([
      expect.stringMatching(
        /^16 image\.src: expected an image file \S+\/content\/public\/nulle-part\.jpg \(JPEG, .*\), found none$/,
      ),
      '17 favicon: expected a square image of at least 180 × 180 pixels (the touch icon is 180 px, never ' +
        'upscaled), or an SVG, found 400 × 300',
    ]);
    expect(
      await problemsOf('logo: /l.png\nimage: { src: /petite.jpg, alt: x }', {
        'l.png': await squarePng(200),
        'petite.jpg': await gradientJpeg(1600, 900),
      }),
    ).toEqual([expect.stringMatching(/^16 image.src: expected an image of at least 1200 × 1200 pixels/)]);
  });
});
