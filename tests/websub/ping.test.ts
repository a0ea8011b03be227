/**
 * WebSub, publisher side, end to end: a site built with a hub in `site.yaml` names it in every
 * feed, and `depeche ping` tells a real HTTP hub on loopback of exactly the topics that changed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ping } from '../../src/websub/ping.js';
import { depeche, scratchWithSeed } from '../cli/fake-io.js';
import { attr, dom, elements } from '../helpers/html-reading.js';
import { type LoopbackHub, startHub } from './loopback-hub.js';

const SITE = 'https://depeche.example/';
/** The site's own topics: its feeds and its home page. */
const MAIN = [`${SITE}feed.xml`, `${SITE}atom.xml`, `${SITE}feed.json`, SITE];
/** Every topic of the built seed: the main ones, then each stream's feeds (its sections', tags' and author's). */
let TOPICS: string[] = [];

let scratch: { dir: string; remove: () => void };
let hub: LoopbackHub;

beforeEach(async () => {
  scratch = scratchWithSeed();
  hub = await startHub();
  const settings = join(scratch.dir, 'content/site.yaml');
  writeFileSync(settings, `${readFileSync(settings, 'utf8')}websub:\n  hubs:\n    - ${hub.url}\n`);
});
afterEach(async () => {
  await hub.close();
  scratch.remove();
});

const run = (...args: string[]) => depeche(args, { cwd: scratch.dir });
const dist = (path: string): string => readFileSync(join(scratch.dir, 'dist', path), 'utf8');
const toldOf = (): string[] => hub.requests.map((request) => request.form['hub.url']?.join(' ') ?? '');

