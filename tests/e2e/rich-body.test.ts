/**
 * A record with a table, footnotes, a YouTube iframe, a `<script>` and an `onclick`, in Chromium:
 * the table, the footnotes and the iframe render, the script and the handler are gone, no markup
 * shows as text, a footnote link stays on the page, and axe-core finds no violation (contrast included),
 * on a desktop and on a phone, where nothing widens the page.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { RICH_RECORD } from '../helpers/rich-record.js';
import { axe, launch, openPage, serveFolder } from './browser.js';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveFolder>>;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-rich-body-'));
  const content = join(scratch, 'content');
  mkdirSync(join(content, 'articles'), { recursive: true });
  cpSync(join(import.meta.dirname, '../fixtures/valid/site.yaml'), join(content, 'site.yaml'));
  cpSync(join(import.meta.dirname, '../fixtures/valid/public/logo.png'), join(content, 'public/logo.png'));
  writeFileSync(join(content, 'articles/riche.md'), RICH_RECORD);
  site = await serveFolder(join(scratch, 'dist'));
  await build({ contentDir: content, outDir: join(scratch, 'dist'), baseUrl: site.url });
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a rich body in Chromium', () => {
  it('renders its table, footnotes and iframe, runs nothing, shows no markup, and passes axe-core', async () => {
    const { page } = await openPage(browser, 1280);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const url = new URL('articles/riche/', site.url).href;
    expect((await page.goto(url))?.ok()).toBe(true);
    const seen = await page.evaluate(() => {
      const size = (selector: string) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return box === undefined ? [0, 0] : [Math.round(box.width), Math.round(box.height)];
      };
      return {
        cells: [...document.querySelectorAll('.body td, .body th')].map((cell) => (cell as HTMLElement).innerText),
        table: size('.body table'),
        iframe: size('.body iframe'),
        column: size('.body'),
        notes: (document.querySelector('.body section.footnotes') as HTMLElement | null)?.innerText ?? '',
        scripts: [...document.querySelectorAll('script')].map((script) => script.type),
        handlers: [...document.querySelectorAll('*')].filter((el) =>
          [...el.attributes].some((a) => /^on/i.test(a.name)),
        ).length,
        text: document.body.innerText,
      };
    });
    expect(seen.cells).toEqual(['Ville', 'Votants', 'Lyon', '12']);
    expect(seen.table[0]).toBeGreaterThan(0);
    // A video fills the column at 16:9, whatever width its code gave it.
    expect(seen.iframe[0]).toBe(seen.column[0]);
    expect(Math.abs((seen.iframe[1] ?? 0) - ((seen.column[0] ?? 0) * 9) / 16)).toBeLessThanOrEqual(1);
    expect(seen.notes).toContain('Source : AFP.');
    expect(seen.scripts).toEqual(['application/ld+json']);
    expect(seen.handlers).toBe(0);
    expect(seen.text).not.toMatch(/<\/?[a-z][^>]*>/i);
    await page.click('sup.footnote-ref a');
    expect(page.url()).toBe(`${url}#fn1`);
    expect(errors).toEqual([]);
    expect(await axe(page)).toEqual([]);
  }, 60_000);

  it('on a 320 px phone: the page never scrolls sideways, the embed fits the column at 16:9', async () => {
    const { page } = await openPage(browser, 320);
    expect((await page.goto(new URL('articles/riche/', site.url).href))?.ok()).toBe(true);
    const seen = await page.evaluate(() => {
      const box = document.querySelector('.body iframe')?.getBoundingClientRect();
      return {
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        iframe: box === undefined ? [0, 0] : [box.width, box.height],
      };
    });
    expect(seen.page).toBeLessThanOrEqual(seen.viewport);
    expect(seen.iframe[0]).toBeLessThanOrEqual(seen.viewport);
    expect(Math.abs((seen.iframe[1] ?? 0) - ((seen.iframe[0] ?? 0) * 9) / 16)).toBeLessThanOrEqual(1);
    expect(await axe(page)).toEqual([]);
  }, 60_000);
});
