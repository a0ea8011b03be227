/**
 * What the previous build wrote, so that the next one can hard-link every file whose bytes have not
 * changed instead of writing it again: a link needs no new inode, which is what makes rewriting a
 * large site slow on ext4 (inodes freed less than a minute ago are skipped when allocating).
 *
 * The manifest is a cache, kept where build tools keep theirs: `node_modules/.cache/depeche/` of
 * the working directory (the system's temporary folder when there is no `node_modules`), one file
 * per output folder, never beside the site nor uploaded with it. A file is reused only when the manifest's hash matches the new bytes AND the file in
 * the output folder still has the inode, size and modification time the manifest recorded: a file
 * edited by hand, or a manifest left stale by a killed build, is never trusted (the new build's
 * files are created while the previous ones still exist, so they cannot share their inodes).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** What the manifest records of one written file. */
export interface WrittenFile {
  /** SHA-1 of the bytes, hex: change detection, not security. */
  hash: string;
  size: number;
  ino: number;
  mtimeMs: number;
}

export type Manifest = Map<string, WrittenFile>;

const VERSION = 1;

export function manifestPath(target: string): string {
  const modules = join(process.cwd(), 'node_modules');
  const cache = existsSync(modules) ? join(modules, '.cache', 'depeche') : join(tmpdir(), 'depeche-cache');
  return join(cache, `manifest-${createHash('sha1').update(target).digest('hex').slice(0, 16)}.json`);
}

export function hashOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The previous build's manifest, or an empty one when there is none or it cannot be read. */
export function readManifest(target: string): Manifest {
  try {
    const parsed = JSON.parse(readFileSync(manifestPath(target), 'utf8')) as { version: number; files: Record<string, WrittenFile> };
    return parsed.version === VERSION ? new Map(Object.entries(parsed.files)) : new Map();
  } catch {
    return new Map();
  }
}

/** Writes the manifest atomically (temporary file, then rename). */
export function saveManifest(target: string, manifest: Manifest): void {
  const path = manifestPath(target);
  const temporary = `${path}.${process.pid}.tmp`;
  mkdirSync(dirname(path), { recursive: true });
  const files = Object.fromEntries([...manifest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(temporary, JSON.stringify({ version: VERSION, files }));
  renameSync(temporary, path);
}

/**
 * The path of the previous build's copy of a file when it can be linked into the new build: same
 * hash, and still the inode, size and time the manifest recorded.
 */
export function reusable(previous: Manifest, path: string, hash: string, source: string): WrittenFile | undefined {
  const entry = previous.get(path);
  if (entry === undefined || entry.hash !== hash) return undefined;
  try {
    const stats = statSync(source);
    return stats.ino === entry.ino && stats.size === entry.size && stats.mtimeMs === entry.mtimeMs ? entry : undefined;
  } catch {
    return undefined;
  }
}
