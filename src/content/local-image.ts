/**
 * A record's `image` → the model's `Image`. A remote image is taken as written, with its declared
 * width and height. A file of the site (`/images/hero.jpg`, `content/public/images/hero.jpg`) that
 * the build found among the images of `public/` (`SiteConfig.images`) is described by its variants
 * (images/variants.ts): its size is the file's, it must be large enough for the 1:1 crop at 1,200 px,
 * and a declared width or height must be the file's. Pure.
 */
import type { SiteConfig } from '../config.js';
import { localImage } from '../images/variants.js';
import { CROP_WIDTH, MIN_SIDE } from '../images/settings.js';
import type { Image } from '../model.js';
import type { ArticleRecord } from './article-schema.js';
import { cleanText } from './clean-text.js';
import { resolveHttpUrl } from './url.js';

type RecordImage = NonNullable<ArticleRecord['image']>;

/** A problem of the record's image, at its field under `image`. */
export interface ImageProblem {
  field: 'src' | 'width' | 'height';
  message: string;
}

const CENTRE = { x: 0.5, y: 0.5 } as const;

export function imageOfRecord(
  config: Pick<SiteConfig, 'url' | 'images' | 'imageVariants'>,
  image: RecordImage,
): { image: Image } | { problems: ImageProblem[] } {
  const url = resolveHttpUrl(image.src, config.url) ?? config.url;
  const written = writtenFields(image, url);
  const sourcePath = sitePathOf(config.url, url);
  const source = sourcePath === undefined ? undefined : config.images?.get(sourcePath);
  if (sourcePath === undefined || source === undefined) {
    const problems: ImageProblem[] = [];
    for (const field of ['width', 'height'] as const) {
      if (image[field] === undefined)
        problems.push({ field, message: `expected the ${field} in pixels of an image that is not a file of the site` });
    }
    if (image.width === undefined || image.height === undefined) return { problems };
    return { image: { ...written, width: image.width, height: image.height } };
  }
  if ('problem' in source) return { problems: [{ field: 'src', message: source.problem }] };
  const problems: ImageProblem[] = [];
  if (source.width < MIN_SIDE || source.height < MIN_SIDE) {
    problems.push({
      field: 'src',
      message:
        `expected an image of at least ${MIN_SIDE} × ${MIN_SIDE} pixels (its 1:1 crop is ${CROP_WIDTH} px wide, ` +
        `never upscaled), found ${source.width} × ${source.height}`,
    });
  }
  for (const field of ['width', 'height'] as const) {
    const declared = image[field];
    if (declared !== undefined && declared !== source[field])
      problems.push({ field, message: `expected the file's ${field}, ${source[field]}, found ${declared}` });
  }
  if (problems.length > 0) return { problems };
  if (config.imageVariants === false) return { image: { ...written, width: source.width, height: source.height } };
  const local = localImage(config.url, sourcePath, source, image.focus ?? CENTRE);
  const [wide] = local.crops;
  if (wide === undefined) throw new Error('a local image has its crops');
  return { image: { ...written, url: wide.url, width: wide.width, height: wide.height, local } };
}

/** What the record says of the image besides its size, cleaned. */
function writtenFields(image: RecordImage, url: string): Omit<Image, 'width' | 'height'> {
  return {
    url,
    alt: cleanText(image.alt),
    ...(image.caption === undefined ? {} : { caption: cleanText(image.caption) }),
    ...(image.credit === undefined ? {} : { credit: cleanText(image.credit) }),
    ...(image.license === undefined ? {} : { license: image.license }),
    ...(image.acquireLicensePage === undefined ? {} : { acquireLicensePage: image.acquireLicensePage }),
    ...(image.copyright === undefined ? {} : { copyright: cleanText(image.copyright) }),
  };
}

/** The site path (`images/a.jpg`) of an absolute URL inside the site; undefined outside it. */
export function sitePathOf(siteUrl: string, url: string): string | undefined {
  if (!url.startsWith(siteUrl)) return undefined;
  const path = new URL(url).pathname.slice(new URL(siteUrl).pathname.length);
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
