/**
 * The build cache: what each record rendered to in the build that made the current output folder,
 * so that the next build neither parses, renders nor writes a record that has not changed, and
 * hard-links its files from the previous site instead (see incremental/shard.ts).
 *
 * A record is reused only when all of these hold, else it is built as usual:
 * - the cache was made by this very code (a hash of depeche's own files and its dependencies'
 *   versions), with the same settings, the same footer year and the same choice of drafts;
 * - the output folder is the one that build made (the folder's inode: every build swaps in a new
 *   folder, so a site written by anything else is a different folder);
 * - the record's text hashes the same (SHA-256), or its file was not written since the build that
 *   made the cache read it: same device, inode, size, modification and change time (`RecordStat`),
 *   and those times were already older than that build by `SETTLED_MS` (git's racy-clean rule: a
 *   file written in the same clock tick as it was read, after the read, would show the same times;
 *   so a file that young is read and hashed again next time). Then it is not even read;
 * - each of its files in the output folder is still the file that build placed: same inode, size
 *   and modification time (a file edited by hand has another time; a linked one keeps its inode).
 *
 * It lives beside the output folder, in `.depeche/cache-<output>.json` (never inside the site,
 * which a host serves whole), and is replaced (a new file renamed over it) after the swap of each
 * incremental build; a build without it deletes it. A build killed between its swap and that
 * rename leaves a cache of another folder, which the folder's inode tells: it reuses nothing.
 * Losing it only costs one full build.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteConfig } from '../config.js';
import type { RecordStat } from '../content/load.js';
import type { Problem } from '../errors.js';
import { type Article, listedArticle } from '../model.js';
import { spareFolder, spareInUse, STATE_FOLDER } from '../write/spare.js';

/** One output file as it stood in the output folder when the cache was written. */
export interface FileIdentity {
  path: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** What a worker needs to reuse a record: the text's hash, its files' identities, its file's stat when read. */
export interface Reusable {
  textHash: string;
  files: FileIdentity[];
  source?: RecordStat;
}

/**
 * One record in the cache: `Reusable`, and what the build's thread needs of it: its article as the
 * site-wide files read it (`listedArticle`), or whole, with its HTML, when it was among the feeds'.
 */
export interface CachedRecord extends Reusable {
  article: Article;
  /** `hashListed` of the article: the site-wide files' digest is made of these (incremental/site-files.ts). */
  listedHash: string;
  whole?: true;
  /** The record's warnings (record-warnings.ts), given again when it is reused; none when empty. */
  warnings?: Problem[];
}

/** A group of site-wide files as the cache's build placed them: its inputs' digest and its files. */
export interface CachedFileGroup {
  digest: string;
  files: FileIdentity[];
}

/** The site-wide files of the cache's build, by group (see incremental/site-files.ts). */
export interface CachedSiteFiles {
  listings: CachedFileGroup;
  feeds: CachedFileGroup;
  /** Each stream's own files (its pages and feeds), by the stream's folder (`tags/ia/`). */
  streams: Record<string, CachedFileGroup>;
}

/** What a build saves besides its records. */
export interface BuildState {
  /** Everything a record's output depends on besides its text (see `cacheKey`). */
  key: string;
  /** When that build started, by the file system's clock (`markBuildStart`). */
  started: number;
  siteFiles?: CachedSiteFiles;
}

/** The cache file's first line; then one line per record: `[name, CachedRecord]`. */
interface CacheHeader extends BuildState {
  format: number;
  /** The inode of the output folder the cache describes. */
  folder: number;
}

const FORMAT = 8;

/**
 * How much older than the build that read it a record's file must be for its stat to be trusted:
 * file times come from a coarse clock (a tick of a few milliseconds; 2 s on FAT), and a network
 * share's from its server's. A record written less than this before a build is read again by the
 * next one (then compared by hash, and trusted the time after).
 */
export const SETTLED_MS = 2000;

/** Where the cache of an output folder lives. */
export function cacheFile(outDir: string): string {
  const target = resolve(outDir);
  return join(dirname(target), STATE_FOLDER, `cache-${basename(target)}.json`);
}

/** The file whose change time is the time a build of an output folder started (`markBuildStart`). */
function startFile(outDir: string): string {
  const target = resolve(outDir);
  return join(dirname(target), STATE_FOLDER, `start-${basename(target)}`);
}

/** The cache of an output folder, as read at the start of a build. */
export interface OpenedCache {
  /** When that build started, by the file system's clock. */
  started?: number;
  /** The records, when the cache matches `key`; else none. */
  records(key: string): Map<string, CachedRecord>;
  /** The site-wide files, when the cache matches `key`. */
  siteFiles(key: string): CachedSiteFiles | undefined;
  /** A record's line as read (after `records`): saved again as it is when nothing of it changed. */
  line(name: string): Uint8Array | undefined;
}

/**
 * Reads the cache of `outDir`, when it still describes that folder. Its records are parsed line by
 * line, once asked for: one JSON text of 100,000 records would be a string of hundreds of MB.
 */
export function openCache(outDir: string): OpenedCache {
  let bytes: Buffer;
  let header: CacheHeader;
  let start: number;
  try {
    bytes = readFileSync(cacheFile(outDir));
    start = bytes.indexOf(0x0a);
    header = JSON.parse(bytes.toString('utf8', 0, start === -1 ? bytes.length : start)) as CacheHeader;
    if (header.format !== FORMAT || header.folder !== statSync(resolve(outDir)).ino) throw new Error('another folder');
  } catch {
    return { records: () => new Map(), siteFiles: () => undefined, line: () => undefined };
  }
  const lines = new Map<string, Uint8Array>();
  return {
    started: header.started,
    siteFiles: (key) => (key === header.key ? header.siteFiles : undefined),
    line: (name) => lines.get(name),
    records(key) {
      const records = new Map<string, CachedRecord>();
      lines.clear();
      if (key !== header.key) return records;
      try {
        for (let at = start; at !== -1 && at + 1 < bytes.length; ) {
          const end = bytes.indexOf(0x0a, at + 1);
          const line = bytes.subarray(at + 1, end === -1 ? bytes.length : end);
          const [name, record] = JSON.parse(line.toString('utf8')) as [string, CachedRecord];
          records.set(name, record);
          lines.set(name, line);
          at = end;
        }
        return records;
      } catch {
        lines.clear();
        return new Map();
      }
    },
  };
}

/**
 * Replaces the cache of `outDir` (which must be the folder just swapped in), written line by line:
 * each record is `[name, CachedRecord]`, or its line as the last cache held it (`OpenedCache.line`).
 */
export async function saveCache(
  outDir: string,
  state: BuildState,
  records: Iterable<[string, CachedRecord] | Uint8Array>,
): Promise<void> {
  const file = cacheFile(outDir);
  mkdirSync(dirname(file), { recursive: true });
  const header: CacheHeader = { format: FORMAT, folder: statSync(resolve(outDir)).ino, ...state };
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    const newline = Buffer.from('\n');
    let chunk: Uint8Array[] = [Buffer.from(`${JSON.stringify(header)}\n`)];
    let size = 0;
    for (const entry of records) {
      const line = entry instanceof Uint8Array ? entry : Buffer.from(JSON.stringify(entry));
      chunk.push(line, newline);
      size += line.byteLength + 1;
      if (size > 1 << 20) {
        writeSync(fd, Buffer.concat(chunk));
        chunk = [];
        size = 0;
      }
    }
    writeSync(fd, Buffer.concat(chunk));
  } finally {
    closeSync(fd);
  }
  await rename(temporary, file);
}

