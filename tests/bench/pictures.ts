/**
 * The pictures rows of `npm run bench -- --pictures`: the corpus of N articles (corpus.ts) with one
 * JPEG of 2,400 × 1,600 each, the file of `public/images/` its record names, then a cold build (no
 * `.depeche/`, every variant encoded) and a rebuild after editing one article (every variant taken
 * from `.depeche/images-dist`). Cached under `.bench/corpus/` beside the corpus it extends.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { runNode } from './child.js';
import type { Corpus } from './corpus.js';
import { buildSample, removeTree, type Row, type Sample } from './measure.js';

/** Bump when the pictures change, so a stale cached corpus is not reused. */
const PICTURES_VERSION = 2;
const WIDTH = 2400;
const HEIGHT = 1600;

/** `corpus` with a picture for each article, generated once. */
export async function withPictures(corpus: Corpus): Promise<Corpus> {
  const dir = `${corpus.dir}-pictures-v${PICTURES_VERSION}`;
  if (existsSync(join(dir, 'manifest.json'))) return { ...corpus, dir, reused: true };
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(corpus.dir, partial, { recursive: true });
  mkdirSync(join(partial, 'public', 'images'), { recursive: true });
  const photo = await grainyGradient();
  for (const [index, name] of corpus.articles.entries()) {
    // Each picture its own bytes and colours, as in a real archive: no two share a hash.
    const bytes = await sharp(photo.data, { raw: photo.raw })
      .modulate({ hue: (index * 37) % 360 })
      .jpeg({ quality: 85 })
      .toBuffer();
    const file = `p${index}.jpg`;
    writeFileSync(join(partial, 'public', 'images', file), bytes);
    const record = join(partial, 'articles', name);
    // The record's own image (a remote one, or none) gives way to its picture.
    const text = readFileSync(record, 'utf8').replace(/^image:.*\n(?:[ \t]+.*\n)*/m, '');
    writeFileSync(record, text.replace(/^---\n/, `---\nimage: { src: /images/${file}, alt: Photo ${index} }\n`));
  }
  // The manifest copied with the corpus marks it whole once renamed.
  renameSync(partial, dir);
  return { ...corpus, dir, reused: false };
}

/** A smooth gradient under a fine grain: about the bytes per pixel of a photograph. */
async function grainyGradient(): Promise<{ data: Buffer; raw: { width: number; height: number; channels: 3 } }> {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const at = (y * WIDTH + x) * 3;
      pixels[at] = Math.floor((x * 255) / WIDTH);
      pixels[at + 1] = Math.floor((y * 255) / HEIGHT);
      pixels[at + 2] = 110;
    }
  }
  const raw = { width: WIDTH, height: HEIGHT, channels: 3 } as const;
  const grain = { width: WIDTH, height: HEIGHT, channels: 3, background: '#808080' } as const;
  const data = await sharp(pixels, { raw })
    .composite([
      { input: { create: { ...grain, noise: { type: 'gaussian', mean: 128, sigma: 10 } } }, blend: 'overlay' },
    ])
    .raw()
    .toBuffer();
  return { data, raw };
}

/** The two rows: a cold build encoding every picture, then a one-edit rebuild encoding none. */
export async function benchPictures(
  corpus: Corpus,
  options: { root: string; workDir: string; log: (line: string) => void },
): Promise<Row[]> {
  const { root, workDir, log } = options;
  const pictures = await withPictures(corpus);
  const dist = join(workDir, 'dist');
  const size = corpus.count;
  const cold: Row = { size, name: `cold build, a ${WIDTH} × ${HEIGHT} JPEG an article, each encoded`, samples: [] };
  const edited: Row = { size, name: 'rebuild after editing one article, the pictures from .depeche/', samples: [] };
  const build = async (): Promise<Sample> => {
    const started = Date.now();
    const usage = await runNode(join(root, 'lib/cli.js'), ['build', '--content', pictures.dir, '--out', dist], {
      cwd: root,
      timeoutMs: Math.max(600_000, size * 2_000),
    });
    return buildSample(usage, dist, started);
  };
  removeTree(workDir);
  mkdirSync(workDir, { recursive: true });
  log(`N=${size}: pictures, cold build`);
  cold.samples.push(await build());
  const record = join(pictures.dir, 'articles', corpus.articles[Math.floor(size / 2)] ?? '');
  const text = readFileSync(record, 'utf8');
  try {
    writeFileSync(record, `${text}\nbench-edit\n`);
    log(`N=${size}: pictures, rebuild after one edit`);
    edited.samples.push(await build());
  } finally {
    writeFileSync(record, text);
    removeTree(workDir);
  }
  return [cold, edited];
}
