/**
 * The dev server's site kept in memory and updated one record at a time: an edit of
 * `articles/x.md` reads and renders that record alone, checks the records across (cheap over the
 * kept ones), assembles the site and renders the site-wide files (home page, feeds, sitemaps,
 * robots.txt, 404 page, headers). The site-wide files and those of `public/` are kept as bytes; a
 * record's pages are not kept but rendered again when asked for, from the record as it was when
 * they were served (its text), and known by the hash of their bytes, so that `changed` lists
 * exactly the files whose bytes changed. The files are those a full build of the same content
 * gives, byte for byte (`tests/dev/incremental-site.test.ts`).
 */
import type { Problem } from '../errors.js';
import type { OutputFile, Site } from '../model.js';
import { assembleSite } from './assemble-site.js';
import { hashOf, readRecordAgain, type RecordModel, type RecordRead, renderPages } from './record-model.js';
import { createSiteFilesMemo, type SiteFilesMemo } from './site-wide-files.js';

/** A record's page as served: the record as read when the page was served, and the hash of its bytes. */
export interface ServedPage {
  entry: RecordRead;
  hash: string;
}

/**
 * A site-wide file as served: its bytes, and the contents they were made from (the same object when the file was not
 * rendered again).
 */
interface ServedFile {
  from: OutputFile['contents'];
  bytes: Uint8Array;
}

export interface IncrementalSite {
  model: RecordModel;
  /** The site-wide files and those of `public/`, as served. */
  siteFiles: Map<string, ServedFile>;
  /** The records' pages as served, by path. */
  pages: Map<string, ServedPage>;
  /** The paths of each record's pages as served now. */
  pagesOf: Map<string, string[]>;
  /** The paths of the site-wide files as served now. */
  siteFilePaths: string[];
  /** The records read again since the files were last updated (a failed update keeps them here). */
  pending: Set<string>;
  /** What the site-wide files were made from, for this model's settings. */
  siteFilesMemo: SiteFilesMemo;
  /** The pages rendered last, by record as served: the page just edited and a few asked for. */
  rendered: Map<RecordRead, Map<string, Uint8Array>>;
}

export type RecordsUpdate =
  | { ok: true; site: Site; changed: string[]; warnings: Problem[] }
  | { ok: false; problems: Problem[] }
  | { ok: 'full' };

/** How many records' rendered pages are kept for the requests that follow. */
const RENDERED_KEPT = 16;

/**
 * The site of `model`, whose records are read and whose site-wide files were rendered with `siteFilesMemo` into
 * `siteFiles`.
 */
export function createIncrementalSite(
  model: RecordModel,
  siteFilesMemo: SiteFilesMemo,
  siteFiles: readonly OutputFile[],
): IncrementalSite {
  const site: IncrementalSite = {
    model,
    siteFiles: new Map(),
    pages: new Map(),
    pagesOf: new Map(),
    siteFilePaths: siteFiles.map((file) => file.path),
    pending: new Set(),
    siteFilesMemo,
    rendered: new Map(),
  };
  for (const file of [...siteFiles, ...model.publicFiles.map(({ path, bytes }) => ({ path, contents: bytes }))]) {
    site.siteFiles.set(file.path, { from: file.contents, bytes: toBytes(file.contents) });
  }
  for (const [name, entry] of model.entries) {
    if (entry.kind !== 'record' || !('pages' in entry.outcome)) continue;
    for (const page of entry.outcome.pages) site.pages.set(page.path, { entry, hash: page.hash });
    site.pagesOf.set(
      name,
      entry.outcome.pages.map((page) => page.path),
    );
  }
  return site;
}

export { createSiteFilesMemo };

/**
 * Reads the records `names` again and updates the files. On problems the files stay as they were
 * and the records stay pending; `'full'` asks for a full build (no
 * record is left), and the site must not be used again.
 */
