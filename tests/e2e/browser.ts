/**
 * For the browser tests: Debian's chromium driven by playwright-core, a tiny static server that
 * answers like a static host (files, `404.html`, the media types of `_headers`), and axe-core.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join, normalize } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { mediaType } from '../../src/dev/media-types.js';

export const root = join(import.meta.dirname, '../..');
/** Screenshots land here (git-ignored), for people and CI to look at. */
export const artifacts = join(root, 'tests/artifacts');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Serves `dir` on 127.0.0.1 at an ephemeral port: `x/` → `x/index.html`, else `404.html` with 404. */
export async function serveFolder(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
    try {
      if (file.startsWith('..')) throw new Error('outside the folder');
      const body = await readFile(join(dir, file));
      response.writeHead(200, { 'Content-Type': mediaType(file) }).end(body);
    } catch {
      response
        .writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(await readFile(join(dir, '404.html')));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A page of `width` CSS pixels in a fresh context; any request that leaves 127.0.0.1 is refused and
 * recorded in `external`, so a test can say the page needs nothing from the network.
 */
export async function openPage(
  browser: Browser,
  width: number,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; external: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const external: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('http://127.0.0.1:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  return { page, external };
}

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page (WCAG 2.x A and AA, and its best practices); returns the violations. */
export async function axe(page: Page): Promise<Violation[]> {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('axe-core') });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}
