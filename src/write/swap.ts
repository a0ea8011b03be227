/**
 * The renames that swap a new site in, and the repair of a swap a killed build left half done:
 * shared by the new-folder writer (output.ts) and the spare (spare.ts).
 */
import { readdirSync, utimesSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Prefix of the temporary folders the writer leaves beside the output folder while it works. */
export const TEMP_PREFIX = '.depeche-';

/** Temporary folders this process is writing: another build in the same process leaves them alone. */
export const active = new Set<string>();

/**
 * The swap: `target → aside`, then `fresh → target`. When the second rename fails, the previous
 * site goes back where it was. True when there was a previous site (now at `aside`).
 */
export async function swapIn(target: string, fresh: string, aside: string): Promise<boolean> {
  let moved = false;
  try {
    if (await exists(target)) {
      await rename(target, aside);
      moved = true;
    }
    await rename(fresh, target);
  } catch (error) {
    if (moved && !(await exists(target))) await rename(aside, target);
    throw error;
  }
  return moved;
}

/** Every folder of the new site gets the build's time, deepest first (after its children were written). */
export function setFolderTimes(fresh: string, mtime: Date): void {
  const folders = readdirSync(fresh, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name));
  for (const folder of [fresh, ...folders].sort().reverse()) utimesSync(folder, mtime, mtime);
}

/**
 * A build killed between its two renames leaves no output folder but a complete previous one
 * beside it: put that back before anything else.
 */
export async function recoverInterruptedSwap(target: string): Promise<void> {
  if (await exists(target)) return;
  const olds = (await temporaries(target)).filter((name) => name.startsWith(`${TEMP_PREFIX}old-`)).sort();
  const newest = olds.at(-1);
  if (newest !== undefined) await rename(join(dirname(target), newest), target);
}

/**
 * Removes what killed builds left behind: half-written new sites and unswept old ones. A folder of a
 * build still running (its process alive, or this process writing it) is left alone.
 */
export async function removeStaleTemporaries(target: string): Promise<void> {
  for (const name of await temporaries(target)) {
    const path = join(dirname(target), name);
    const pid = Number(temporaryId(target, name).split('-')[1]);
    if (active.has(path) || (pid !== process.pid && isAlive(pid))) continue;
    await rm(path, { recursive: true, force: true });
  }
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `<time>-<pid>-<random>`: what follows `.depeche-new-<out>-` or `.depeche-old-<out>-`. */
export function temporaryId(target: string, name: string): string {
  return name.slice(`${TEMP_PREFIX}new-${basename(target)}-`.length);
}

async function temporaries(target: string): Promise<string[]> {
  const names = await readdir(dirname(target));
  const suffix = `-${basename(target)}-`;
  return names.filter(
    (name) => name.startsWith(`${TEMP_PREFIX}new${suffix}`) || name.startsWith(`${TEMP_PREFIX}old${suffix}`),
  );
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
