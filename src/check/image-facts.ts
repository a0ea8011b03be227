/**
 * What a JSON-LD image (a URL, or an ImageObject) says of its size, and what its file says when the
 * site has it: read once, for Google's Article image rules and the logo rules alike.
 */
import { canParseUrl } from '../content/url.js';
import type { SiteContext } from './context.js';
import { type Finding, type Place, warning } from './finding.js';
import { imageSize, type PixelSize } from './image-size.js';
import { isObject } from './jsonld-terms.js';

export interface ImageFacts {
  url?: string;
  /** The declared width and height, when both are given. */
  declared?: { width: number; height: number };
  /** The file's own size, when the URL is a file of the site in a format whose header is read. */
  actual?: PixelSize;
}

export function imageFacts(context: SiteContext, image: unknown): ImageFacts {
  const url =
    typeof image === 'string' ? image : isObject(image) && typeof image.url === 'string' ? image.url : undefined;
  const width = isObject(image) ? pixels(image.width) : undefined;
  const height = isObject(image) ? pixels(image.height) : undefined;
  const located = url !== undefined && canParseUrl(url) ? context.locate(new URL(url)) : undefined;
  const bytes = located?.kind === 'found' ? context.files.bytes(located.path) : undefined;
  const actual = bytes === undefined ? undefined : imageSize(bytes);
  return {
    ...(url === undefined ? {} : { url }),
    ...(width === undefined || height === undefined ? {} : { declared: { width, height } }),
    ...(actual === undefined ? {} : { actual }),
  };
}

/** The size to judge the image by: the file's own, else the declared one. */
export function judgedSize(facts: ImageFacts): { width: number; height: number } | undefined {
  return facts.actual ?? facts.declared;
}

/** `image-size`: the declared width and height differ from the file's. */
export function sizeMismatch(facts: ImageFacts, place: Place): Finding[] {
  const { actual, declared, url } = facts;
  if (actual === undefined || declared === undefined) return [];
  if (actual.width === declared.width && actual.height === declared.height) return [];
  return [
    warning(
      'image-size',
      place,
      `declares ${declared.width} × ${declared.height} pixels, but ${url} is ${actual.width} × ${actual.height}`,
    ),
  ];
}

/** A width or height: a number, or a QuantitativeValue in pixels (`{"value": 1200, "unitCode": "E37"}`). */
function pixels(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (isObject(value) && typeof value.value === 'number' && (value.unitCode === undefined || value.unitCode === 'E37'))
    return value.value;
  if (typeof value === 'string' && /^\d+(?:\s*px)?$/.test(value)) return Number.parseInt(value, 10);
  return undefined;
}
