/**
 * The files the dev server serves, as a read-only map by path: those of a site kept record by
 * record (`incremental-site.ts`), whose pages are rendered when they are got, or a fixed list.
 */
import type { OutputFile } from '../model.js';
import { type IncrementalSite, servedBytes, servedHash, servedPaths } from './incremental-site.js';
import { hashOf } from './record-model.js';

/**
 * The files served, by path (`articles/x/index.html`): a record's page is rendered when it is got
 * (iterating renders them all); `hash` gives the SHA-1 of a file's bytes without rendering it.
 */
export interface ServedFiles extends ReadonlyMap<string, Uint8Array> {
  hash(path: string): string | undefined;
}

export function incrementalFiles(site: IncrementalSite): ServedFiles {
  return filesOf({
    get: (path) => servedBytes(site, path),
    has: (path) => site.siteFiles.has(path) || site.pages.has(path),
    hash: (path) => servedHash(site, path),
    paths: () => servedPaths(site),
    size: () => site.siteFiles.size + site.pages.size,
  });
}

/**
 * The files of a build that is not kept as a model (a site whose problems a full build reports, then fixed meanwhile).
 */
export function fixedFiles(list: readonly OutputFile[]): ServedFiles {
  const map = new Map(
    list.map(
      (file) => [file.path, typeof file.contents === 'string' ? Buffer.from(file.contents) : file.contents] as const,
    ),
  );
  return filesOf({
    get: (path) => map.get(path),
    has: (path) => map.has(path),
    hash: (path) => {
      const bytes = map.get(path);
      return bytes === undefined ? undefined : hashOf(bytes);
    },
    paths: () => map.keys(),
    size: () => map.size,
  });
}

function filesOf(source: {
  get(path: string): Uint8Array | undefined;
  has(path: string): boolean;
  hash(path: string): string | undefined;
  paths(): Iterable<string>;
  size(): number;
}): ServedFiles {
  function* entries(): Generator<[string, Uint8Array]> {
    for (const path of source.paths()) {
      const bytes = source.get(path);
      if (bytes !== undefined) yield [path, bytes];
    }
  }
  return {
    get: source.get,
    has: source.has,
    hash: source.hash,
    get size() {
      return source.size();
    },
    keys: () => source.paths()[Symbol.iterator](),
    values: function* () {
      for (const [, bytes] of entries()) yield bytes;
    },
    entries,
    [Symbol.iterator]: entries,
    forEach(callback, thisArg) {
      for (const [path, bytes] of entries()) callback.call(thisArg, bytes, path, this);
    },
  } as ServedFiles;
}
