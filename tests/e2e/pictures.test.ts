/**
 * An article with a local picture in Debian's chromium (playwright-core), at a phone's, a tablet's and a
 * desktop's width and pixel density: the browser picks from the `<picture>`'s `srcset` a candidate no wider
 * than the picture's box needs at that density, the box has its size before the picture arrives (the
 * `width`/`height` attributes; the pictures are held back until it is measured), chromium records no
 * `layout-shift`, and axe-core finds no violation.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { gradientJpeg, imageSite } from '../images/site.js';
import { axe, launch, serveFolder } from './browser.js';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveFolder>>;
let root: string;
const ARTICLE = 'articles/tous-les-champs/';

beforeAll(async () => {
  root = imageSite('{ src: /images/hero.jpg, alt: Une place au matin, caption: La place, credit: Jeanne Martin }', {
    'images/hero.jpg': await gradientJpeg(2400, 1600),
  });
  site = await serveFolder(join(root, 'dist'));
  await build({ contentDir: join(root, 'content'), outDir: join(root, 'dist'), baseUrl: site.url });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(root, { recursive: true, force: true });
});

interface Seen {
  currentSrc: string;
  candidates: { url: string; width: number }[];
  /** The picture's box in CSS pixels, before the picture arrived and once it is shown. */
  before: { width: number; height: number };
  after: { width: number; height: number };
  shift: number;
}

/** The article at `width` CSS pixels and `dpr`, its pictures held back until the page has been measured. */
async function seen(width: number, dpr: number): Promise<Seen & { violations: number }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: dpr });
  try {
    const page = await context.newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (!url.startsWith(site.url)) return route.abort();
      if (/\/images\/hero-/.test(url)) await held;
      return route.continue();
    });
    await page.addInitScript(() => {
      const record = window as unknown as { shift: number };
      record.shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) record.shift += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(new URL(ARTICLE, site.url).href, { waitUntil: 'domcontentloaded' });
    const box = () =>
      page.evaluate(() => {
        const image = document.querySelector('article figure img');
        if (!(image instanceof HTMLImageElement)) throw new Error('no picture');
        const { width, height } = image.getBoundingClientRect();
        return { width, height };
      });
    const before = await box();
    release();
    await page.waitForFunction(() => {
      const image = document.querySelector('article figure img');
      return image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0;
    });
    const after = await box();
    const facts = await page.evaluate(() => {
      const image = document.querySelector('article figure img') as HTMLImageElement;
      const source = document.querySelector('article figure source') as HTMLSourceElement;
      const candidates = source.srcset.split(',').map((candidate) => {
        const [url = '', descriptor = ''] = candidate.trim().split(/\s+/);
        return { url, width: Number.parseInt(descriptor, 10) };
      });
      return { currentSrc: image.currentSrc, candidates, shift: (window as unknown as { shift: number }).shift };
    });
    const violations = await axe(page);
    expect(violations).toEqual([]);
    return { ...facts, before, after, violations: violations.length };
  } finally {
    await context.close();
  }
}

describe('an article picture in chromium', () => {
  for (const [width, dpr] of [
    [390, 3],
    [768, 1],
    [1280, 2],
  ] as const) {
    it(`at ${width} px and ${dpr}x: a srcset candidate no wider than needed, no layout shift`, async () => {
      const result = await seen(width, dpr);
      const chosen = result.candidates.find((candidate) => candidate.url === result.currentSrc);
      expect(chosen, `${result.currentSrc} is a WebP candidate of the srcset`).toBeDefined();
      // What the box needs at this density: the narrowest candidate at least that wide (or the widest there is).
      const needed = result.after.width * dpr;
      const widths = result.candidates.map((candidate) => candidate.width).sort((a, b) => a - b);
      const enough = widths.find((candidate) => candidate >= needed) ?? widths.at(-1);
      expect(chosen?.width).toBeLessThanOrEqual(enough ?? 0);
      // Chromium may take the candidate below when it is close; never one far too small.
      expect(chosen?.width ?? 0).toBeGreaterThanOrEqual(Math.min(needed / 1.5, widths.at(-1) ?? 0));
      // The box is sized before the picture arrives. Each variant's height is rounded to whole pixels (800 × 533 of
      // a 3:2 source), so the box may move by a fraction of a pixel once it comes: below what the browser counts.
      expect(result.before.width).toBeGreaterThan(0);
      expect(result.after.width).toBe(result.before.width);
      expect(Math.abs(result.after.height - result.before.height)).toBeLessThan(1);
      expect(result.shift).toBe(0);
    });
  }
});