async function built(): Promise<void> {
  const result = await run('build', '--quiet');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const streamFeeds = readdirSync(join(scratch.dir, 'dist'), { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => /\/(feed\.xml|atom\.xml|feed\.json)$/.test(path) && !path.startsWith('feeds/'))
    .sort();
  expect(streamFeeds.length).toBeGreaterThan(0);
  // The streams' feeds by path, as the build lists them.
  TOPICS = [...MAIN, ...streamFeeds.map((path) => SITE + path)];
}

describe('a site with a WebSub hub', () => {
  it('names the hub in every feed, in _headers and on every page', async () => {
    await built();
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name.endsWith('link'),
    });
    const channel = xml.parse(dist('feed.xml')).rss.channel;
    expect(channel['atom:link']).toEqual([
      { href: `${SITE}feed.xml`, rel: 'self', type: 'application/rss+xml' },
      { href: `${SITE}feeds/archive/2024/02.xml`, rel: 'prev-archive', type: 'application/rss+xml' },
      { href: hub.url, rel: 'hub' },
    ]);
    const atom = xml.parse(dist('atom.xml')).feed;
    expect(atom.link.filter((link: { rel: string }) => link.rel === 'hub' || link.rel === 'self')).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: `${SITE}atom.xml` },
      { rel: 'hub', href: hub.url },
    ]);
    expect(JSON.parse(dist('feed.json')).hubs).toEqual([{ type: 'WebSub', url: hub.url }]);
    const headers = dist('_headers');
    for (const path of ['/feed.xml', '/atom.xml', '/feed.json']) {
      const rule = headers.split('\n\n').find((block) => block.startsWith(`${path}\n`));
      expect(rule?.split('\n')).toContain(`  Link: <${hub.url}>; rel="hub", <${SITE}${path.slice(1)}>; rel="self"`);
    }
    const article = 'articles/le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement/';
    for (const page of ['index.html', `${article}index.html`, '404.html']) {
      const hubs = elements(dom(dist(page)).document, 'link').filter((link) => attr(link, 'rel') === 'hub');
      expect(
        hubs.map((link) => attr(link, 'href')),
        page,
      ).toEqual([hub.url]);
    }
    // The hub's links leave the seed as clean as ever: no finding at all.
    const checked = await run('check');
    expect(checked).toMatchObject({ status: 0, stderr: '' });
    expect(checked.stdout).toMatch(/^depeche: checked \d+ files in dist\/ in .*: 0 errors, 0 warnings\n$/);
  });

  it('pings every topic once, form-encoded, then nothing until one changes', async () => {
    await built();
    const first = await run('ping');
    expect(first).toMatchObject({ status: 0, stderr: '' });
    expect(hub.requests.map(({ method, contentType }) => `${method} ${contentType}`)).toEqual(
      TOPICS.map(() => 'POST application/x-www-form-urlencoded'),
    );
    expect(hub.requests.map((request) => request.form)).toEqual(
      TOPICS.map((topic) => ({ 'hub.mode': ['publish'], 'hub.url': [topic] })),
    );
    expect(first.stdout).toContain(`pinged ${hub.url} for ${SITE}feed.xml (202)\n`);
    expect(first.stdout).toContain(`${TOPICS.length} pings sent, 0 topics unchanged`);

    const again = await run('ping');
    expect(again.status).toBe(0);
    expect(hub.requests).toHaveLength(TOPICS.length);
    expect(again.stdout).toContain(`0 pings sent, ${TOPICS.length} topics unchanged`);

    // The body is in the site's feeds, not on the home page nor in the streams' feeds (their standfirsts).
    const record = join(
      scratch.dir,
      'content/articles',
      'le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement.md',
    );
    writeFileSync(record, `${readFileSync(record, 'utf8')}\nUn paragraphe de plus.\n`);
    await built();
    hub.requests.length = 0;
    expect((await run('ping')).status).toBe(0);
    expect(toldOf()).toEqual(MAIN.slice(0, 3));
  });

  it('reports a refusal with its status and answer, does not retry it, and tells the hub again next time', async () => {
    await built();
    hub.answer({ status: 400, body: 'hub.url is not a known topic' });
    const refused = await run('ping');
    expect(refused.status).toBe(1);
    expect(hub.requests).toHaveLength(TOPICS.length);
    expect(refused.stderr).toContain(
      `refused ${hub.url} for ${SITE}feed.xml after 1 try (HTTP 400: hub.url is not a known topic)\n`,
    );
    hub.answer({ status: 204 });
    hub.requests.length = 0;
    expect((await run('ping')).status).toBe(0);
    expect(toldOf()).toEqual(TOPICS);
  });

  it('tries again after a 5xx or a 429, waiting longer each time', async () => {
    await built();
    hub.answer({ status: 503 }, { status: 429 }, { status: 202 });
    const report = await ping({ outDir: join(scratch.dir, 'dist'), backoffMs: 5 });
    expect(report.ok).toBe(true);
    expect(report.results[0]).toMatchObject({ topic: TOPICS[0], outcome: 'accepted', status: 202, attempts: 3 });
    expect(report.results.slice(1).map((result) => result.attempts)).toEqual(TOPICS.slice(1).map(() => 1));
    expect(toldOf()).toEqual([TOPICS[0], TOPICS[0], ...TOPICS]);
  });

  it('gives up on a hub that never answers, after its retries, and says so', async () => {
    await built();
    hub.answer('hang');
    // The hub never answers, so a short timeout only shortens the test.
    const report = await ping({ outDir: join(scratch.dir, 'dist'), timeoutMs: 50, retries: 1, backoffMs: 5 });
    expect(report.ok).toBe(false);
    expect(report.results).toHaveLength(TOPICS.length);
    for (const result of report.results) {
      expect(result).toMatchObject({ outcome: 'refused', attempts: 2, detail: 'no answer within 50 ms' });
    }
    expect(hub.requests).toHaveLength(TOPICS.length * 2);
  });

  it('says what it would send with --dry-run, sends nothing and remembers nothing', async () => {
    await built();
    const dry = await run('ping', '--dry-run');
    expect(dry.status).toBe(0);
    expect(hub.requests).toHaveLength(0);
    expect(dry.stdout).toContain(`would ping ${hub.url} for ${SITE}atom.xml\n`);
    expect(dry.stdout).toContain(`${TOPICS.length} pings to send`);
    await run('ping');
    expect(toldOf()).toEqual(TOPICS);
  });

  it('prints every answer as JSON with --json', async () => {
    await built();
    hub.answer({ status: 202 }, { status: 410, body: 'gone' }, { status: 202 });
    const result = await run('ping', '--json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; results: Record<string, unknown>[] };
    expect(report.ok).toBe(false);
    expect(report.results.map((entry) => [entry.topic, entry.outcome, entry.status])).toEqual([
      [TOPICS[0], 'accepted', 202],
      [TOPICS[1], 'refused', 410],
      ...TOPICS.slice(2).map((topic) => [topic, 'accepted', 202]),
    ]);
  });

  it('never pings for a build that failed', async () => {
    await built();
    const record = join(scratch.dir, 'content/articles/casse.md');
    writeFileSync(record, '---\ntitle: Cassé\n---\n');
    expect((await run('build', '--quiet')).status).toBe(1);
    const result = await run('ping');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/the last build of dist\/ failed: nothing was sent/);
    expect(hub.requests).toHaveLength(0);
  });

  it('refuses a --timeout that is not a number of seconds (exit 2)', async () => {
    const result = await run('ping', '--timeout', 'soon');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--timeout expects a number of seconds above 0, found "soon"/);
  });
});

describe('depeche ping without a hub or a build', () => {
  it('needs a build first (exit 1), then has nothing to ping without websub.hubs (exit 0)', async () => {
    const plain = scratchWithSeed();
    try {
      const before = await depeche(['ping'], { cwd: plain.dir });
      expect(before.status).toBe(1);
      expect(before.stderr).toMatch(/no build of dist\/ is known: run depeche build first/);
      expect((await depeche(['build', '--quiet'], { cwd: plain.dir })).status).toBe(0);
      const after = await depeche(['ping'], { cwd: plain.dir });
      expect(after).toMatchObject({ status: 0, stdout: 'depeche: site.yaml names no websub.hubs: nothing to ping\n' });
    } finally {
      plain.remove();
    }
  });
});
