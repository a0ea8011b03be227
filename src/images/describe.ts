/**
 * The edge where the build first looks at the images of `public/`: each raster file's size read
 * from its header (never decoded here) and its bytes hashed. What it gives is plain data, part of
 * the settings every record is rendered with (`SiteConfig.images`), so the renderers stay pure.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { PublicFile } from '../content/load.js';
import { CROP_WIDTH, CROPS, JPEG, MAX_PIXELS, PAGE_WIDTHS, RASTER_EXTENSIONS, WEBP } from './settings.js';

/** What every variant name hashes besides its source: these settings and the encoder's version. */
const IMAGE_SETTINGS = JSON.stringify({
  PAGE_WIDTHS,
  CROP_WIDTH,
  CROPS,
  WEBP,
  JPEG,
  sharp: sharp.versions.sharp,
  vips: sharp.versions.vips,
});

/**
 * A file of `public/` as an article image: its size and hash, or why it cannot be one (an SVG has the
 * hash of its bytes: it may be the source of the icons).
 */
export type SourceImage = { width: number; height: number; hash: string } | { problem: string; svgHash?: string };

/** Every raster or SVG file of `public/`, by its site path (`images/a.jpg`). */
export async function describeImages(files: readonly PublicFile[]): Promise<Map<string, SourceImage>> {
  const images = new Map<string, SourceImage>();
  for (const file of files) {
    if (/\.svg$/i.test(file.path)) {
      images.set(file.path, {
        problem: 'expected a raster image (JPEG, PNG, WebP, AVIF), found an SVG file',
        svgHash: hashOf(file.bytes),
      });
    } else if (RASTER_EXTENSIONS.test(file.path)) {
      images.set(file.path, await describeImage(file.bytes));
    }
  }
  return images;
}

async function describeImage(bytes: Uint8Array): Promise<SourceImage> {
  let metadata: Metadata;
  try {
    // Only the header is read here; the bound on pixels is checked below, with the size in the message.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: `expected an image file (JPEG, PNG, WebP, AVIF), found one that cannot be read: ${reason}` };
  }
  // EXIF orientations 5 to 8 turn the picture a quarter: the page shows it upright.
  const turned = (metadata.orientation ?? 1) >= 5;
  const width = turned ? metadata.height : metadata.width;
  const height = turned ? metadata.width : metadata.height;
  if (width * height > MAX_PIXELS) {
    return {
      problem:
        `expected an image of at most ${MAX_PIXELS.toLocaleString('en')} pixels, ` +
        `found ${width} × ${height} (${(width * height).toLocaleString('en')} pixels)`,
    };
  }
  return { width, height, hash: hashOf(bytes) };
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(IMAGE_SETTINGS).update(bytes).digest('hex').slice(0, 16);
}
