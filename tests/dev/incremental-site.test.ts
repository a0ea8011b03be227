/**
 * The dev server's incremental rebuilds against full builds: a sequence of edits on a generated
 * corpus of 60 records (more than the feeds' 50), each followed by a full `build({ write: false })`
 * of the same content, compared path by path; `changed` must list exactly the files whose bytes
 * changed, and a change of records must not build in full unless the pages' year moves.
 */
import { appendFileSync, mkdtempSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.js';
import { build } from '../../src/build.js';
import { createSiteState, type Rebuild, type SiteState } from '../../src/dev/site-state.js';
import { ContentError, formatProblem } from '../../src/errors.js';
import type { OutputFile } from '../../src/model.js';

const BASE_URL = 'http://127.0.0.1:4321/';
const dir = mkdtempSync(join(tmpdir(), 'depeche-incremental-'));
const contentDir = join(dir, 'content');
let names: string[];
let state: SiteState;

type Files = ReadonlyMap<string, OutputFile['contents']>;

const recordPath = (name: string): string => join(contentDir, 'articles', name);
const read = (name: string): string => readFileSync(recordPath(name), 'utf8');
const write = (name: string, text: string): void => writeFileSync(recordPath(name), text);
const setField = (text: string, field: string, value: string | undefined): string => {
  const line = new RegExp(`^${field}:.*\\n`, 'm');
  if (value === undefined) return text.replace(line, '');
  return line.test(text)
    ? text.replace(line, `${field}: ${value}\n`)
    : text.replace(/^---\n/, `---\n${field}: ${value}\n`);
};
const isoAfter = (iso: string, ms: number): string =>
  new Date(Date.parse(iso) + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A full build of the content as it is now: its files, or its problems. */
async function fullBuild(): Promise<
  { files: Files; newest: { datePublished: string; updated: string } } | { problems: string[] }
> {
  try {
    const result = await build({ contentDir, baseUrl: BASE_URL, write: false });
    const first = result.site.articles[0];
    return {
      files: new Map(result.files.map((file) => [file.path, file.contents] as const)),
      newest: { datePublished: first?.datePublished.iso ?? '', updated: result.site.updated.iso },
    };
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.problems.map(formatProblem) };
    throw error;
  }
}

/** The paths whose contents differ between two sets of files, sorted. */
function differences(a: Files, b: Files): string[] {
  const same = (x: OutputFile['contents'] | undefined, y: OutputFile['contents'] | undefined): boolean =>
    x === undefined || y === undefined ? x === y : Buffer.from(x).equals(Buffer.from(y));
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => !same(a.get(path), b.get(path))).sort();
}

/** Rebuilds after `paths` changed; checks the served files against a full build, and `changed` against what changed. */
async function rebuildAndCompare(paths: string[]): Promise<Extract<Rebuild, { ok: true }>> {
  const before = new Map(state.files);
  const outcome = await state.rebuild(paths);
  const expected = await fullBuild();
  if ('problems' in expected) throw new Error(`the full build failed:\n${expected.problems.join('\n')}`);
  if (!outcome.ok) throw new Error(`the rebuild failed:\n${state.problems.join('\n')}`);
  expect(differences(state.files, expected.files)).toEqual([]);
  expect([...state.files.keys()].sort()).toEqual([...expected.files.keys()].sort());
  expect(outcome.changed).toEqual(differences(before, state.files));
  return outcome;
}

/** Rebuilds after `paths` changed, expecting the problems a full build reports, and the files left as they were. */
async function rebuildExpectingProblems(paths: string[]): Promise<string[]> {
  const before = new Map(state.files);
  const outcome = await state.rebuild(paths);
  const expected = await fullBuild();
  if (!('problems' in expected)) throw new Error('the full build succeeded');
  expect(outcome.ok).toBe(false);
  expect(state.problems).toEqual(expected.problems);
  expect(differences(before, state.files)).toEqual([]);
  return expected.problems;
}

const changedPath = (name: string): string => join('articles', name);

