/**
 * The pages in a real browser (Debian's chromium through playwright-core): the seed built into a
 * scratch folder and served over HTTP, screenshots of the article page at desktop and phone widths
 * (in `tests/artifacts/`), axe-core in light and dark schemes, the layout at 390 px, the JSON-LD as the
 * browser reads it, and the dev server reloading an open page when its record is edited.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { type DevServer, startDevServer } from '../../src/dev/server.js';
import { SLUG, TITLE, copySeed } from '../dev/helpers.js';
import { artifacts, axe, launch, openPage, root, serveFolder } from './browser.js';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveFolder>>;
let scratch: string;
const ARTICLE = `articles/${SLUG}/`;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-browser-'));
  // The server first, for its address: the site is built for the URL it is served at.
  site = await serveFolder(join(scratch, 'dist'));
  await build({ contentDir: join(root, 'content'), outDir: join(scratch, 'dist'), baseUrl: site.url });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function open(
  path: string,
  width: number,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; external: string[] }> {
  const opened = await openPage(browser, width, colorScheme);
  const response = await opened.page.goto(new URL(path, site.url).href);
  expect(response?.ok() || path === 'nulle-part/', path).toBe(true);
  return opened;
}

/** The left and right edges of each block of the page, which must share one column. */
type Edges = [left: number, right: number];
function columns(page: Page): Promise<{ header: Edges; main: Edges; subscribe: Edges; footer: Edges }> {
  return page.evaluate(() => {
    const edges = (selector: string): [number, number] => {
      const box = document.querySelector(selector)?.getBoundingClientRect();
      if (!box) throw new Error(`no ${selector}`);
      return [Math.round(box.left), Math.round(box.right)];
    };
    return {
      header: edges('.site-header .wrap'),
      main: edges('main'),
      subscribe: edges('.subscribe'),
      footer: edges('.site-footer .wrap'),
    };
  });
}

describe('the article page in chromium', () => {
  for (const width of [1280, 390]) {
    it(`at ${width} px: screenshot, one column, no horizontal scroll, nothing from the network`, async () => {
      const { page, external } = await open(ARTICLE, width);
      await page.screenshot({ path: join(artifacts, `article-${width}.png`), fullPage: true });
      const layout = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      expect(layout.scroll).toBeLessThanOrEqual(layout.viewport);
      const edges = await columns(page);
      expect(new Set(Object.values(edges).map((edge) => edge.join()))).toHaveProperty('size', 1);
      const [left, right] = edges.main;
      if (width === 390) expect([left, layout.viewport - right]).toEqual([20, 20]);
      else expect(Math.abs(left - (layout.viewport - right))).toBeLessThanOrEqual(1);
      expect(external).toEqual([]);
      await page.context().close();
    });
  }

  it('sets the body text at a readable measure and line height', async () => {
    const { page } = await open(ARTICLE, 1280);
    const text = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('.body p')].slice(1);
      const style = getComputedStyle(paragraphs[0] as Element);
      const lineHeight = parseFloat(style.lineHeight);
      const lines = paragraphs.reduce((sum, p) => sum + Math.round(p.getBoundingClientRect().height / lineHeight), 0);
      const characters = paragraphs.reduce((sum, p) => sum + (p.textContent ?? '').length, 0);
      return {
        perLine: characters / lines,
        ratio: lineHeight / parseFloat(style.fontSize),
        fontSize: parseFloat(style.fontSize),
      };
    });
    console.info(
      `article body: ${text.fontSize} px, line height ${text.ratio.toFixed(2)}, ${text.perLine.toFixed(0)} ` +
        `characters a line`,
    );
    expect(text.ratio).toBeCloseTo(1.6, 2);
    expect(text.perLine).toBeGreaterThan(55);
    expect(text.perLine).toBeLessThan(85);
    await page.context().close();
  });

  it('needs no script but its JSON-LD, which the browser parses into the NewsArticle', async () => {
    const { page } = await open(ARTICLE, 1280);
    const read = await page.evaluate(() => {
      const scripts = [...document.querySelectorAll('script')];
      const data = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null') as {
        '@graph': { '@type': string; headline?: string }[];
      };
      return { other: scripts.filter((s) => s.type !== 'application/ld+json').length, graph: data['@graph'] };
    });
    expect(read.other).toBe(0);
    expect(read.graph.find((node) => node['@type'] === 'NewsArticle')?.headline).toBe(TITLE);
    await page.context().close();
  });

  it('keeps « » with their words when lines wrap', async () => {
    const { page } = await open(ARTICLE, 390);
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('.body span.nb')]
        .filter((span) => span.getClientRects().length > 1)
        .map((span) => span.textContent),
    );
    expect(broken).toEqual([]);
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of [ARTICLE, '', 'nulle-part/']) {
      it(`has no axe-core violations: /${path} in the ${colorScheme} scheme`, async () => {
        const { page } = await open(path, path === ARTICLE ? 390 : 1280, colorScheme);
        if (path === ARTICLE)
          await page.screenshot({ path: join(artifacts, `article-390-${colorScheme}.png`), fullPage: true });
        if (path === '')
          await page.screenshot({ path: join(artifacts, `home-1280-${colorScheme}.png`), fullPage: true });
        expect(await axe(page)).toEqual([]);
        await page.context().close();
      });
    }
  }
});

describe('the dev server in chromium', () => {
  let dev: DevServer;
  const seed = copySeed();
  afterAll(async () => {
    await dev?.close();
    rmSync(seed.dir, { recursive: true, force: true });
  });

  it('reloads the open page on an edit, shows a broken record over the last good page, recovers', async () => {
    dev = await startDevServer({ contentDir: seed.contentDir, port: 0, host: '127.0.0.1' });
    const { page, external } = await openPage(browser, 1280);
    await page.goto(new URL(ARTICLE, dev.url).href);
    await page.waitForFunction(() => document.querySelector('script[src="/__depeche/client.js"]') !== null);
    // Let the page connect to the event stream before the edit.
    await page.waitForTimeout(200);

    const started = performance.now();
    seed.edit((text) => text.replace(`title: ${TITLE}`, 'title: Un titre modifié dans le navigateur'));
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'Un titre modifié dans le navigateur',
      undefined,
      { timeout: 10_000 },
    );
    const latency = performance.now() - started;
    console.info(`dev server: edit → page reloaded with the new title in ${latency.toFixed(0)} ms`);
    expect(latency).toBeLessThan(5_000);

    seed.edit((text) => text.replace('datePublished: 2024-02-28T09:00:00+01:00', 'datePublished: demain'));
    const panel = page.locator('depeche-problems');
    await panel.waitFor({ timeout: 10_000 });
    // Playwright's CSS selectors reach into the panel's open shadow root.
    expect(await page.locator('depeche-problems [role=alert]').textContent()).toMatch(
      /datePublished: expected .*found "demain"/,
    );
    await page.screenshot({ path: join(artifacts, 'dev-problems-1280.png') });
    expect(await page.locator('h1').textContent()).toBe('Un titre modifié dans le navigateur');

    writeFileSync(seed.record, seed.original);
    await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, TITLE, {
      timeout: 10_000,
    });
    expect(await panel.count()).toBe(0);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
