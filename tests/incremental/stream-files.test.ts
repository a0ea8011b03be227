/**
 * Each stream's own files (its list pages and its three feeds) in an incremental build: after one edit,
 * only the streams that the record belongs to, or belonged to before the edit, are rendered again; the
 * others are linked from the previous site. The test lists the files the rebuild rewrote (new inodes in
 * dist/) and the streams it rendered (calls to `renderStream`), and compares dist/ with a full build's.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeCorpus } from '../bench/corpus.js';
import { build } from '../../src/build.js';
import { renderStream } from '../../src/render/index.js';
import { treeOf } from '../helpers/tree.js';

vi.mock('../../src/render/index.js', async (original) => {
  const actual = await original<typeof import('../../src/render/index.js')>();
  return { ...actual, renderStream: vi.fn(actual.renderStream) };
});

const RECORDS = 200;
// A day after the corpus's newest article: its News sitemap window holds a few.
const NOW = new Date('2025-01-02T00:00:00Z');
let scratch: string;
let content: string;
let dist: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-stream-files-'));
  content = join(scratch, 'content');
  dist = join(scratch, 'dist');
  writeCorpus(content, { seed: 17, count: RECORDS });
  await build({ contentDir: content, outDir: dist, keepFiles: false, incremental: true, now: NOW });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `path → inode` of every file of dist/. */
function inodes(): Map<string, number> {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((path) => path.split('\\').join('/'));
  return new Map(
    files.flatMap((path) => {
      const stats = statSync(join(dist, path));
      return stats.isFile() ? [[path, stats.ino] as const] : [];
    }),
  );
}

/**
 * Rebuilds incrementally; gives the files it rewrote (a new inode: a file linked from the previous site,
 * whether reused or rendered to the same bytes, keeps its own), sorted, and the streams it rendered.
 */
async function rebuild(
  compare = false,
): Promise<{ rewritten: string[]; streams: string[]; reused: number; files: number }> {
  const before = inodes();
  vi.mocked(renderStream).mockClear();
  const result = await build({ contentDir: content, outDir: dist, keepFiles: false, incremental: true, now: NOW });
  const after = inodes();
  const rewritten = [...after].filter(([path, ino]) => before.get(path) !== ino).map(([path]) => path);
  const streams = vi.mocked(renderStream).mock.calls.map(([, stream]) => stream.path);
  if (compare) {
    const reference = join(scratch, 'reference');
    await build({ contentDir: content, outDir: reference, keepFiles: false, now: NOW });
    expect(treeOf(dist)).toEqual(treeOf(reference));
    rmSync(reference, { recursive: true });
  }
  return { rewritten: rewritten.sort(), streams: streams.sort(), reused: result.siteFilesReused, files: after.size };
}

interface Front {
  title: string;
  slug?: string;
  section: string;
  tags: string[];
  authors: string[];
}

/** The newest record: its path and front matter, read with js-yaml. */
function newest(): { path: string; front: Front } {
  const records = readdirSync(join(content, 'articles')).map((name) => {
    const path = join(content, 'articles', name);
    const front = load(readFileSync(path, 'utf8').split('---\n')[1] ?? '') as Front & { datePublished: string };
    return { path, front, date: Date.parse(front.datePublished) };
  });
  const [first] = records.sort((a, b) => b.date - a.date);
  if (first === undefined) throw new Error('no record');
  return first;
}

/** A name as the corpus's streams' folders spell it: lower case, no accents, hyphens. */
const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The stream folders among `paths` (`tags/ia/page/2/index.html` → `tags/ia/`). */
const streamFolders = (paths: readonly string[]): string[] => [
  ...new Set(
    paths.flatMap((path) => {
      const match = /^(sections|tags|auteurs)\/([^/]+)\//.exec(path);
      return match === null ? [] : [`${match[1]}/${match[2]}/`];
    }),
  ),
];

describe('an incremental rebuild after one edit', () => {
  it('links every stream’s files when nothing changed', async () => {
    const { rewritten, streams, reused, files } = await rebuild();
    expect(rewritten).toEqual([]);
    expect(streams).toEqual([]);
    expect(reused).toBeGreaterThan(files / 2);
  });

  it('renders only the streams of a record whose title changed; rewrites the files that show the title', async () => {
    const { path, front } = newest();
    const title = 'Un titre tout neuf pour la une';
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
    const { rewritten, streams } = await rebuild();
    const expected = [
      `sections/${slug(front.section)}/`,
      ...front.tags.map((tag) => `tags/${slug(tag)}/`),
      ...front.authors.map((author) => `auteurs/${author}/`),
    ].sort();
    expect(streams).toEqual(expected);
    // Every file that shows the new title was rewritten, and no other.
    const showing = [...inodes().keys()].filter((file) => readFileSync(join(dist, file), 'utf8').includes(title));
    expect(rewritten).toEqual(showing.sort());
    // Of each of its streams: the first page (the newest are listed first) and the three feeds.
    for (const folder of expected) {
      expect(rewritten).toEqual(
        expect.arrayContaining([`${folder}index.html`, `${folder}feed.xml`, `${folder}atom.xml`, `${folder}feed.json`]),
      );
    }
    expect(streamFolders(rewritten).sort()).toEqual(expected);
    expect(rewritten).toEqual(expect.arrayContaining(['index.html', 'feed.xml', 'atom.xml', 'feed.json']));
  });

  it('renders the streams of a record moved from one tag to another, the one it left too, and no other', async () => {
    const { path, front } = newest();
    const [left] = front.tags;
    const joined = ['Climat', 'Budget', 'Retraites', 'Logement', 'Nucléaire'].find((tag) => !front.tags.includes(tag));
    if (left === undefined || joined === undefined) throw new Error('no tag to move');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(new RegExp(`^  - ${left}$`, 'm'), `  - ${joined}`));
    const { rewritten, streams } = await rebuild(true);
    // Its feed items carry its tags (RSS `category`, Atom `category`, JSON Feed `tags`): every stream it is in.
    const expected = [
      `sections/${slug(front.section)}/`,
      ...[...front.tags, joined].map((tag) => `tags/${slug(tag)}/`),
      ...front.authors.map((author) => `auteurs/${author}/`),
    ].sort();
    expect(streams).toEqual(expected);
    expect(streamFolders(rewritten).sort()).toEqual(expected);
    // The stream it left no longer lists it; the one it joined does, first.
    const url = (folder: string): string => readFileSync(join(dist, folder, 'index.html'), 'utf8');
    // Its address: the home page's first item (the newest first).
    const link = /<h3><a href="([^"]+)">/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1];
    expect(link).toMatch(/^https:\/\/depeche\.example\/.+/);
    expect(url(`tags/${slug(joined)}/`)).toContain(`href="${link}"`);
    expect(url(`tags/${slug(left)}/`)).not.toContain(`href="${link}"`);
    // Besides the streams' files: the tags' index (its counts), the streams' sitemap (the lastmod of the tag's
    // first page), and what shows the record's tags.
    const others = rewritten.filter((file) => streamFolders([file]).length === 0);
    expect(others).toEqual(expect.arrayContaining(['tags/index.html', 'sitemap-streams.xml']));
    for (const file of others) {
      const text = readFileSync(join(dist, file), 'utf8');
      expect(text.includes(joined) || text.includes(`/tags/${slug(joined)}/`), file).toBe(true);
    }
  });
});
