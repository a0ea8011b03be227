/**
 * `site.yaml`'s pictures, read against the files of `public/` (describe.ts): the default `image` of
 * the articles without one (made into the three crops, as an article's own), the square `logo` (its
 * size the file's, at least 112 × 112) and the `favicon` source (a square raster of at least 180 px,
 * or an SVG). Pure: the settings and the files' descriptions in, the model's values or problems out.
 */
import { createHash } from 'node:crypto';
import { imageOfRecord, sitePathOf } from '../content/local-image.js';
import type { FieldPath } from '../content/yaml-position.js';
import type { Favicon, Focus, Image } from '../model.js';
import type { SourceImage } from './describe.js';
import { ICONS, MIN_ICON_SIDE, MIN_LOGO_SIDE } from './settings.js';

/** What the pictures are read against: the images of `public/`; `variants: false` makes none (`depeche dev`). */
export interface PictureFiles {
  images: ReadonlyMap<string, SourceImage>;
  /** The public folder as problems name it (`content/public`). */
  publicDir: string;
  variants?: boolean;
}

/** The settings as written, every `src` made absolute. */
export interface PictureSettings {
  image?: {
    src: string;
    alt: string;
    caption?: string;
    credit?: string;
    license?: string;
    acquireLicensePage?: string;
    copyright?: string;
    focus?: Focus;
  };
  logo?: string;
  favicon?: string;
}

const IMAGE_FORMATS = 'JPEG, PNG, WebP, AVIF, GIF, TIFF, or an SVG for the favicon';

export interface PictureProblem {
  path: FieldPath;
  message: string;
}

export function sitePictures(
  siteUrl: string,
  publisherName: string,
  files: PictureFiles,
  settings: PictureSettings,
): { image?: Image; logo?: Image; favicon?: Favicon } | { problems: PictureProblem[] } {
  const problems: PictureProblem[] = [];
  const local = (path: FieldPath, url: string): SourceImage | undefined => {
    const sitePath = sitePathOf(siteUrl, url);
    const source = sitePath === undefined ? undefined : files.images.get(sitePath);
    if (sitePath === undefined)
      problems.push({
        path,
        message: `expected a file of ${files.publicDir}/, named from the site's URL ${siteUrl}, found ${url}`,
      });
    else if (source === undefined)
      problems.push({
        path,
        message: `expected an image file ${files.publicDir}/${sitePath} (${IMAGE_FORMATS}), found none`,
      });
    return source;
  };
  let image: Image | undefined;
  if (settings.image !== undefined && local(['image', 'src'], settings.image.src) !== undefined) {
    const made = imageOfRecord({ url: siteUrl, images: files.images, imageVariants: files.variants }, settings.image);
    if ('problems' in made)
      problems.push(...made.problems.map(({ field, message }) => ({ path: ['image', field], message })));
    else image = made.image;
  }
  const logo =
    settings.logo === undefined ? undefined : logoOf(settings.logo, publisherName, local(['logo'], settings.logo));
  if (typeof logo === 'string') problems.push({ path: ['logo'], message: logo });
  // `depeche dev` makes no icons: its pages link none.
  const favicon =
    settings.favicon === undefined
      ? undefined
      : faviconOf(siteUrl, settings.favicon, local(['favicon'], settings.favicon), files.variants !== false);
  if (typeof favicon === 'string') problems.push({ path: ['favicon'], message: favicon });
  if (problems.length > 0) return { problems };
  return {
    ...(image === undefined ? {} : { image }),
    ...(logo === undefined || typeof logo === 'string' ? {} : { logo }),
    ...(favicon === undefined || typeof favicon === 'string' ? {} : { favicon }),
  };
}

/** The logo, named by the publisher, or why it cannot be; undefined when the file is not there (reported already). */
function logoOf(url: string, publisherName: string, source: SourceImage | undefined): Image | string | undefined {
  if (source === undefined) return undefined;
  if ('problem' in source) return source.problem;
  if (source.width < MIN_LOGO_SIDE || source.height < MIN_LOGO_SIDE)
    return (
      `expected a logo of at least ${MIN_LOGO_SIDE} × ${MIN_LOGO_SIDE} pixels (Google's Organization logo), ` +
      `found ${source.width} × ${source.height} in ${url}`
    );
  return { url, alt: publisherName, width: source.width, height: source.height };
}

/** The icons of the source, or why it cannot be theirs; undefined when the file is not there. */
function faviconOf(
  siteUrl: string,
  url: string,
  source: SourceImage | undefined,
  made: boolean,
): Favicon | string | undefined {
  if (source === undefined) return undefined;
  const sitePath = sitePathOf(siteUrl, url) ?? '';
  let sourceHash: string;
  if ('problem' in source) {
    if (source.svgHash === undefined) return source.problem;
    sourceHash = source.svgHash;
  } else {
    if (source.width !== source.height || source.width < MIN_ICON_SIDE)
      return (
        `expected a square image of at least ${MIN_ICON_SIDE} × ${MIN_ICON_SIDE} pixels ` +
        `(the touch icon is ${ICONS.touch} px, never upscaled), or an SVG, found ${source.width} × ${source.height}`
      );
    sourceHash = source.hash;
  }
  if (!made) return undefined;
  const hash = createHash('sha256').update(JSON.stringify(ICONS)).update(sourceHash).digest('hex').slice(0, 16);
  const file = (path: string) => ({ path, url: siteUrl + path });
  return {
    source: sitePath,
    hash,
    ...('problem' in source ? { svg: url } : {}),
    ico: file('favicon.ico'),
    png: file('favicon-32x32.png'),
    touch: file('apple-touch-icon.png'),
  };
}
