/** A scratch copy of the valid fixture whose one article names a generated image: the images tests' site. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'valid');
const record = 'articles/tous-les-champs.md';

/** A JPEG of `width` × `height`, a gradient so that every crop differs from the others. */
export async function gradientJpeg(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = Math.floor((x * 255) / width);
      pixels[at + 1] = Math.floor((y * 255) / height);
      pixels[at + 2] = 90;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 70 })
    .toBuffer();
}

/** The site's folder; the record's `image:` line replaced by `image`, the files written under `public/`. */
export function imageSite(image: string, files: Record<string, Uint8Array | string>): string {
  const root = mkdtempSync(join(tmpdir(), 'depeche-images-'));
  const content = join(root, 'content');
  cpSync(fixture, content, { recursive: true });
  const path = join(content, record);
  const text = readFileSync(path, 'utf8').replace(/^image: .*$/m, `image: ${image}`);
  writeFileSync(path, text);
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(content, 'public', name)), { recursive: true });
    writeFileSync(join(content, 'public', name), bytes);
  }
  return root;
}

export const RECORD_FILE = record;