export async function updateRecords(state: IncrementalSite, names: readonly string[]): Promise<RecordsUpdate> {
  for (const name of names) {
    await readRecordAgain(state.model, name);
    state.pending.add(name);
  }
  const assembled = assembleSite(state.model, state.siteFilesMemo);
  if (assembled.ok !== true) return assembled;
  const changed: string[] = [];
  // Every candidate page, with what it is now or undefined when it goes: removals first, so that
  // a page one record leaves and another takes (a slug moved) ends up with the taker's.
  const pages = new Map<string, ServedPage | undefined>();
  for (const name of state.pending) for (const path of state.pagesOf.get(name) ?? []) pages.set(path, undefined);
  for (const name of state.pending) {
    const entry = state.model.entries.get(name);
    const summaries = entry?.kind === 'record' && 'pages' in entry.outcome ? entry.outcome.pages : [];
    for (const page of summaries) pages.set(page.path, { entry: entry as RecordRead, hash: page.hash });
    if (entry?.kind === 'record' && entry.files !== undefined) {
      keepRendered(state, entry, new Map(entry.files.map((file) => [file.path, toBytes(file.contents)] as const)));
      delete entry.files;
    }
    if (summaries.length > 0)
      state.pagesOf.set(
        name,
        summaries.map((page) => page.path),
      );
    else state.pagesOf.delete(name);
  }
  for (const [path, page] of pages) {
    const served = state.pages.get(path);
    if (page === undefined) {
      if (state.pages.delete(path)) changed.push(path);
    } else {
      state.pages.set(path, page);
      if (served?.hash !== page.hash) changed.push(path);
    }
  }
  const files = new Map<string, OutputFile['contents'] | undefined>();
  for (const path of state.siteFilePaths) files.set(path, undefined);
  for (const file of assembled.siteFiles) files.set(file.path, file.contents);
  state.siteFilePaths = assembled.siteFiles.map((file) => file.path);
  for (const [path, contents] of files) {
    const served = state.siteFiles.get(path);
    if (contents === undefined) {
      if (state.siteFiles.delete(path)) changed.push(path);
    } else if (served?.from !== contents) {
      const bytes = toBytes(contents);
      state.siteFiles.set(path, { from: contents, bytes });
      if (
        served === undefined ||
        !Buffer.from(served.bytes.buffer, served.bytes.byteOffset, served.bytes.byteLength).equals(bytes)
      )
        changed.push(path);
    }
  }
  state.pending.clear();
  return { ok: true, site: assembled.site, changed: changed.sort(), warnings: assembled.warnings };
}

/** The bytes served at `path` (a record's page rendered again unless just rendered), or undefined. */
export function servedBytes(state: IncrementalSite, path: string): Uint8Array | undefined {
  const file = state.siteFiles.get(path);
  if (file !== undefined) return file.bytes;
  const page = state.pages.get(path);
  if (page === undefined) return undefined;
  let rendered = state.rendered.get(page.entry);
  if (rendered === undefined) {
    rendered = new Map(
      renderPages(state.model, page.entry).map((file) => [file.path, toBytes(file.contents)] as const),
    );
    keepRendered(state, page.entry, rendered);
  }
  return rendered.get(path);
}

function keepRendered(state: IncrementalSite, entry: RecordRead, files: Map<string, Uint8Array>): void {
  state.rendered.delete(entry);
  state.rendered.set(entry, files);
  for (const kept of state.rendered.keys()) {
    if (state.rendered.size <= RENDERED_KEPT) break;
    state.rendered.delete(kept);
  }
}

/** The hash of the bytes served at `path`, without rendering a record's page. */
export function servedHash(state: IncrementalSite, path: string): string | undefined {
  const file = state.siteFiles.get(path);
  return file !== undefined ? hashOf(file.bytes) : state.pages.get(path)?.hash;
}

/** Every path served. */
export function* servedPaths(state: IncrementalSite): Generator<string> {
  yield* state.siteFiles.keys();
  yield* state.pages.keys();
}

function toBytes(contents: OutputFile['contents']): Uint8Array {
  return typeof contents === 'string' ? Buffer.from(contents) : contents;
}