/**
 * The time a build starts, by the clock that dates the records' files: the change time of a file
 * written now in the state folder (`.depeche/start-<out>`). Taken before any record is read.
 */
export function markBuildStart(outDir: string): number {
  const file = startFile(outDir);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, String(process.pid));
  return lstatSync(file).ctimeMs;
}

/**
 * Whether a record's file is, by its stat `now`, the very file that the build which started at
 * `started` read as `known`, and had settled before: then its text is that build's, unread.
 */
function statClean(now: RecordStat | undefined, known: RecordStat | undefined, started: number | undefined): boolean {
  if (now === undefined || known === undefined || started === undefined) return false;
  const same =
    now.dev === known.dev &&
    now.ino === known.ino &&
    now.size === known.size &&
    now.mtimeMs === known.mtimeMs &&
    now.ctimeMs === known.ctimeMs;
  return same && known.ctimeMs < started - SETTLED_MS && known.mtimeMs < started - SETTLED_MS;
}

/** The names of the cached records whose files are, by `statOf`, as the cache's build read them (`statClean`). */
export function settledRecords(
  names: readonly string[],
  cached: ReadonlyMap<string, CachedRecord>,
  started: number | undefined,
  statOf: (name: string) => RecordStat | undefined,
): Set<string> {
  const settled = new Set<string>();
  if (cached.size === 0 || started === undefined) return settled;
  for (const name of names) {
    const known = cached.get(name);
    if (known !== undefined && statClean(statOf(name), known.source, started)) settled.add(name);
  }
  return settled;
}

