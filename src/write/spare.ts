/**
 * Double buffering for incremental builds: the site swapped out by a build is not deleted but kept
 * as `.depeche/spare-<out>` beside the output folder, and the next build fills that folder instead
 * of a new one. A site of 10,000 articles is 10,000 folders: creating them and deleting the old ones
 * cost a rebuild more than everything else (on these disks, seconds of I/O); a spare already has
 * them, and most of its files are links to the very files of the site being served.
 *
 * Safety is the writer's (write/output.ts): the site being served is never written to. A file of the spare
 * may be a hard link to one of the served site, so it is never written into: it is unlinked first,
 * then written or linked anew (write/place.ts). The swap is three renames:
 *   out → .depeche/swap-<out>, spare → out, .depeche/swap-<out> → spare.
 * Killed after the first, `out` is missing and `swap` holds the previous site: the next build puts
 * it back (`recoverSpareSwap`). Killed after the second, the new site is served and `swap` becomes
 * the spare. A build killed or failed while filling the spare leaves it half-filled: harmless, the
 * next build checks every file it keeps.
 *
 * What the spare held when the build opened it is listed while the build fills it, in a worker
 * thread (write/spare-listing.ts, which says why that listing is right); the commit waits for it.
 */
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type SpareEntries, type SpareListing, startListing } from './spare-listing.js';
import type { OutputFolder, SiteOutput } from './folder.js';
import { exists, isAlive, removeStaleTemporaries, setFolderTimes, swapIn } from './swap.js';
import { openWriter } from './writer.js';

/** The folder beside the output folder that holds the build's state (the spare, the cache). */
export const STATE_FOLDER = '.depeche';

function sparePaths(target: string): { state: string; spare: string; swap: string; lock: string } {
  const state = join(dirname(target), STATE_FOLDER);
  const name = basename(target);
  return {
    state,
    spare: join(state, `spare-${name}`),
    swap: join(state, `swap-${name}`),
    lock: join(state, `lock-${name}`),
  };
}

/**
 * Opens the spare of `target` for one build: takes the lock (two builds filling one spare would
 * swap in a mix of both), puts back what a killed build left, and starts listing what the spare holds.
 */
export async function openSpare(
  target: string,
  mtime: Date | undefined,
  recoverOthers: () => Promise<void>,
): Promise<SiteOutput> {
  const { spare, swap, lock } = sparePaths(target);
  const release = takeLock(lock, target);
  try {
    await recoverSpareSwap(target);
    await recoverOthers();
    mkdirSync(spare, { recursive: true });
  } catch (error) {
    release();
    throw error;
  }
  let caseInsensitive: boolean;
  let folder: OutputFolder;
  try {
    caseInsensitive = foldsCase(spare);
    // An empty spare (the first incremental build) is filled as a new folder: nothing to unlink first.
    // Its top level tells, without waiting for the listing (a spare holding only folders counts as full: harmless).
    folder = {
      fresh: spare,
      target,
      previous: await exists(target),
      spare: readdirSync(spare).length > 0,
      ...(mtime === undefined ? {} : { mtime }),
    };
  } catch (error) {
    release();
    throw error;
  }
  const listing: SpareListing = startListing(spare);
  let closed = false;
  return {
    folder,
    writer: openWriter(folder),
    // A failed build leaves the spare as it is: the next one checks every file it keeps.
    abort: async () => {
      closed = true;
      listing.discard();
    },
    release: async () => release(),
    async commit(placed, paths) {
      if (closed) throw new Error('this output was already committed or aborted');
      closed = true;
      const before = await listing.entries();
      removeOthers(spare, before, paths, caseInsensitive);
      if (mtime !== undefined) setFolderTimes(spare, mtime);
      // The previous site, once swapped out, is the next spare.
      if (await swapIn(target, spare, swap)) await rename(swap, spare);
      await removeStaleTemporaries(target);
      return placed;
    },
  };
}

/** The spare of the output folder `target`. */
export function spareFolder(target: string): string {
  return sparePaths(target).spare;
}

/** Whether a live build (another process, or another build of this one) holds the spare of `target`. */
export function spareInUse(target: string): boolean {
  const holder = lockHolder(sparePaths(target).lock);
  return holder !== undefined && (holder === process.pid || isAlive(holder));
}

/** Takes the lock file (`wx`: created only if absent); a lock whose process is dead is taken over. */
function takeLock(lock: string, target: string): () => void {
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = lockHolder(lock);
      if (holder !== undefined && (holder === process.pid || isAlive(holder))) {
        throw new Error(
          `another build (process ${holder}) is writing ${target}; wait for it to end, or remove ${lock} if it is gone`,
        );
      }
      rmSync(lock, { force: true });
    }
  }
}

function lockHolder(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the file system of `folder` ignores case (macOS, Windows): then `A.png` and `a.png` are one file. */
function foldsCase(folder: string): boolean {
  const probe = join(folder, '.depeche-case-probe');
  writeFileSync(probe, '');
  try {
    return existsSync(join(folder, '.DEPECHE-CASE-PROBE'));
  } finally {
    rmSync(probe, { force: true });
  }
}

/**
 * A build killed between the renames of the swap: with no output folder, the previous site (in
 * `swap`) goes back; with the new site in place, `swap` becomes the spare.
 */
export async function recoverSpareSwap(target: string): Promise<void> {
  const { spare, swap } = sparePaths(target);
  if (!(await exists(swap))) return;
  if (!(await exists(target))) {
    await rename(swap, target);
    return;
  }
  // The new site is served: `swap` is the previous one, whole; a spare beside it is half-filled junk.
  await rm(spare, { recursive: true, force: true });
  await rename(swap, spare);
}

/**
 * Removes what the spare held before and the new site does not have: its files, then its folders
 * that hold none of the new site's files (a killed build may have left one empty). On a file system
 * that ignores case, a file that differs from a new one only by case is the new one, and stays.
 */
function removeOthers(root: string, before: SpareEntries, keep: ReadonlySet<string>, caseInsensitive: boolean): void {
  const fold = (path: string): string => (caseInsensitive ? path.toLowerCase() : path);
  const kept = new Set([...keep].map(fold));
  const keptFolders = new Set<string>();
  for (const path of kept)
    for (let folder = dirname(path); folder !== '.' && !keptFolders.has(folder); folder = dirname(folder))
      keptFolders.add(folder);
  for (const path of before.files) {
    if (kept.has(fold(path))) continue;
    try {
      unlinkSync(join(root, path));
    } catch (error) {
      // Gone already, its folder became a file of the new site, or it became a folder of the new site.
      const code = (error as NodeJS.ErrnoException).code;
      if (
        code !== 'ENOENT' &&
        code !== 'ENOTDIR' &&
        lstatSync(join(root, path), { throwIfNoEntry: false })?.isDirectory() !== true
      )
        throw error;
    }
  }
  for (const folder of [...before.folders].sort().reverse()) {
    if (keptFolders.has(fold(folder))) continue;
    try {
      rmdirSync(join(root, folder));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
  }
}
