/**
 * The edge where local images are encoded: each variant the records describe (variants.ts) made
 * with sharp, or taken from the cache folder when a build made it before. A variant's name hashes
 * its source's bytes, the settings and sharp's version (describe.ts), and the focal point for a
 * crop, so the name is the cache key: a file of that name in the cache is that variant. Runs after
 * the records, before the site-wide files, which read the crops' lengths (the feeds' enclosures).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { Problem } from '../errors.js';
import type { Article, Favicon, Image, ImageFile, LocalImage, OutputFile } from '../model.js';
import { icoFile } from './ico.js';
import { ICONS, JPEG, MAX_PIXELS, WEBP } from './settings.js';

/** The size an SVG source is drawn at before its variants are made from it: twice the touch icon's. */
const SVG_SIDE = 2 * ICONS.touch;

export interface EncodeOptions {
  /** The bytes of the files of `public/`, by site path. */
  sources: ReadonlyMap<string, Uint8Array>;
  /** Where encoded variants are kept between builds (`imageCacheFolder`); none: every variant is encoded. */
  cacheDir?: string;
  /** Given each variant's file as it goes to the site. */
  place: (file: OutputFile) => void;
  /** Called for each variant actually encoded (not taken from the cache): tests count them. */
  onEncode?: (path: string) => void;
}

export interface EncodedImages {
  /** The output path of every variant placed. */
  paths: string[];
  /** The length of each crop, by URL. */
  bytes: Map<string, number>;
  /** An image that could not be decoded, at the field of the first record naming it. */
  problems: Problem[];
}

/** The cache folder of the output folder `outDir`: `.depeche/images-<out>` beside it. */
export function imageCacheFolder(outDir: string): string {
  const target = resolve(outDir);
  return join(dirname(target), '.depeche', `images-${basename(target)}`);
}

/** The pictures of `site.yaml`: the articles' default image (its crops alone) and the icons. */
export interface SitePictures {
  /** `site.yaml`'s file, which problems name. */
  file: string;
  image?: Image;
  favicon?: Favicon;
}

/** Encodes or takes from the cache every variant of the site's and the articles' pictures, each once. */
export async function encodeImages(
  articles: readonly Article[],
  options: EncodeOptions,
  site: SitePictures = { file: 'site.yaml' },
): Promise<EncodedImages> {
  const { cacheDir } = options;
  const done = new Set<string>();
  // The names in the cache of the files of `done`.
  const kept = new Set<string>();
  const result: EncodedImages = { paths: [], bytes: new Map(), problems: [] };
  const sources = [
    { file: site.file, pictures: sitePicturesOf(site) },
    ...articles.map((article) => ({ file: article.sourcePath, pictures: picturesOf(article) })),
  ];
  for (const { file, pictures } of sources) {
    for (const { source, jobs, field, svg } of pictures) {
      const bytes = options.sources.get(source);
      if (bytes === undefined) throw new Error(`${source} was described, then not found`);
      try {
        // Two articles, or an article and its body, may share a picture: its files are made and placed once.
        const fresh = jobs.filter((job) => !done.has(job.file.path));
        for (const [job, contents] of await made(bytes, svg === true, fresh, cacheDir, options.onEncode)) {
          options.place({ path: job.file.path, contents });
          result.paths.push(job.file.path);
          done.add(job.file.path);
          kept.add(cacheName(job));
          if (job.crop) result.bytes.set(job.file.url, contents.byteLength);
        }
      } catch (error) {
        if (!(error instanceof Error) || !isDecodeError(error)) throw error;
        result.problems.push({
          file,
          field,
          message: `expected an image file that decodes whole, found ${source} that does not: ${error.message}`,
        });
      }
    }
  }
  if (cacheDir !== undefined && existsSync(cacheDir)) prune(cacheDir, kept);
  return result;
}

interface Picture {
  source: string;
  /** An SVG source, rasterised large enough for its largest variant. */
  svg?: true;
  jobs: VariantJob[];
  field: string;
}

