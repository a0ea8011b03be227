/**
 * The dev server's site kept in memory and updated one record at a time: an edit of
 * `articles/x.md` reads and renders that record alone, checks the records across (cheap over the
 * kept ones), assembles the site and renders the site-wide files (home page, feeds, sitemaps,
 * robots.txt, 404 page, headers). The served files are updated with that record's pages and the
 * site-wide files only, and `changed` lists those whose bytes changed. The result is the files a
 * full build of the same content gives, byte for byte (`tests/dev/incremental-site.test.ts`).
 */
import type { BuildResult } from '../build.js';
import type { Problem } from '../errors.js';
import type { OutputFile, Site } from '../model.js';
import type { RenderMemo } from '../render-memo.js';
import { assembleSite } from './assemble-site.js';
import { readRecordAgain, type RecordEntry, type RecordModel, seedModel } from './record-model.js';
import { createSiteFilesMemo, type SiteFilesMemo } from './site-wide-files.js';

type Contents = OutputFile['contents'];

export interface IncrementalSite {
  /** The files served, by path; updated in place by `updateRecords`. */
  readonly files: Map<string, Contents>;
  model: RecordModel;
  /** The paths of each record's pages as served now. */
  pagesOf: Map<string, string[]>;
  /** The paths of the site-wide files as served now. */
  siteFilePaths: string[];
  /** The records read again since the files were last updated (a failed update keeps them here). */
  pending: Set<string>;
  /** What the site-wide files were made from, for this model's settings. */
  siteFilesMemo: SiteFilesMemo;
}

export type RecordsUpdate = { ok: true; site: Site; changed: string[] } | { ok: false; problems: Problem[] } | { ok: 'full' };

/**
 * The site a good full build gave (`files`: its files by path, taken over), ready to be updated
 * record by record, given the `memo` that build filled; undefined when the
 * content changed under the build (the next change then builds in full again).
 */
export async function seedIncrementalSite(
  contentDir: string,
  baseUrl: string,
  memo: RenderMemo,
  result: BuildResult,
  files: Map<string, Contents>,
): Promise<IncrementalSite | undefined> {
  const model = await seedModel(contentDir, baseUrl, memo, result);
  if (model === undefined) return undefined;
  const pagesOf = new Map<string, string[]>();
  for (const [name, entry] of model.entries) {
    const paths = pagePaths(entry);
    if (paths.length > 0) pagesOf.set(name, paths);
  }
  const notSiteWide = new Set([...[...pagesOf.values()].flat(), ...model.publicFiles.map((file) => file.path)]);
  return {
    files,
    model,
    pagesOf,
    siteFilePaths: result.files.map((file) => file.path).filter((path) => !notSiteWide.has(path)),
    pending: new Set(),
    siteFilesMemo: createSiteFilesMemo(),
  };
}

/**
 * Reads the records `names` again and updates the files. On problems the files stay as they were
 * and the records stay pending; `'full'` asks for a full build (the site's year moved, or no
 * record is left), and the site must not be used again.
 */
export async function updateRecords(state: IncrementalSite, names: readonly string[]): Promise<RecordsUpdate> {
  for (const name of names) {
    await readRecordAgain(state.model, name);
    state.pending.add(name);
  }
  const assembled = assembleSite(state.model, state.siteFilesMemo);
  if (assembled.ok !== true) return assembled;
  // Every candidate path, with its new contents or undefined when it goes: removals first, so that
  // a page one record leaves and another takes (a slug moved) ends up with the taker's contents.
  const next = new Map<string, Contents | undefined>();
  for (const name of state.pending) for (const path of state.pagesOf.get(name) ?? []) next.set(path, undefined);
  for (const path of state.siteFilePaths) next.set(path, undefined);
  for (const name of state.pending) {
    const entry = state.model.entries.get(name);
    const files = entry?.kind === 'record' && 'files' in entry.outcome ? entry.outcome.files : [];
    for (const file of files) next.set(file.path, file.contents);
    if (files.length > 0) state.pagesOf.set(name, files.map((file) => file.path));
    else state.pagesOf.delete(name);
  }
  for (const file of assembled.siteFiles) next.set(file.path, file.contents);
  state.siteFilePaths = assembled.siteFiles.map((file) => file.path);
  state.pending.clear();
  const changed: string[] = [];
  for (const [path, contents] of next) {
    const served = state.files.get(path);
    if (contents === undefined) {
      if (state.files.delete(path)) changed.push(path);
    } else if (served === undefined || !sameContents(served, contents)) {
      state.files.set(path, contents);
      changed.push(path);
    }
  }
  return { ok: true, site: assembled.site, changed: changed.sort() };
}

function pagePaths(entry: RecordEntry): string[] {
  return entry.kind === 'record' && 'files' in entry.outcome ? entry.outcome.files.map((file) => file.path) : [];
}

function sameContents(a: Contents, b: Contents): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
