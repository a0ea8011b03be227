/**
 * Double buffering for incremental builds: the site swapped out by a build is not deleted but kept
 * as `.depeche/spare-<out>` beside the output folder, and the next build fills that folder instead
 * of a new one. A site of 10,000 articles is 10,000 folders: creating them and deleting the old ones
 * cost a rebuild more than everything else (on these disks, seconds of I/O); a spare already has
 * them, and most of its files are links to the very files of the site being served.
 *
 * Safety is the writer's (write.ts): the site being served is never written to. A file of the spare
 * may be a hard link to one of the served site, so it is never written into: it is unlinked first,
 * then written or linked anew (write-place.ts). The swap is three renames:
 *   out → .depeche/swap-<out>, spare → out, .depeche/swap-<out> → spare.
 * Killed after the first, `out` is missing and `swap` holds the previous site: the next build puts
 * it back (`recoverSpareSwap`). Killed after the second, the new site is served and `swap` becomes
 * the spare. A build killed or failed while filling the spare leaves it half-filled: harmless, the
 * next build checks every file it keeps.
 */
import { lstatSync, mkdirSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { exists, type OutputFolder, removeStaleTemporaries, setFolderTimes, type SiteOutput } from './write.js';

/** The folder beside the output folder that holds the build's state (the spare, the cache). */
export const STATE_FOLDER = '.depeche';

function sparePaths(target: string): { spare: string; swap: string } {
  const state = join(dirname(target), STATE_FOLDER);
  return { spare: join(state, `spare-${basename(target)}`), swap: join(state, `swap-${basename(target)}`) };
}

export async function openSpare(target: string, mtime: Date | undefined): Promise<SiteOutput> {
  const { spare, swap } = sparePaths(target);
  mkdirSync(spare, { recursive: true });
  const before = filesUnder(spare);
  const folder: OutputFolder = { fresh: spare, target, reused: true, ...(mtime === undefined ? {} : { mtime }) };
  let closed = false;
  return {
    folder,
    // A failed build leaves the spare as it is: the next one checks every file it keeps.
    abort: async () => {
      closed = true;
    },
    async restart() {
      await rm(spare, { recursive: true, force: true });
      mkdirSync(spare);
      before.clear();
    },
    async commit(placed, paths) {
      if (closed) throw new Error('this output was already committed or aborted');
      closed = true;
      removeOthers(spare, before, paths);
      if (mtime !== undefined) setFolderTimes(spare, mtime);
      let moved = false;
      try {
        if (await exists(target)) {
          await rename(target, swap);
          moved = true;
        }
        await rename(spare, target);
      } catch (error) {
        if (moved && !(await exists(target))) await rename(swap, target);
        throw error;
      }
      if (moved) await rename(swap, spare);
      await removeStaleTemporaries(target);
      return placed;
    },
  };
}

/**
 * A build killed between the renames of the swap: with no output folder, the previous site (in
 * `swap`) goes back; with the new site in place, `swap` becomes the spare.
 */
export async function recoverSpareSwap(target: string): Promise<void> {
  const { spare, swap } = sparePaths(target);
  if (!(await exists(swap))) return;
  if (!(await exists(target))) await rename(swap, target);
  else if (!(await exists(spare))) await rename(swap, spare);
  else await rm(swap, { recursive: true, force: true });
}

/** The files (and links) under `root`, relative, `/`-separated. */
function filesUnder(root: string): Set<string> {
  const files = new Set<string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    files.add(join(entry.parentPath, entry.name).slice(root.length + 1).split(sep).join('/'));
  }
  return files;
}

/** Removes the files the spare held before that the new site does not have, and the folders they leave empty. */
function removeOthers(root: string, before: ReadonlySet<string>, keep: ReadonlySet<string>): void {
  const emptied = new Set<string>();
  for (const path of before) {
    if (keep.has(path)) continue;
    try {
      unlinkSync(join(root, path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) emptied.add(folder);
  }
  for (const folder of [...emptied].sort().reverse()) {
    try {
      if (lstatSync(join(root, folder)).isDirectory()) rmdirSync(join(root, folder));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw error;
    }
  }
}
