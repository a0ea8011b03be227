/**
 * The ICO container (Microsoft's icon format) around PNG images, which every browser reads in a
 * `favicon.ico` (Windows Vista's PNG entries). Written here rather than with a package: ico-endec, the
 * small one, writes a PNG's bit depth per channel where the entry wants bits per pixel, and png-to-ico
 * decodes and re-encodes each PNG with pngjs. Layout: ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes)
 * an image, then the images.
 */

/** The ICO of `pngs`, each a PNG of at most 256 × 256 pixels, in that order. */
export function icoFile(pngs: readonly Uint8Array[]): Uint8Array {
  const headerLength = 6 + 16 * pngs.length;
  const out = new Uint8Array(headerLength + pngs.reduce((sum, png) => sum + png.byteLength, 0));
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true);
  view.setUint16(2, 1, true); // 1: an icon (2 would be a cursor)
  view.setUint16(4, pngs.length, true);
  let offset = headerLength;
  pngs.forEach((png, index) => {
    const { width, height, bitsPerPixel } = pngHeader(png);
    const entry = 6 + 16 * index;
    // 0 stands for 256.
    view.setUint8(entry, width % 256);
    view.setUint8(entry + 1, height % 256);
    view.setUint8(entry + 2, 0); // no palette
    view.setUint8(entry + 3, 0);
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, bitsPerPixel, true);
    view.setUint32(entry + 8, png.byteLength, true);
    view.setUint32(entry + 12, offset, true);
    out.set(png, offset);
    offset += png.byteLength;
  });
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Channels of each PNG colour type (grey, RGB, palette, grey + alpha, RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function pngHeader(png: Uint8Array): { width: number; height: number; bitsPerPixel: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const ihdr = String.fromCharCode(...png.subarray(12, 16));
  if (png.byteLength < 29 || PNG_SIGNATURE.some((byte, i) => png[i] !== byte) || ihdr !== 'IHDR')
    throw new Error('expected a PNG image');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width < 1 || width > 256 || height < 1 || height > 256)
    throw new Error(`expected a PNG of at most 256 × 256 pixels, found ${width} × ${height}`);
  const channels = CHANNELS[view.getUint8(25)];
  if (channels === undefined) throw new Error('expected a PNG colour type');
  return { width, height, bitsPerPixel: view.getUint8(24) * channels };
}
