/**
 * The files a local image becomes, named and sized before any is encoded: the page's widths (WebP
 * and JPEG) and the three crops of the structured data, framed around the focal point. Pure: the
 * record's renderers read this description, and the encoder (encode.ts) makes exactly these files.
 */
import type { Focus, ImageFile, LocalImage } from '../model.js';
import { CROP_WIDTH, CROPS, IMAGES_FOLDER, MAX_PAGE_WIDTH, PAGE_WIDTHS } from './settings.js';

export interface SourceSize {
  width: number;
  height: number;
  hash: string;
}

/** The variants of the `public/` file at `sourcePath`, their URLs under `siteUrl`. */
export function localImage(siteUrl: string, sourcePath: string, source: SourceSize, focus: Focus): LocalImage {
  const name = variantName(siteUrl, sourcePath, source);
  const centred = focus.x === 0.5 && focus.y === 0.5;
  const at = centred ? '' : `-f${Math.round(focus.x * 1000)}-${Math.round(focus.y * 1000)}`;
  return {
    source: sourcePath,
    focus,
    widths: pageWidths(siteUrl, sourcePath, source),
    crops: CROPS.map((ratio) => {
      const box = cropBox(source, ratio.width / ratio.height, focus);
      return {
        ratio: ratio.name,
        ...name(`${ratio.name}${at}.jpg`),
        width: CROP_WIDTH,
        height: Math.round((CROP_WIDTH * ratio.height) / ratio.width),
        box,
      };
    }),
  };
}

/** The page's widths of a source, narrowest first, capped at its own width, each as WebP and JPEG. */
export function pageWidths(siteUrl: string, sourcePath: string, source: SourceSize): LocalImage['widths'] {
  const name = variantName(siteUrl, sourcePath, source);
  const widths = [...PAGE_WIDTHS.filter((width) => width < source.width), Math.min(source.width, MAX_PAGE_WIDTH)];
  return [...new Set(widths)].map((width) => ({
    width,
    height: Math.round((width * source.height) / source.width),
    webp: name(`${width}.webp`),
    jpeg: name(`${width}.jpg`),
  }));
}

function variantName(siteUrl: string, sourcePath: string, source: SourceSize): (suffix: string) => ImageFile {
  const stem = stemOf(sourcePath);
  return (suffix) => {
    const path = `${IMAGES_FOLDER}/${stem}-${source.hash}-${suffix}`;
    return { path, url: siteUrl + path };
  };
}

/** The largest box of `ratio` (width / height) in the source, as near the focal point's centre as it fits. */
function cropBox(
  source: { width: number; height: number },
  ratio: number,
  focus: Focus,
): { left: number; top: number; width: number; height: number } {
  const wide = source.width / source.height > ratio;
  const width = wide ? Math.round(source.height * ratio) : source.width;
  const height = wide ? source.height : Math.round(source.width / ratio);
  const place = (centre: number, size: number, whole: number): number =>
    Math.min(Math.max(Math.round(centre * whole - size / 2), 0), whole - size);
  return {
    left: place(focus.x, width, source.width),
    top: place(focus.y, height, source.height),
    width,
    height,
  };
}

/** The file name without its folder and extension, kept to characters every server and URL takes as they are. */
function stemOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).replace(/[^A-Za-z0-9_-]+/g, '-');
}