/** The article's image and the pictures of its body, each with the variants it needs and the field naming it. */
function* picturesOf(article: Article): Generator<Picture> {
  const local = article.image?.local;
  if (local !== undefined) {
    yield { source: local.source, jobs: [...widthJobs(local.widths), ...cropJobs(local.crops)], field: 'image.src' };
  }
  for (const picture of article.bodyPictures ?? [])
    yield { source: picture.source, jobs: [...widthJobs(picture.widths)], field: '(body)' };
}

/** The default image's crops (the pages never show it, only their metadata) and the icons. */
function* sitePicturesOf(site: SitePictures): Generator<Picture> {
  const local = site.image?.local;
  if (local !== undefined) yield { source: local.source, jobs: [...cropJobs(local.crops)], field: 'image.src' };
  const { favicon } = site;
  if (favicon !== undefined) {
    const svg = favicon.svg === undefined ? {} : { svg: true as const };
    yield { source: favicon.source, ...svg, jobs: iconJobs(favicon), field: 'favicon' };
  }
}

/** Each job's file, from the cache or encoded: the source decoded once, only when one is missing. */
async function made(
  source: Uint8Array,
  svg: boolean,
  jobs: readonly VariantJob[],
  cacheDir: string | undefined,
  onEncode: ((path: string) => void) | undefined,
): Promise<[VariantJob, Uint8Array][]> {
  const found = jobs.map((job) => cached(cacheDir, job));
  const missing = jobs.filter((_job, index) => found[index] === undefined);
  const pixels = missing.length > 0 ? await decode(source, svg) : undefined;
  // Encoded side by side: libvips runs each on its own thread.
  const encoded = new Map(
    await Promise.all(missing.map(async (job) => [job, await encode(pixels, job, cacheDir, onEncode)] as const)),
  );
  return jobs.map((job, index) => {
    const contents = found[index] ?? encoded.get(job);
    if (contents === undefined) throw new Error(`${job.file.path} was neither cached nor made`);
    return [job, contents];
  });
}

/** The articles with the lengths of their crops: the feeds' enclosures carry them. */
export function withImageBytes(articles: readonly Article[], bytes: ReadonlyMap<string, number>): Article[] {
  return articles.map((article) => {
    const { image } = article;
    if (image?.local === undefined) return article;
    const crops = image.local.crops.map((crop) => {
      const length = bytes.get(crop.url);
      return length === undefined ? crop : { ...crop, bytes: length };
    });
    return { ...article, image: { ...image, local: { ...image.local, crops } } };
  });
}

interface VariantJob {
  file: ImageFile;
  /** The file's name in the cache; default: its path's last part, which holds the hash. */
  cacheName?: string;
  crop: boolean;
  /** The file's bytes, from a fresh sharp of the source's pixels each time it is called. */
  make: (image: () => Sharp) => Promise<Uint8Array>;
}

function* widthJobs(widths: LocalImage['widths']): Generator<VariantJob> {
  for (const { width, webp, jpeg } of widths) {
    yield { file: webp, crop: false, make: (image) => image().resize({ width }).webp(WEBP).toBuffer() };
    yield { file: jpeg, crop: false, make: (image) => opaque(image().resize({ width })).jpeg(JPEG).toBuffer() };
  }
}

function* cropJobs(crops: LocalImage['crops']): Generator<VariantJob> {
  for (const crop of crops) {
    yield {
      file: crop,
      crop: true,
      make: (image) =>
        opaque(image().extract(crop.box).resize({ width: crop.width, height: crop.height }))
          .jpeg(JPEG)
          .toBuffer(),
    };
  }
}

