/**
 * A built site held in memory: the files `build` returns, or a folder `read-site.ts` read. The
 * checks only ever see this, so they are pure and run as well on a build that was never written.
 */
import type { OutputFile } from '../model.js';

export interface SiteFiles {
  /** Every file's path inside the site, `/`-separated, sorted (`articles/x/index.html`). */
  readonly paths: readonly string[];
  has(path: string): boolean;
  bytes(path: string): Uint8Array | undefined;
  /** The file decoded as UTF-8 (a BOM dropped); `undefined` when absent. */
  text(path: string): string | undefined;
  /** How findings name the file: the folder as the user gave it, then the path (`dist/feed.xml`). */
  shown(path: string): string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** The files of a site; `folder` prefixes the paths findings show (`dist`), empty for none. */
export function siteFiles(files: readonly OutputFile[], folder = ''): SiteFiles {
  const byPath = new Map(files.map((file) => [file.path, file.contents] as const));
  const texts = new Map<string, string>();
  const prefix = folder === '' ? '' : `${folder.replace(/\/+$/, '')}/`;
  return {
    paths: [...byPath.keys()].sort(),
    has: (path) => byPath.has(path),
    bytes(path) {
      const contents = byPath.get(path);
      return typeof contents === 'string' ? encoder.encode(contents) : contents;
    },
    text(path) {
      const known = texts.get(path);
      if (known !== undefined) return known;
      const contents = byPath.get(path);
      if (contents === undefined) return undefined;
      const text = (typeof contents === 'string' ? contents : decoder.decode(contents)).replace(/^\uFEFF/, '');
      texts.set(path, text);
      return text;
    },
    shown: (path) => `${prefix}${path}`,
  };
}
