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
import type { Article, ImageFile, LocalImage, OutputFile } from '../model.js';
import { JPEG, MAX_PIXELS, WEBP } from './settings.js';

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

/** Encodes or takes from the cache every variant of the articles' pictures, each once. */
export async function encodeImages(articles: readonly Article[], options: EncodeOptions): Promise<EncodedImages> {
  const { cacheDir } = options;
  const done = new Set<string>();
  const result: EncodedImages = { paths: [], bytes: new Map(), problems: [] };
  for (const article of articles) {
    for (const { source, jobs, field } of picturesOf(article)) {
      const bytes = options.sources.get(source);
      if (bytes === undefined) throw new Error(`${source} was described, then not found`);
      try {
        // Two articles, or an article and its body, may share a picture: its files are made and placed once.
        const fresh = jobs.filter((job) => !done.has(job.file.path));
        for (const [job, contents] of await made(bytes, fresh, cacheDir, options.onEncode)) {
          options.place({ path: job.file.path, contents });
          result.paths.push(job.file.path);
          done.add(job.file.path);
          if (job.crop) result.bytes.set(job.file.url, contents.byteLength);
        }
      } catch (error) {
        if (!(error instanceof Error) || !isDecodeError(error)) throw error;
        result.problems.push({
          file: article.sourcePath,
          field,
          message: `expected an image file that decodes whole, found ${source} that does not: ${error.message}`,
        });
      }
    }
  }
  if (cacheDir !== undefined && existsSync(cacheDir)) prune(cacheDir, done);
  return result;
}

/** The article's image and the pictures of its body, each with the variants it needs and the field naming it. */
function* picturesOf(article: Article): Generator<{ source: string; jobs: VariantJob[]; field: string }> {
  const local = article.image?.local;
  if (local !== undefined) {
    yield { source: local.source, jobs: [...widthJobs(local.widths), ...cropJobs(local.crops)], field: 'image.src' };
  }
  for (const picture of article.bodyPictures ?? [])
    yield { source: picture.source, jobs: [...widthJobs(picture.widths)], field: '(body)' };
}

/** Each job's file, from the cache or encoded: the source decoded once, only when one is missing. */
async function made(
  source: Uint8Array,
  jobs: readonly VariantJob[],
  cacheDir: string | undefined,
  onEncode: ((path: string) => void) | undefined,
): Promise<[VariantJob, Uint8Array][]> {
  const found = jobs.map((job) => cached(cacheDir, job.file));
  const missing = jobs.filter((_job, index) => found[index] === undefined);
  const pixels = missing.length > 0 ? await decode(source) : undefined;
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
  crop: boolean;
  make: (image: Sharp) => Sharp;
}

function* widthJobs(widths: LocalImage['widths']): Generator<VariantJob> {
  for (const { width, webp, jpeg } of widths) {
    yield { file: webp, crop: false, make: (image) => image.resize({ width }).webp(WEBP) };
    yield { file: jpeg, crop: false, make: (image) => opaque(image.resize({ width })).jpeg(JPEG) };
  }
}

function* cropJobs(crops: LocalImage['crops']): Generator<VariantJob> {
  for (const crop of crops) {
    yield {
      file: crop,
      crop: true,
      make: (image) => opaque(image.extract(crop.box).resize({ width: crop.width, height: crop.height })).jpeg(JPEG),
    };
  }
}

/** JPEG has no transparency: a transparent PNG is laid on white rather than on black. */
function opaque(image: Sharp): Sharp {
  return image.flatten({ background: '#ffffff' });
}

function cached(cacheDir: string | undefined, file: ImageFile): Uint8Array | undefined {
  if (cacheDir === undefined) return undefined;
  try {
    return readFileSync(join(cacheDir, cacheName(file)));
  } catch {
    return undefined;
  }
}

/** The source's pixels, upright, bounded before decoding; a truncated or corrupt file fails here. */
async function decode(source: Uint8Array): Promise<Pixels> {
  const { data, info } = await sharp(source, { limitInputPixels: MAX_PIXELS, failOn: 'truncated', autoOrient: true })
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
  const bytes = await job.make(sharp(pixels.data, { raw: pixels.raw })).toBuffer();
  onEncode?.(job.file.path);
  if (cacheDir !== undefined) {
    // Made by the first variant encoded: a site without local images, or a build that fails first, has none.
    mkdirSync(cacheDir, { recursive: true });
    // Written beside, then renamed: a build killed here leaves no half file under the variant's name.
    const name = cacheName(job.file);
    const temporary = join(cacheDir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temporary, bytes);
    renameSync(temporary, join(cacheDir, name));
  }
  return bytes;
}

/** The variant's file name: its path's last part, which holds the hash. */
function cacheName(file: ImageFile): string {
  return file.path.slice(file.path.lastIndexOf('/') + 1);
}

/** Drops what no article of this build uses, so the cache holds one site's variants (and goes with the last). */
function prune(cacheDir: string, used: ReadonlySet<string>): void {
  if (used.size === 0) {
    rmSync(cacheDir, { recursive: true, force: true });
    return;
  }
  const kept = new Set([...used].map((path) => path.slice(path.lastIndexOf('/') + 1)));
  for (const name of readdirSync(cacheDir)) {
    if (!kept.has(name)) rmSync(join(cacheDir, name), { force: true });
  }
}

/** sharp's errors for input it cannot decode, as opposed to the machine's (no space, no memory). */
function isDecodeError(error: Error): boolean {
  return !('code' in error) && !/memory/i.test(error.message);
}
