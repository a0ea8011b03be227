/**
 * What the build makes of a local image, in one place: the page's widths, the structured data's
 * crops, the encoders' settings, the bound on decoded pixels. Every hashed name covers these
 * (`IMAGE_SETTINGS` in describe.ts), so changing one renames every variant and the cache never
 * serves a stale one.
 */

/** The widths of the page's `srcset`, capped at the source's own width. */
export const PAGE_WIDTHS = [480, 800, 1200, 1600] as const;
/** The last of PAGE_WIDTHS: a source narrower than it is shown at its own width at most. */
export const MAX_PAGE_WIDTH = 1600;

/** Google asks for 16:9, 4:3 and 1:1 at 1,200 px wide or more; each crop is made at this width. */
export const CROP_WIDTH = 1200;

export const CROPS = [
  { name: '16x9', width: 16, height: 9 },
  { name: '4x3', width: 4, height: 3 },
  { name: '1x1', width: 1, height: 1 },
] as const;

/** The 1:1 crop at CROP_WIDTH needs that many pixels both ways: nothing is ever upscaled. */
export const MIN_SIDE = CROP_WIDTH;

/** Beyond this many pixels an image is refused before it is decoded (sharp's `limitInputPixels`). */
export const MAX_PIXELS = 100_000_000;

export const WEBP = { quality: 78, effort: 4 } as const;
export const JPEG = { quality: 80, mozjpeg: true } as const;

/** The folder of the site the variants go to; `_headers` caches its hashed names for a year. */
export const IMAGES_FOLDER = 'images';

/** Files of `public/` read as article images; anything else named as one is refused. */
export const RASTER_EXTENSIONS = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

/** The icons made from `favicon`, at the paths browsers ask for by name; the touch icon is laid on white. */
export const ICONS = { ico: [16, 32], png: 32, touch: 180, touchBackground: '#ffffff' } as const;

/** A raster favicon must be at least this wide and high: the touch icon is never upscaled. */
export const MIN_ICON_SIDE = ICONS.touch;

/** Google's Organization logo: at least 112 × 112 pixels. */
export const MIN_LOGO_SIDE = 112;