/** The icons at their fixed paths, cached under names of their hash. */
function iconJobs(favicon: Favicon): VariantJob[] {
  const png = (image: () => Sharp, side: number): Promise<Buffer> =>
    image().resize({ width: side, height: side, fit: 'contain', background: TRANSPARENT }).png(PNG).toBuffer();
  return [
    {
      file: favicon.ico,
      cacheName: `favicon-${favicon.hash}.ico`,
      crop: false,
      make: async (image) => icoFile(await Promise.all(ICONS.ico.map((side) => png(image, side)))),
    },
    {
      file: favicon.png,
      cacheName: `favicon-${favicon.hash}-${ICONS.png}.png`,
      crop: false,
      make: (image) => png(image, ICONS.png),
    },
    {
      file: favicon.touch,
      cacheName: `favicon-${favicon.hash}-touch.png`,
      crop: false,
      // iOS shows a transparent touch icon on black: it is laid on the background instead.
      make: async (image) =>
        sharp(await png(image, ICONS.touch))
          .flatten({ background: ICONS.touchBackground })
          .png(PNG)
          .toBuffer(),
    },
  ];
}

const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 } as const;
const PNG = { compressionLevel: 9 } as const;

/** JPEG has no transparency: a transparent PNG is laid on white rather than on black. */
function opaque(image: Sharp): Sharp {
  return image.flatten({ background: '#ffffff' });
}

function cached(cacheDir: string | undefined, job: VariantJob): Uint8Array | undefined {
  if (cacheDir === undefined) return undefined;
  try {
    return readFileSync(join(cacheDir, cacheName(job)));
  } catch {
    return undefined;
  }
}

/**
 * The source's pixels, upright, bounded before decoding; a truncated or corrupt file fails here. An SVG
 * is drawn with its shorter side at SVG_SIDE pixels (at 72 dpi, its own size, a small icon would be blurred).
 */
async function decode(source: Uint8Array, svg: boolean): Promise<Pixels> {
  const input = { limitInputPixels: MAX_PIXELS, failOn: 'truncated', autoOrient: true } as const;
  let density: number | undefined;
  if (svg) {
    const { width = 0, height = 0 } = await sharp(source, input).metadata();
    const side = Math.min(width, height);
    if (side > 0) density = Math.min(Math.max((72 * SVG_SIDE) / side, 1), 100_000);
  }
  const { data, info } = await sharp(source, density === undefined ? input : { ...input, density })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, raw: { width: info.width, height: info.height, channels: info.channels } };
}

interface Pixels {
  data: Buffer;
  raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

async function encode(
  pixels: Pixels | undefined,
  job: VariantJob,
  cacheDir: string | undefined,
  onEncode: ((path: string) => void) | undefined,
): Promise<Uint8Array> {
  if (pixels === undefined) throw new Error(`${job.file.path} is encoded without its source's pixels`);
  const bytes = await job.make(() => sharp(pixels.data, { raw: pixels.raw }));
  onEncode?.(job.file.path);
  if (cacheDir !== undefined) {
    // Made by the first variant encoded: a site without local images, or a build that fails first, has none.
    mkdirSync(cacheDir, { recursive: true });
    // Written beside, then renamed: a build killed here leaves no half file under the variant's name.
    const name = cacheName(job);
    const temporary = join(cacheDir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temporary, bytes);
    renameSync(temporary, join(cacheDir, name));
  }
  return bytes;
}

/** The variant's name in the cache. */
function cacheName(job: VariantJob): string {
  return job.cacheName ?? job.file.path.slice(job.file.path.lastIndexOf('/') + 1);
}

/** Drops what this build does not use (`kept`: cache names): the cache holds one site's variants, and goes with it. */
function prune(cacheDir: string, kept: ReadonlySet<string>): void {
  if (kept.size === 0) {
    rmSync(cacheDir, { recursive: true, force: true });
    return;
  }
  for (const name of readdirSync(cacheDir)) {
    if (!kept.has(name)) rmSync(join(cacheDir, name), { force: true });
  }
}

/** sharp's errors for input it cannot decode, as opposed to the machine's (no space, no memory). */
function isDecodeError(error: Error): boolean {
  return !('code' in error) && !/memory/i.test(error.message);
}
