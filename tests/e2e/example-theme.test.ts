/**
 * The example theme (examples/themes/gazette) in chromium: the embedded site built with it and served
 * over HTTP; its article and home pages have no axe-core violations, need nothing from the network, and
 * lay the front page out in two columns on a wide screen, one on a phone.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { themedContent } from '../theme/themed-site.js';
import { artifacts, axe, launch, openPage, root, serveFolder } from './browser.js';
import { SLUG } from '../dev/helpers.js';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveFolder>>;
let content: string;

beforeAll(async () => {
  content = themedContent(join(root, 'examples/themes/gazette'));
  site = await serveFolder(join(content, '..', 'dist'));
  await build({ contentDir: content, outDir: join(content, '..', 'dist'), baseUrl: site.url });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(join(content, '..'), { recursive: true, force: true });
});

describe('the example theme in chromium', () => {
  for (const [path, width] of [
    [`articles/${SLUG}/`, 390],
    [`articles/${SLUG}/`, 1280],
    ['', 1280],
    ['', 390],
  ] as const) {
    it(`has no axe-core violations and needs nothing from the network: /${path} at ${width} px`, async () => {
      const { page, external } = await openPage(browser, width);
      const response = await page.goto(new URL(path, site.url).href);
      expect(response?.ok()).toBe(true);
      const name = path === '' ? 'home' : 'article';
      await page.screenshot({ path: join(artifacts, `gazette-${name}-${width}.png`), fullPage: true });
      // The theme's own style sheet applies: the masthead's title is centred.
      expect(
        await page.evaluate(() => getComputedStyle(document.querySelector('.masthead') as Element).textAlign),
      ).toBe('center');
      expect(await axe(page)).toEqual([]);
      expect(external).toEqual([]);
      await page.context().close();
    });
  }

  it('lays the front page out in two columns on a wide screen and one on a phone', async () => {
    const columns = async (width: number): Promise<number> => {
      const { page } = await openPage(browser, width);
      await page.goto(site.url);
      const count = await page.evaluate(
        () => getComputedStyle(document.querySelector('.front') as Element).gridTemplateColumns.split(' ').length,
      );
      await page.context().close();
      return count;
    };
    expect(await columns(1280)).toBe(2);
    expect(await columns(390)).toBe(1);
  });
});
