/**
 * The dev server shows a record dated after its now, as `--future` builds it, with a banner on its
 * page; a build at the same now leaves the record out, and the built page, with `--future`, has no
 * banner. Pages read back with parse5.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { type DevEvent, type DevServer, startDevServer } from '../../src/dev/server.js';
import { dom, elements, text, type T } from '../helpers/html-reading.js';
import { copySeed, SLUG, until } from './helpers.js';

const seed = copySeed();
// Before the seed's datePublished (2024-02-28T09:00:00+01:00).
const NOW = new Date('2024-02-27T12:00:00Z');
const events: DevEvent[] = [];
let server: DevServer;

beforeAll(async () => {
  server = await startDevServer({
    contentDir: seed.contentDir,
    port: 0,
    host: '127.0.0.1',
    now: NOW,
    onEvent: (event) => events.push(event),
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(seed.dir, { recursive: true, force: true });
});

/** The banners of a page: the elements of class `depeche-dev-scheduled`, with parse5's errors. */
async function banners(path: string): Promise<{ banners: T.Element[]; first: T.Element | undefined }> {
  const { document, errors } = dom(await (await fetch(new URL(path, server.url))).text());
  expect(errors).toEqual([]);
  const [body] = elements(document, 'body');
  const found = elements(document, 'p').filter((p) => p.attrs.some((a) => a.value === 'depeche-dev-scheduled'));
  const first = body?.childNodes.find((node): node is T.Element => 'tagName' in node);
  return { banners: found, first };
}

describe('a scheduled record in dev', () => {
  it('is served with a banner at the start of its page, and no other page has one', async () => {
    const page = await banners(`/articles/${SLUG}/`);
    expect(page.banners).toHaveLength(1);
    expect(page.first).toBe(page.banners[0]);
    expect(text(page.banners[0] as T.Element)).toContain('2024-02-28T09:00:00+01:00');
    expect((await banners('/')).banners).toEqual([]);
  });

  it('loses its banner when an edit dates it before now, and gets it back when dated after', async () => {
    const count = events.length;
    seed.edit((record) => record.replace(/^datePublished: .*$/m, 'datePublished: 2024-02-20T09:00:00+01:00'));
    await until('the rebuild', () => events.length > count);
    expect((await banners(`/articles/${SLUG}/`)).banners).toEqual([]);
    seed.edit(() => seed.original);
    await until('the second rebuild', () => events.length > count + 1);
    expect((await banners(`/articles/${SLUG}/`)).banners).toHaveLength(1);
  });

  it('is left out of a build at the same now, and built without a banner with future', async () => {
    const outDir = join(seed.dir, 'dist');
    await expect(build({ contentDir: seed.contentDir, outDir, now: NOW })).rejects.toThrow(/scheduled records/);
    const built = await build({ contentDir: seed.contentDir, outDir, now: NOW, future: true, write: false });
    const page = built.files.find((file) => file.path === `articles/${SLUG}/index.html`);
    expect(String(page?.contents)).not.toContain('depeche-dev-scheduled');
    expect(String(page?.contents)).toContain('<h1>');
  });
});