beforeAll(async () => {
  names = writeCorpus(contentDir, { seed: 11, count: 60 }).articles.slice().sort();
  state = createSiteState(contentDir, BASE_URL, 'test');
  const first = await state.rebuild();
  expect(first).toMatchObject({ ok: true, scope: 'full', articles: 60 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('incremental rebuilds of the dev server', () => {
  it('edits a body: that page and the site-wide files, nothing else', async () => {
    const name = names[10] ?? '';
    write(name, `${read(name)}\nUn paragraphe ajouté, avec « guillemets » & <chevrons>.\n`);
    const outcome = await rebuildAndCompare([changedPath(name)]);
    expect(outcome.scope).toBe('records');
    expect(outcome.changed.filter((path) => path.startsWith('articles/'))).toHaveLength(1);
  });

  it('edits a title, then the same record twice in one burst with another', async () => {
    const name = names[11] ?? '';
    write(name, setField(read(name), 'title', '"Un titre entièrement nouveau : essai"'));
    const retitled = await rebuildAndCompare([changedPath(name)]);
    expect(retitled.scope).toBe('records');
    // The pages that list it are served anew, and named for the pages open in a browser to reload: its section's.
    const section = /^section: (.*)$/m.exec(read(name))?.[1] ?? '';
    const folder = `sections/${section
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')}/`;
    expect(retitled.changed.some((path) => path.startsWith(folder) && path.endsWith('index.html'))).toBe(true);
    const other = names[12] ?? '';
    write(other, setField(read(other), 'description', 'Une autre description, modifiée.'));
    write(name, `${read(name)}\nEncore une phrase.\n`);
    expect((await rebuildAndCompare([changedPath(other), changedPath(name), changedPath(name)])).scope).toBe('records');
  });

  it('makes a record the newest (into the feeds), then the oldest (out of them)', async () => {
    const name = names[20] ?? '';
    const full = await fullBuild();
    if (!('files' in full)) throw new Error('expected a site');
    const newest = isoAfter(full.newest.datePublished, 60_000);
    expect(newest.slice(0, 4)).toBe(full.newest.updated.slice(0, 4));
    write(name, setField(setField(read(name), 'dateModified', undefined), 'datePublished', newest));
    const up = await rebuildAndCompare([changedPath(name)]);
    expect(up.scope).toBe('records');
    expect(up.changed).toEqual(
      expect.arrayContaining(['feed.xml', 'atom.xml', 'feed.json', 'index.html', 'sitemap.xml']),
    );
    write(name, setField(read(name), 'datePublished', '1999-01-01T00:00:00+01:00'));
    expect((await rebuildAndCompare([changedPath(name)])).scope).toBe('records');
  });

  it('renders one record again when it moves the site’s last update to another year', async () => {
    const name = names[21] ?? '';
    const saved = read(name);
    write(name, setField(read(name), 'dateModified', '2099-06-01T12:00:00+02:00'));
    const outcome = await rebuildAndCompare([changedPath(name)]);
    expect(outcome.scope).toBe('records');
    // The record's own page and the home page show the new year; no other page does.
    const pages = outcome.changed.filter((path) => path.endsWith('index.html'));
    expect(pages).toContain('index.html');
    expect(pages.filter((path) => path.startsWith('articles/'))).toHaveLength(1);
    write(name, saved);
    expect((await rebuildAndCompare([changedPath(name)])).scope).toBe('records');
  });

  it('adds a record, moves its slug, and deletes another', async () => {
    const source = names[30] ?? '';
    const added = 'zz-un-nouvel-article.md';
    const text = setField(
      setField(setField(read(source), 'slug', undefined), 'id', undefined),
      'title',
      'Un nouvel article',
    );
    write(added, text);
    const add = await rebuildAndCompare([changedPath(added)]);
    expect(add).toMatchObject({ scope: 'records', articles: 61 });
    expect(add.changed).toContain('articles/zz-un-nouvel-article/index.html');
    write(added, setField(read(added), 'slug', 'un-autre-chemin'));
    const moved = await rebuildAndCompare([changedPath(added)]);
    expect(moved.changed).toEqual(
      expect.arrayContaining(['articles/zz-un-nouvel-article/index.html', 'articles/un-autre-chemin/index.html']),
    );
    const gone = names[31] ?? '';
    unlinkSync(recordPath(gone));
    expect(await rebuildAndCompare([changedPath(gone)])).toMatchObject({ scope: 'records', articles: 60 });
    names = names.filter((name) => name !== gone);
  });

  it('shows a broken record’s problems, keeps the files, and recovers with other edits made meanwhile', async () => {
    const broken = names[40] ?? '';
    const saved = read(broken);
    write(broken, setField(saved, 'datePublished', '2024-02-28'));
    const problems = await rebuildExpectingProblems([changedPath(broken)]);
    expect(problems).toHaveLength(1);
    const other = names[41] ?? '';
    write(other, `${read(other)}\nModifié pendant que l’autre était cassé.\n`);
    await rebuildExpectingProblems([changedPath(other)]);
    write(broken, saved);
    const fixed = await rebuildAndCompare([changedPath(broken)]);
    expect(fixed.scope).toBe('records');
    expect(fixed.changed).toEqual(
      expect.arrayContaining([`articles/${/^slug: (\S+)$/m.exec(read(other))?.[1] ?? other.slice(0, -3)}/index.html`]),
    );
    expect(state.problems).toEqual([]);
  });

  it('reports a slug taken by two records, as a full build does', async () => {
    const a = names[42] ?? '';
    const b = names[43] ?? '';
    const saved = read(b);
    const slugOfA = /^slug: (\S+)$/m.exec(read(a))?.[1] ?? a.slice(0, -3);
    write(b, setField(saved, 'slug', slugOfA));
    await rebuildExpectingProblems([changedPath(b)]);
    // A record after it broken too: the problems come in file-name order, across records or not.
    const c = names[44] ?? '';
    const savedC = read(c);
    write(c, setField(savedC, 'title', '""'));
    expect(await rebuildExpectingProblems([changedPath(c)])).toHaveLength(2);
    write(b, saved);
    write(c, savedC);
    expect((await rebuildAndCompare([changedPath(b), changedPath(c)])).scope).toBe('records');
  });

  it('reports a record that is not UTF-8, and a record replaced by a folder', async () => {
    const name = names[44] ?? '';
    const saved = readFileSync(recordPath(name));
    writeFileSync(recordPath(name), Buffer.concat([saved, Buffer.from([0xff, 0xfe, 0x0a])]));
    await rebuildExpectingProblems([changedPath(name)]);
    writeFileSync(recordPath(name), saved);
    expect((await rebuildAndCompare([changedPath(name)])).scope).toBe('records');
    mkdirSync(recordPath('dossier.md'));
    await rebuildExpectingProblems([changedPath('dossier.md')]);
    rmSync(recordPath('dossier.md'), { recursive: true });
    expect((await rebuildAndCompare([changedPath('dossier.md')])).scope).toBe('records');
  });

  it('leaves drafts out: a record made a draft, made public again, a new draft', async () => {
    const name = names[50] ?? '';
    const saved = read(name);
    write(name, setField(saved, 'draft', 'true'));
    const hidden = await rebuildAndCompare([changedPath(name)]);
    expect(hidden).toMatchObject({ scope: 'records', articles: 59 });
    expect(hidden.changed.some((path) => path.startsWith('articles/'))).toBe(true);
    write(name, saved);
    expect(await rebuildAndCompare([changedPath(name)])).toMatchObject({ scope: 'records', articles: 60 });
    write(
      'zz-brouillon.md',
      setField(setField(setField(saved, 'slug', 'brouillon'), 'id', undefined), 'draft', 'true'),
    );
    expect(await rebuildAndCompare([changedPath('zz-brouillon.md')])).toMatchObject({
      scope: 'records',
      articles: 60,
      changed: [],
    });
  });

  it('ignores a file of articles/ that is not a record; builds in full for site.yaml and public/', async () => {
    writeFileSync(recordPath('notes.txt'), 'pas un article');
    expect(await rebuildAndCompare([changedPath('notes.txt')])).toMatchObject({ scope: 'records', changed: [] });
    appendFileSync(join(contentDir, 'site.yaml'), '');
    writeFileSync(
      join(contentDir, 'site.yaml'),
      readFileSync(join(contentDir, 'site.yaml'), 'utf8').replace(/^title: .*$/m, 'title: Dépêche du soir'),
    );
    expect((await rebuildAndCompare(['site.yaml'])).scope).toBe('full');
    writeFileSync(join(contentDir, 'public', 'nouveau.txt'), 'bonjour');
    const added = await rebuildAndCompare([join('public', 'nouveau.txt')]);
    expect(added).toMatchObject({ scope: 'full', changed: ['nouveau.txt'] });
    const name = names[52] ?? '';
    write(name, `${read(name)}\nAprès le changement des réglages.\n`);
    expect((await rebuildAndCompare([changedPath(name)])).scope).toBe('records');
  });
});
