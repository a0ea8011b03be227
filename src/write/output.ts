/**
 * The one writer. The new site is written to a folder beside the output folder, then swapped into
 * place by renames, so a failed or interrupted build never leaves a damaged site: the served folder
 * is never written into (a file linked from it is never written, nor given another time).
 *
 * The swap is `rename(out → old)` then `rename(new → out)`; for an incremental build, whose folder
 * is the spare of write/spare.ts, a third rename keeps `old` as the next spare. Between the first
 * two, for the time of one system call, `out` does not exist: POSIX `rename` cannot replace a
 * folder that is not empty, and the call that can exchange two folders at once (Linux
 * `renameat2(RENAME_EXCHANGE)`) is not reachable from Node. A build killed in that window leaves
 * `old` whole beside the missing `out`; the next build (`openOutput`, so any `writeSite` or `build`)
 * puts it back before doing anything else. So `out` is always the previous site or the new one,
 * whole, or, until the next build after such a kill, absent with the previous site complete beside
 * it (tests/write/kill.slow.test.ts and tests/write/spare-kill.slow.test.ts kill builds to check this).
 */
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { basename, dirname, join, parse, resolve, sep } from 'node:path';
import type { OutputFile } from '../model.js';
import type { OutputFolder, SiteOutput, WriteResult } from './folder.js';
import { addResult } from './place.js';
import { openWriter } from './writer.js';
import { openSpare, recoverSpareSwap, spareInUse } from './spare.js';
import {
  active,
  exists,
  recoverInterruptedSwap,
  removeStaleTemporaries,
  setFolderTimes,
  swapIn,
  TEMP_PREFIX,
  temporaryId,
} from './swap.js';

export { confined } from './place.js';
export type { OutputFolder, SiteOutput, WriteResult } from './folder.js';

export interface WriteOptions {
  /**
   * Modification time of every file and folder written, for byte-identical archives of the site
   * (`SOURCE_DATE_EPOCH`). Default: left to the file system (the time of writing).
   */
  mtime?: Date;
  /**
   * Folders the output folder may neither be, nor hold, nor sit inside (the content folder): the
   * writer replaces the output folder whole. The working directory and its ancestors are always
   * protected. Default: none besides those.
   */
  protect?: readonly string[];
  /**
   * Keeps the previous site, once swapped out, as the folder the next build fills (write/spare.ts):
   * nothing is deleted and only what changed is written. Default false: the previous site is deleted.
   */
  spare?: boolean;
}

/** Writes a whole site from a stream of files: `openOutput`, its writer, `commit`. */
export async function writeSite(
  outDir: string,
  files: Iterable<OutputFile> | AsyncIterable<OutputFile>,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const output = await openOutput(outDir, options);
  let placed: WriteResult;
  try {
    placed = { files: 0, bytes: 0, linked: 0 };
    for await (const file of files) addResult(placed, output.writer.write([file]));
  } catch (error) {
    await output.abort();
    await output.release();
    throw error;
  }
  try {
    return await output.commit(placed, new Set());
  } finally {
    await output.release();
  }
}

/** Prepares the swap: refuses a protected folder, repairs an interrupted swap, makes the new folder. */
export async function openOutput(outDir: string, options: WriteOptions = {}): Promise<SiteOutput> {
  const target = resolve(outDir);
  const parent = dirname(target);
  await refuseProtected(target, options.protect ?? []);
  await mkdir(parent, { recursive: true });
  // A spare's swap first: when it exists, it is the newest state (see write/spare.ts).
  if (options.spare === true) return openSpare(target, options.mtime, () => recoverInterruptedSwap(target));
  if (!spareInUse(target)) await recoverSpareSwap(target);
  await recoverInterruptedSwap(target);
  // Named by time first, so that names sort by age, then by process, so that a dead build's are known.
  const fresh = await mkdtemp(
    join(parent, `${TEMP_PREFIX}new-${basename(target)}-${Date.now().toString(36).padStart(9, '0')}-${process.pid}-`),
  );
  const previous = join(parent, `${TEMP_PREFIX}old-${basename(target)}-${temporaryId(target, basename(fresh))}`);
  active.add(fresh);
  const folder: OutputFolder = {
    fresh,
    target,
    previous: await exists(target),
    ...(options.mtime === undefined ? {} : { mtime: options.mtime }),
  };
  let closed = false;
  const abort = async (): Promise<void> => {
    closed = true;
    await rm(fresh, { recursive: true, force: true });
    active.delete(fresh);
  };
  return {
    folder,
    writer: openWriter(folder),
    abort,
    release: async () => undefined,
    async commit(placed) {
      if (closed) throw new Error('this output was already committed or aborted');
      closed = true;
      let moved: boolean;
      try {
        if (options.mtime !== undefined) setFolderTimes(fresh, options.mtime);
        moved = await swapIn(target, fresh, previous);
      } catch (error) {
        await rm(fresh, { recursive: true, force: true });
        throw error;
      } finally {
        active.delete(fresh);
      }
      if (moved) await rm(previous, { recursive: true, force: true });
      await removeStaleTemporaries(target);
      return placed;
    },
  };
}

/**
 * Replacing the output folder whole must never take a folder the user keeps: `--out .` would have
 * replaced the project (content, .git) with the site, and `--out content` the records.
 */
async function refuseProtected(target: string, protect: readonly string[]): Promise<void> {
  const real = await realpathOrSelf(target);
  const refuse = (why: string): never => {
    throw new Error(`refusing to replace ${target} with the site: it ${why}; choose an output folder of its own`);
  };
  if (real === parse(real).root) refuse('is the root of the file system');
  if (within(real, await realpathOrSelf(process.cwd()))) refuse(`holds the working directory ${process.cwd()}`);
  for (const folder of protect) {
    const kept = await realpathOrSelf(folder);
    if (within(real, kept)) refuse(`holds ${folder}`);
    if (within(kept, real)) refuse(`is inside ${folder}`);
  }
}

/** True when `inner` is `outer` or inside it. */
function within(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

async function realpathOrSelf(path: string): Promise<string> {
  const resolved = resolve(path);
  return realpath(resolved).catch(async () =>
    join(await realpathOrSelf(dirname(resolved)).catch(() => dirname(resolved)), basename(resolved)),
  );
}
