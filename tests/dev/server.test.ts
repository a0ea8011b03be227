/**
 * The dev server over real HTTP on 127.0.0.1 (an ephemeral port), on a scratch copy of the seed:
 * what it serves and with which media types, and what an edit, a broken edit and its fix do.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevEvent, type DevServer, startDevServer } from '../../src/dev/server.js';
import { loadSite } from '../../src/build.js';
import { headerRules } from '../../src/render/headers.js';
import { SLUG, TITLE, copySeed, openEvents, until } from './helpers.js';

const seed = copySeed();
const events: DevEvent[] = [];
let server: DevServer;
let stream: Awaited<ReturnType<typeof openEvents>>;
const get = (path: string, init?: RequestInit): Promise<Response> =>
  fetch(new URL(path, server.url), { redirect: 'manual', ...init });
const titleOf = (html: string): string | undefined => /<h1>(.*?)<\/h1>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, '');

beforeAll(async () => {
  server = await startDevServer({
    contentDir: seed.contentDir,
    port: 0,
    host: '127.0.0.1',
    onEvent: (event) => events.push(event),
  });
  stream = await openEvents(new URL('/__depeche/events', server.url).href);
});
afterAll(async () => {
  stream?.close();
  await server?.close();
  rmSync(seed.dir, { recursive: true, force: true });
});

describe('startDevServer', () => {
  it('listens on an ephemeral port and builds once, in memory', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.url).not.toBe('http://127.0.0.1:0/');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'built', articles: 1, trigger: [] });
    expect((events[0] as { changed: string[] }).changed).toContain(`articles/${SLUG}/index.html`);
    const hello = await stream.next('hello');
    expect(hello.data).toEqual({ version: (events[0] as { version: string }).version, problems: [] });
  });

  it('serves the pages with the dev script, their links on the dev address', async () => {
    const response = await get(`/articles/${SLUG}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(titleOf(html)).toBe(TITLE);
    expect(html).toContain(`<link rel="canonical" href="${server.url}articles/${SLUG}/">`);
    expect(html).toMatch(
      new RegExp(
        `<script src="/__depeche/client.js" data-path="articles/${SLUG}/index.html" data-version="[^"]+" ` +
          `defer></script>\\n</body>`,
      ),
    );
    const home = await get('/');
    expect(await home.text()).toContain(`href="${server.url}articles/${SLUG}/"`);
    const script = await get('/__depeche/client.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('new EventSource("/__depeche/events")');
  });

  it('serves the feeds and the JSON-LD with the media types _headers gives them in production', async () => {
    const { site } = await loadSite(seed.contentDir, server.url);
    const production = new Map(
      headerRules(site).flatMap((rule) =>
        rule.headers.filter(([name]) => name === 'Content-Type').map(([, value]) => [rule.path, value] as const),
      ),
    );
    const cases: [string, string][] = [
      ['/feed.xml', '/feed.xml'],
      ['/atom.xml', '/atom.xml'],
      ['/feed.json', '/feed.json'],
      [`/articles/${SLUG}/index.jsonld`, '/articles/:slug/index.jsonld'],
    ];
    for (const [path, rule] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(production.get(rule));
      const body = await response.text();
      expect(body, path).not.toContain('__depeche');
      expect(body, path).toContain(server.url);
    }
    expect((await get('/sitemap.xml')).headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect((await get('/robots.txt')).headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const logo = await get('/logo.png');
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await logo.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('answers like a static host: 404 page, folder redirect, HEAD, no _headers, GET only', async () => {
    const missing = await get('/nulle-part/');
    expect(missing.status).toBe(404);
    const page = await missing.text();
    expect(page).toContain('<h1>Page introuvable</h1>');
    expect(page).toContain('data-path="404.html"');
    const folder = await get(`/articles/${SLUG}`);
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe(`/articles/${SLUG}/`);
    const head = await get('/feed.xml', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await head.text()).toBe('');
    expect((await get('/_headers')).status).toBe(404);
    const post = await get('/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('rebuilds on an edit, tells the open pages what changed, and serves the new content', async () => {
    const seen = stream.events.length;
    const before = events.length;
    const started = performance.now();
    seed.edit((text) => text.replace(`title: ${TITLE}`, 'title: Un titre « modifié »'));
    const built = await stream.next('built', seen);
    const latency = performance.now() - started;
    const changed = built.data.changed as string[];
    expect(changed).toEqual(
      expect.arrayContaining([`articles/${SLUG}/index.html`, 'index.html', 'feed.xml', 'atom.xml', 'feed.json']),
    );
    expect(changed).not.toContain('logo.png');
    expect(changed).not.toContain('robots.txt');
    expect(titleOf(await (await get(`/articles/${SLUG}/`)).text())).toBe('Un titre « modifié »');
    expect(await (await get('/feed.xml')).text()).toContain('<title>Un titre « modifié »</title>');
    await until('the built event', () => events.length > before);
    const event = events.at(-1) as Extract<DevEvent, { type: 'built' }>;
    expect(event.type).toBe('built');
    expect(event.trigger).toEqual([join('articles', `${SLUG}.md`)]);
    expect(event.version).toBe(built.data.version);
    console.info(`dev server: edit → built event in ${latency.toFixed(0)} ms (build ${event.durationMs} ms)`);
  });

  it('keeps the last good site on a broken edit and reports the problem', async () => {
    const seen = stream.events.length;
    const before = events.length;
    seed.edit((text) => text.replace('datePublished: 2024-02-28T09:00:00+01:00', 'datePublished: 2024-02-28'));
    const problems = await stream.next('problems', seen);
    const lines = problems.data.problems as string[];
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`articles/${SLUG}\\.md:\\d+ datePublished: expected .*found "2024-02-28"`));
    await until('the problems event', () => events.length > before);
    const event = events.at(-1) as Extract<DevEvent, { type: 'problems' }>;
    expect(event.type).toBe('problems');
    expect(event.problems.map((problem) => problem.field)).toEqual(['datePublished']);
    const page = await (await get(`/articles/${SLUG}/`)).text();
    expect(titleOf(page)).toBe('Un titre « modifié »');
    // A page opened now is told the problems as soon as it connects.
    const late = await openEvents(new URL('/__depeche/events', server.url).href);
    try {
      const hello = await late.next('hello');
      expect(hello.data.problems).toEqual(lines);
      expect(page).toContain(`data-version="${String(hello.data.version)}"`);
    } finally {
      late.close();
    }
  });

  it('recovers when the record is fixed', async () => {
    const seen = stream.events.length;
    writeFileSync(seed.record, seed.original);
    const built = await stream.next('built', seen);
    expect(built.data.changed).toContain(`articles/${SLUG}/index.html`);
    expect(titleOf(await (await get(`/articles/${SLUG}/`)).text())).toBe(TITLE);
    expect(events.at(-1)?.type).toBe('built');
    const late = await openEvents(new URL('/__depeche/events', server.url).href);
    try {
      expect((await late.next('hello')).data.problems).toEqual([]);
    } finally {
      late.close();
    }
  });

  it('gives the warnings of a record that builds, as a build does', async () => {
    const before = events.length;
    seed.edit((text) => text.replace(`title: ${TITLE}`, `title: "${TITLE}\\u0001"`));
    await until('the built event', () => events.length > before);
    const event = events.at(-1) as Extract<DevEvent, { type: 'built' }>;
    expect(event.type).toBe('built');
    expect(event.warnings.map(({ file, field, message }) => ({ file, field, message }))).toEqual([
      {
        file: expect.stringMatching(new RegExp(`articles/${SLUG}\\.md$`)),
        field: 'title',
        message: 'removed 1 control character (U+0001) that not every output can carry',
      },
    ]);
    const fixed = events.length;
    writeFileSync(seed.record, seed.original);
    await until('the built event', () => events.length > fixed);
    expect((events.at(-1) as Extract<DevEvent, { type: 'built' }>).warnings).toEqual([]);
  });

  it('turns a burst of saves into one or two builds, the last content served', async () => {
    const before = events.length;
    for (let i = 1; i <= 10; i += 1) seed.edit(() => seed.original.replace(`title: ${TITLE}`, `title: Version ${i}`));
    await until('a build', () => events.length > before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const builds = events.slice(before).filter((event) => event.type === 'built');
    expect(builds.length).toBeGreaterThanOrEqual(1);
    expect(builds.length).toBeLessThanOrEqual(2);
    expect(titleOf(await (await get(`/articles/${SLUG}/`)).text())).toBe('Version 10');
    writeFileSync(seed.record, seed.original);
    await until('the original back', () => events.length > before + builds.length);
  });
});

describe('startDevServer on content that does not build', () => {
  it('starts anyway, shows the problems, and serves the site once it is fixed; close ends everything', async () => {
    const broken = copySeed();
    broken.edit((text) => text.replace(`title: ${TITLE}\n`, ''));
    const seen: DevEvent[] = [];
    const dev = await startDevServer({
      contentDir: broken.contentDir,
      port: 0,
      host: '127.0.0.1',
      onEvent: (event) => seen.push(event),
    });
    try {
      expect(seen.map((event) => event.type)).toEqual(['problems']);
      const waiting = await fetch(dev.url);
      expect(waiting.status).toBe(503);
      const page = await waiting.text();
      expect(page).toMatch(/title: expected/);
      expect(page).toContain('data-path="*"');
      const stream = await openEvents(new URL('/__depeche/events', dev.url).href);
      writeFileSync(broken.record, broken.original);
      await stream.next('built');
      expect((await fetch(dev.url)).status).toBe(200);
      stream.close();
    } finally {
      await dev.close();
      rmSync(broken.dir, { recursive: true, force: true });
    }
    await expect(fetch(dev.url)).rejects.toThrow();
  });

  it('refuses a content folder that does not exist', async () => {
    await expect(startDevServer({ contentDir: join(seed.dir, 'nowhere'), port: 0, host: '127.0.0.1' })).rejects.toThrow(
      /ENOENT/,
    );
  });
});

describe('startDevServer for a site under a path', () => {
  it('serves the site under the path of its url, and redirects / to it', async () => {
    const under = copySeed();
    const settings = join(under.contentDir, 'site.yaml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8').replace(/^url: .*$/m, 'url: https://news.example.org/actu/'),
    );
    const dev = await startDevServer({ contentDir: under.contentDir, port: 0, host: '127.0.0.1' });
    try {
      expect(dev.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/actu\/$/);
      const fetchDev = (path: string): Promise<Response> => fetch(new URL(path, dev.url), { redirect: 'manual' });
      const root = await fetchDev('/');
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/actu/');
      const page = await fetchDev(`/actu/articles/${SLUG}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`<link rel="canonical" href="${dev.url}articles/${SLUG}/">`);
      expect((await fetchDev(`/articles/${SLUG}/`)).status).toBe(404);
      expect((await fetchDev('/actu/robots.txt')).status).toBe(404);
    } finally {
      await dev.close();
      rmSync(under.dir, { recursive: true, force: true });
    }
  });
});
