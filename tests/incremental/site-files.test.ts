/**
 * The site-wide files of an incremental build (src/build-site-files.ts): a group (the listings: home
 * page, sitemaps, robots.txt, 404, _headers; the feeds) is rendered only when something it reads
 * changed, and linked from the previous site otherwise. Each step counts the calls to the group's
 * renderer during the incremental build, then compares dist/ file by file with a full build's.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeCorpus } from '../bench/corpus.js';
import { build } from '../../src/build.js';
import { renderFeeds, renderListings } from '../../src/render/index.js';
import { treeOf } from '../helpers/tree.js';

vi.mock('../../src/render/index.js', async (original) => {
  const actual = await original<typeof import('../../src/render/index.js')>();
  return { ...actual, renderListings: vi.fn(actual.renderListings), renderFeeds: vi.fn(actual.renderFeeds) };
});

const RECORDS = 10;
let scratch: string;
let content: string;
let dist: string;
let step = 0;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-site-files-'));
  content = join(scratch, 'content');
  dist = join(scratch, 'dist');
  writeCorpus(content, { seed: 11, count: RECORDS });
  // Three articles in the feeds, so that most records are out of them.
  const settings = join(content, 'site.yaml');
  const text = readFileSync(settings, 'utf8');
  expect(text).toMatch(/^feed:\n {2}limit: \d+$/m);
  writeFileSync(settings, text.replace(/^feed:\n {2}limit: \d+$/m, 'feed:\n  limit: 3'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The groups rendered by an incremental build; dist/ must then equal a full build's. */
async function rendered(): Promise<string[]> {
  vi.mocked(renderListings).mockClear();
  vi.mocked(renderFeeds).mockClear();
  await build({ contentDir: content, outDir: dist, keepFiles: false, incremental: true });
  const groups = [
    ...(vi.mocked(renderListings).mock.calls.length > 0 ? ['listings'] : []),
    ...(vi.mocked(renderFeeds).mock.calls.length > 0 ? ['feeds'] : []),
  ];
  const reference = join(scratch, `reference-${step++}`);
  await build({ contentDir: content, outDir: reference, keepFiles: false });
  expect(treeOf(dist)).toEqual(treeOf(reference));
  rmSync(reference, { recursive: true });
  return groups;
}

/** The records from the oldest to the newest, by their publication date (first line that gives it). */
function byDate(): string[] {
  const dated = readdirSync(join(content, 'articles')).map((name) => {
    const path = join(content, 'articles', name);
    return { path, date: Date.parse(/^datePublished: (.*)$/m.exec(readFileSync(path, 'utf8'))?.[1] ?? '') };
  });
  expect(dated.every(({ date }) => Number.isFinite(date))).toBe(true);
  return dated.sort((a, b) => a.date - b.date).map(({ path }) => path);
}
const record = (at: number): string => byDate().at(at) ?? '';

describe('the site-wide files of an incremental build', () => {
  it('are rendered the first time, then linked when nothing changed', async () => {
    expect(await rendered()).toEqual(['listings', 'feeds']);
    expect(await rendered()).toEqual([]);
  });

  it(
    'are all linked after an edit of an old article’s body; ' + 'the feeds are rendered after one of the newest',
    async () => {
      appendFileSync(record(0), '\nUne phrase ajoutée au corps de l’article.\n');
      expect(await rendered()).toEqual([]);
      appendFileSync(record(-1), '\nUne phrase ajoutée au corps de l’article le plus récent.\n');
      expect(await rendered()).toEqual(['feeds']);
      expect(readFileSync(join(dist, 'feed.xml'), 'utf8')).toContain('le plus récent.');
    },
  );

  it('render the listings again when an article’s title changes, or a record goes', async () => {
    const path = record(1);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, 'title: Un titre tout neuf'));
    expect(await rendered()).toEqual(['listings']);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('Un titre tout neuf');
    rmSync(record(2));
    expect(await rendered()).toEqual(['listings']);
  });

  it('render everything again when the settings change', async () => {
    const settings = join(content, 'site.yaml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8').replace(/^description: .*$/m, 'description: Une autre description.'),
    );
    expect(await rendered()).toEqual(['listings', 'feeds']);
  });

  it('write again a file of dist/ edited by hand, and one deleted', async () => {
    const home = join(dist, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('<title>', '<TITLE>'));
    expect(await rendered()).toEqual(['listings']);
    rmSync(join(dist, 'atom.xml'));
    expect(await rendered()).toEqual(['feeds']);
    expect(await rendered()).toEqual([]);
  });
});
