/**
 * A local article image in a whole build: its variants written under hashed names with the sizes
 * the model gives (read back from the files by sharp's header reader), a rebuild that encodes
 * nothing, and each kind of bad file refused with its record, field and what was expected while the
 * previous dist/ stays as it was.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { ContentError } from '../../src/errors.js';
import { gradientJpeg, imageSite, RECORD_FILE } from './site.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function site(image: string, files: Record<string, Uint8Array | string>) {
  const root = imageSite(image, files);
  roots.push(root);
  return { contentDir: join(root, 'content'), outDir: join(root, 'dist'), root };
}

const HERO = '{ src: /images/hero.jpg, alt: Une place, caption: La place, credit: Jeanne Martin / AFP }';

describe('a local article image', () => {
  it('becomes its page widths and three crops, named by hash, sized as the model says', async () => {
    const { contentDir, outDir } = await site(HERO, { 'images/hero.jpg': await gradientJpeg(1600, 1200) });
    const encoded: string[] = [];
    const result = await build({ contentDir, outDir, onImageEncoded: (path) => encoded.push(path) });
    const image = result.site.articles.find((article) => article.image?.local)?.image;
    const local = image?.local;
    expect(local?.widths.map((width) => [width.width, width.height])).toEqual([
      [480, 360],
      [800, 600],
      [1200, 900],
      [1600, 1200],
    ]);
    expect(local?.crops.map((crop) => [crop.ratio, crop.width, crop.height])).toEqual([
      ['16x9', 1200, 675],
      ['4x3', 1200, 900],
      ['1x1', 1200, 1200],
    ]);
    expect(image?.url).toBe(local?.crops[0]?.url);
    const files = [...(local?.widths.flatMap((width) => [width.webp, width.jpeg]) ?? []), ...(local?.crops ?? [])];
    expect(encoded.sort()).toEqual(files.map((file) => file.path).sort());
    for (const file of files) {
      expect(file.path).toMatch(/^images\/hero-[0-9a-f]{16}-[0-9a-z]+\.(webp|jpg)$/);
      const bytes = readFileSync(join(outDir, file.path));
      const metadata = await sharp(bytes).metadata();
      expect(metadata.format).toBe(file.path.endsWith('.webp') ? 'webp' : 'jpeg');
      const sized = [...(local?.widths ?? []), ...(local?.crops ?? [])].find(
        (variant) => variant === file || ('webp' in variant && (variant.webp === file || variant.jpeg === file)),
      );
      expect([metadata.width, metadata.height]).toEqual([sized?.width, sized?.height]);
    }
    const crops = result.site.articles.flatMap((article) => article.image?.local?.crops ?? []);
    for (const crop of crops) expect(crop.bytes).toBe(statSync(join(outDir, crop.path)).size);
  });

  it('is encoded once: a second build takes every variant from .depeche/ and writes the same files', async () => {
    const { contentDir, outDir, root } = await site(HERO, { 'images/hero.jpg': await gradientJpeg(1600, 1200) });
    const first: string[] = [];
    await build({ contentDir, outDir, onImageEncoded: (path) => first.push(path) });
    const before = Object.fromEntries(listed(outDir).map((path) => [path, readFileSync(join(outDir, path))]));
    const second: string[] = [];
    await build({ contentDir, outDir, onImageEncoded: (path) => second.push(path) });
    expect(first.length).toBe(11);
    expect(second).toEqual([]);
    expect(readdirSync(join(root, '.depeche', 'images-dist')).sort()).toEqual(
      first.map((path) => path.slice('images/'.length)).sort(),
    );
    for (const [path, bytes] of Object.entries(before)) expect(readFileSync(join(outDir, path))).toEqual(bytes);
  });

  it('in an incremental build: a one-record edit encodes nothing, a new picture renames its files', async () => {
    const { contentDir, outDir } = await site(HERO, { 'images/hero.jpg': await gradientJpeg(1600, 1200) });
    const options = { contentDir, outDir, incremental: true, keepFiles: false };
    const encoded: string[] = [];
    const onImageEncoded = (path: string) => encoded.push(path);
    await build({ ...options, onImageEncoded });
    const page = () => readFileSync(join(outDir, 'articles/tous-les-champs/index.html'), 'utf8');
    const firstPage = page();
    encoded.length = 0;
    const other = join(contentDir, 'articles/windows-crlf-bom.md');
    writeFileSync(other, readFileSync(other, 'utf8').replace('Un article', 'Un autre article'));
    const edited = await build({ ...options, onImageEncoded });
    expect(encoded).toEqual([]);
    expect(edited.reused).toBeGreaterThan(0);
    expect(page()).toBe(firstPage);
    // A new picture under the same file name: new hashes, so the page names new files, encoded once.
    writeFileSync(join(contentDir, 'public/images/hero.jpg'), await gradientJpeg(1600, 1300));
    await build({ ...options, onImageEncoded });
    expect(encoded).toHaveLength(11);
    expect(page()).not.toBe(firstPage);
    for (const path of encoded) expect(page()).toContain(path);
    expect(listed(outDir).filter((path) => path.startsWith('images/hero-'))).toEqual([...encoded].sort());
  });

  it('leaves no image cache when no article has a local image, and drops the one left', async () => {
    const { contentDir, outDir, root } = await site(HERO, { 'images/hero.jpg': await gradientJpeg(1600, 1200) });
    await build({ contentDir, outDir });
    expect(existsSync(join(root, '.depeche', 'images-dist'))).toBe(true);
    const recordPath = join(contentDir, RECORD_FILE);
    const remote = '{ src: "https://images.example/a.jpg", alt: x, width: 1200, height: 675 }';
    writeFileSync(recordPath, readFileSync(recordPath, 'utf8').replace(/^image: .*$/m, `image: ${remote}`));
    const result = await build({ contentDir, outDir });
    expect(existsSync(join(root, '.depeche', 'images-dist'))).toBe(false);
    expect(listed(outDir).filter((path) => /^images\/hero-/.test(path))).toEqual([]);
    expect(result.site.articles.every((article) => article.image?.local === undefined)).toBe(true);
  });

  it('moves the crops with the focal point, and only the crops', async () => {
    const { contentDir, outDir } = await site(HERO.replace('}', ', focus: { x: 0, y: 1 } }'), {
      'images/hero.jpg': await gradientJpeg(1600, 1200),
    });
    const result = await build({ contentDir, outDir, write: false });
    const local = result.site.articles.find((article) => article.image?.local)?.image?.local;
    expect(local?.crops.map((crop) => crop.box)).toEqual([
      { left: 0, top: 300, width: 1600, height: 900 },
      { left: 0, top: 0, width: 1600, height: 1200 },
      { left: 0, top: 0, width: 1200, height: 1200 },
    ]);
    expect(local?.crops[0]?.path).toMatch(/-16x9-f0-1000\.jpg$/);
    expect(local?.widths[0]?.webp.path).toMatch(/^images\/hero-[0-9a-f]{16}-480\.webp$/);
  });
});

describe('a bad local image', () => {
  const cases: [string, string, () => Promise<Uint8Array | string>, RegExp][] = [
    [
      'too small',
      '{ src: /images/hero.jpg, alt: x }',
      () => gradientJpeg(1600, 900),
      /^expected an image of at least 1200 × 1200 pixels .*found 1600 × 900$/,
    ],
    ['an SVG', '{ src: /images/hero.svg, alt: x }', async () => '<svg xmlns="http://www.w3.org/2000/svg"/>', /SVG/],
    [
      'not an image',
      '{ src: /images/hero.jpg, alt: x }',
      async () => 'plain text',
      /^expected an image file \(JPEG, PNG, WebP, AVIF\), found one that cannot be read/,
    ],
    [
      'truncated',
      '{ src: /images/hero.jpg, alt: x }',
      async () => (await gradientJpeg(1600, 1200)).subarray(0, 4000),
      /^expected an image file that decodes whole, found images\/hero.jpg that does not/,
    ],
    [
      '40,000 × 40,000 pixels',
      '{ src: /images/hero.png, alt: x }',
      async () => pngHeader(40_000, 40_000),
      /^expected an image of at most 100,000,000 pixels, found 40000 × 40000/,
    ],
    [
      'of another size than declared',
      '{ src: /images/hero.jpg, alt: x, width: 1200, height: 1200 }',
      () => gradientJpeg(1600, 1200),
      /^expected the file's width, 1600, found 1200$/,
    ],
  ];

  it.each(cases)('%s: the build names the record, field and what was expected, and keeps dist/', async (...args) => {
    const [, image, bytes, message] = args;
    const name = image.match(/\/(images\/hero\.\w+)/)?.[1] ?? '';
    // An earlier good site in dist/, from a good image: it must survive the failed build byte for byte.
    const { contentDir, outDir } = await site(HERO, { 'images/hero.jpg': await gradientJpeg(1600, 1200) });
    await build({ contentDir, outDir });
    const kept = Object.fromEntries(listed(outDir).map((path) => [path, readFileSync(join(outDir, path))]));
    const recordPath = join(contentDir, RECORD_FILE);
    writeFileSync(recordPath, readFileSync(recordPath, 'utf8').replace(/^image: .*$/m, `image: ${image}`));
    writeFileSync(join(contentDir, 'public', name), await bytes());
    const error = await build({ contentDir, outDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    const [problem, ...others] = (error as ContentError).problems;
    expect(others).toEqual([]);
    expect(problem?.file).toBe(join(contentDir, RECORD_FILE));
    expect(problem?.field).toMatch(/^image\.(src|width)$/);
    // A file that fails only when decoded is found after the records: the record and field, without a line.
    if (!message.source.includes('decodes whole')) expect(problem?.line).toBe(15);
    expect(problem?.message).toMatch(message);
    expect(listed(outDir)).toEqual(Object.keys(kept));
    for (const [path, bytes] of Object.entries(kept)) expect(readFileSync(join(outDir, path))).toEqual(bytes);
  });
});

/** A PNG of that size with no pixel data: its header is all a reader needs to know it is too large. */
function pngHeader(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(16))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function listed(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}