/** Removes the cache of `outDir` (it could not be saved: the next build reuses nothing). */
export function dropCache(outDir: string): void {
  rmSync(cacheFile(outDir), { force: true });
  rmSync(startFile(outDir), { force: true });
  rmSync(`${cacheFile(outDir)}.${process.pid}.tmp`, { force: true });
}

/**
 * Removes the cache and the spare of `outDir`: a build without them wrote the folder, so the cache
 * would lie, and the spare is a whole old site kept for nothing (unless a build is filling it).
 */
export function dropIncrementalState(outDir: string): void {
  dropCache(outDir);
  if (!spareInUse(resolve(outDir))) rmSync(spareFolder(resolve(outDir)), { recursive: true, force: true });
}

/**
 * What the cache is valid for: this code, these settings, drafts in or out, the files' time
 * (`SOURCE_DATE_EPOCH`: a reused file keeps the time it has) and `articlesShown`, the articles
 * folder as problems name it (`shown` in content/load.ts).
 */
export function cacheKey(config: SiteConfig, drafts: boolean, mtime: Date | undefined, articlesShown: string): string {
  const settings = JSON.stringify(config, (_key, value: unknown) => (value instanceof Map ? [...value] : value));
  // The names a cached record keeps (its article's `sourcePath`, its warnings) follow from that folder's name.
  const facts = [FORMAT, codeVersion(), settings, drafts, mtime?.getTime() ?? 'now', articlesShown];
  return createHash('sha256').update(facts.join('\0')).digest('hex');
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** A hash of an article as the listings read it (`listedArticle`), whole or not. */
export function hashListed(article: Article): string {
  return createHash('sha256')
    .update(JSON.stringify(listedArticle(article)))
    .digest('base64');
}

/** Whether every file still is the one recorded, in the output folder `target`. */
export function unchanged(target: string, files: readonly FileIdentity[]): boolean {
  for (const file of files) {
    const now = lstatSync(join(target, file.path), { throwIfNoEntry: false });
    if (
      now === undefined ||
      !now.isFile() ||
      now.ino !== file.ino ||
      now.size !== file.size ||
      now.mtimeMs !== file.mtimeMs
    )
      return false;
  }
  return true;
}

/** The identity of a file just placed at `path` in the new folder, recorded under `relative`. */
export function identify(path: string, relative: string): FileIdentity {
  const stats = lstatSync(path);
  return { path: relative, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
}

let version: string | undefined;

/**
 * A hash of the code that renders: every file of depeche's own folder (`lib/` or `src/`), its
 * vocabulary data, the installed version of each dependency and the installed tree, Node's version
 * and ICU. Any upgrade empties the cache.
 */
function codeVersion(): string {
  if (version !== undefined) return version;
  // This file is in `incremental/` of depeche's own folder.
  const here = dirname(dirname(fileURLToPath(import.meta.url)));
  const root = dirname(here);
  const hash = createHash('sha256');
  const files = readdirSync(here, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(js|ts)$/.test(path))
    .sort();
  for (const path of files) hash.update(path).update(readFileSync(join(here, path)));
  hash.update(readFileSync(join(root, 'src', 'vocabulary', 'data', 'schemaorg-index.json')));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    hash.update(`${name}@${installedVersion(root, name)}`);
  }
  // Their own dependencies (markdown-it's entities, linkify-it…) as npm installed them, and Node's
  // ICU, which decides which language tags are valid.
  hash.update(installedTree(root));
  hash.update(`${process.version}\0${process.versions.icu ?? ''}\0${process.versions.unicode ?? ''}`);
  version = hash.digest('hex');
  return version;
}

/** npm's record of the installed tree (`node_modules/.package-lock.json`), nearest first; else the lockfile. */
function installedTree(root: string): Buffer | string {
  for (let dir = root; ; dir = dirname(dir)) {
    for (const file of [join(dir, 'node_modules', '.package-lock.json'), join(dir, 'package-lock.json')]) {
      try {
        return readFileSync(file);
      } catch {
        // next
      }
    }
    if (dirname(dir) === dir) return 'no lockfile';
  }
}

/** The version of `name` that Node would load from `root`: the nearest node_modules holding it. */
function installedVersion(root: string, name: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    try {
      return (
        (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string })
          .version ?? '?'
      );
    } catch {
      if (dirname(dir) === dir) return 'missing';
    }
  }
}
