/**
 * `depeche dev` with `drafts: true` serves the records marked `draft: true`, as `build --drafts`
 * builds them, with a banner on their page (a draft dated after now has the scheduled banner too);
 * without it, a draft has no page. The built pages never have a banner. Pages read back with parse5.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { type DevEvent, type DevServer, startDevServer } from '../../src/dev/server.js';
import { dom, elements, text, type T } from '../helpers/html-reading.js';
import { copySeed, SLUG, until } from './helpers.js';

const seed = copySeed();
const NOW = new Date('2024-03-01T12:00:00Z');
const DRAFT = join(seed.contentDir, 'articles', 'brouillon.md');
const draftRecord = (datePublished: string, draft = 'draft: true\n'): string =>
  `---\ntitle: Un brouillon\ndescription: Pas encore relu.\ndatePublished: ${datePublished}\n` +
  `${draft}---\n\nLe texte.\n`;
const events: DevEvent[] = [];
let withDrafts: DevServer;
let withoutDrafts: DevServer;

beforeAll(async () => {
  writeFileSync(DRAFT, draftRecord('2024-02-29T09:00:00+01:00'));
  const options = { contentDir: seed.contentDir, port: 0, host: '127.0.0.1', now: NOW };
  withDrafts = await startDevServer({ ...options, drafts: true, onEvent: (event) => events.push(event) });
  withoutDrafts = await startDevServer(options);
});
afterAll(async () => {
  await withDrafts?.close();
  await withoutDrafts?.close();
  rmSync(seed.dir, { recursive: true, force: true });
});

/** The banners at the start of a page's body, by class, with parse5's errors checked. */
async function banners(server: DevServer, path: string): Promise<{ status: number; found: Map<string, string> }> {
  const response = await fetch(new URL(path, server.url));
  const { document, errors } = dom(await response.text());
  expect(errors).toEqual([]);
  const [body] = elements(document, 'body');
  const found = new Map<string, string>();
  for (const node of body?.childNodes ?? []) {
    if (!('tagName' in node) && text(node).trim() === '') continue;
    if (!('tagName' in node) || node.tagName !== 'p') break;
    const name = node.attrs.find((attribute) => attribute.name === 'class')?.value ?? '';
    if (!name.startsWith('depeche-dev-')) break;
    found.set(name, text(node as T.Element));
  }
  return { status: response.status, found };
}

describe('drafts in dev', () => {
  it('serves a draft with a "Brouillon / Draft" banner at the start of its page, no other page', async () => {
    const draft = await banners(withDrafts, '/articles/brouillon/');
    expect(draft.status).toBe(200);
    expect([...draft.found.keys()]).toEqual(['depeche-dev-draft']);
    expect(draft.found.get('depeche-dev-draft')).toMatch(/^Brouillon \/ Draft/);
    expect((await banners(withDrafts, `/articles/${SLUG}/`)).found.size).toBe(0);
    expect((await banners(withDrafts, '/')).found.size).toBe(0);
  });

  it('has no page for a draft without drafts', async () => {
    expect((await banners(withoutDrafts, '/articles/brouillon/')).status).toBe(404);
  });

  it('loses the banner when the draft line is removed, and gets both banners when dated after now', async () => {
    const count = events.length;
    writeFileSync(DRAFT, draftRecord('2024-02-29T09:00:00+01:00', ''));
    await until('the rebuild', () => events.length > count);
    expect((await banners(withDrafts, '/articles/brouillon/')).found.size).toBe(0);
    writeFileSync(DRAFT, draftRecord('2024-03-05T09:00:00+01:00'));
    await until('the second rebuild', () => events.length > count + 1);
    const page = await banners(withDrafts, '/articles/brouillon/');
    expect([...page.found.keys()].sort()).toEqual(['depeche-dev-draft', 'depeche-dev-scheduled']);
  });

  it('builds a draft with drafts, without a banner', async () => {
    writeFileSync(DRAFT, draftRecord('2024-02-29T09:00:00+01:00'));
    const built = await build({ contentDir: seed.contentDir, now: NOW, drafts: true, write: false });
    const page = built.files.find((file) => file.path === 'articles/brouillon/index.html');
    expect(String(page?.contents)).toContain('Un brouillon');
    expect(String(page?.contents)).not.toContain('depeche-dev-');
  });
});
