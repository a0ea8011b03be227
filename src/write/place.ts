/**
 * Placing files in the folder a build fills (see write/output.ts for the swap that follows): each file is
 * hard-linked from the previous build when its bytes are unchanged (write/reuse.ts), else written.
 * Synchronous calls: one file at a time is what the disk does anyway, without a thread-pool round
 * trip per file. Called through a thread's writer (write/writer.ts), each thread with its own files.
 *
 * A spare (write/spare.ts) already holds files, some of them links to the
 * served site's: a file there is unlinked before it is written, never written into.
 */
import { linkSync, lstatSync, mkdirSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { OutputFile } from '../model.js';
import type { OutputFolder, WriteResult } from './folder.js';
import { linkIfUnchanged } from './reuse.js';

/**
 * Places `files` in `folder.fresh`. `made` holds the folders this caller already made (kept between
 * calls, so that each folder costs one `mkdir`); another thread making the same folder is harmless.
 */
export function placeFiles(folder: OutputFolder, files: Iterable<OutputFile>, made: Set<string>): WriteResult {
  const { fresh, target, mtime } = folder;
  const result: WriteResult = { files: 0, bytes: 0, linked: 0 };
  for (const file of files) {
    const destination = confined(fresh, file.path);
    makeParent(folder, destination, made);
    if (folder.spare === true) clear(destination);
    const bytes = typeof file.contents === 'string' ? Buffer.from(file.contents) : file.contents;
    result.files++;
    result.bytes += bytes.byteLength;
    if (folder.previous !== false && linkIfUnchanged(join(target, file.path), destination, bytes, mtime)) {
      result.linked++;
    } else {
      writeFileSync(destination, bytes);
      // Never on a linked file: its inode is the served site's too (it has the time already).
      if (mtime !== undefined) utimesSync(destination, mtime, mtime);
    }
  }
  return result;
}

/**
 * Links `files` from the previous site (`folder.target`) into the new folder, as they are: the
 * caller knows they are unchanged (incremental/cache.ts), and `ino` is the inode each has there. Their
 * time is left alone: it is part of what tells the next build that they are unchanged. In a spare,
 * a file that already is that inode is left as it is.
 */
export function linkFiles(
  folder: OutputFolder,
  files: Iterable<{ path: string; size: number; ino: number }>,
  made: Set<string>,
): WriteResult {
  const { fresh, target } = folder;
  const result: WriteResult = { files: 0, bytes: 0, linked: 0 };
  const linked: string[] = [];
  try {
    for (const file of files) {
      const destination = confined(fresh, file.path);
      result.files++;
      result.linked++;
      result.bytes += file.size;
      if (folder.spare === true) {
        if (lstatSync(destination, { throwIfNoEntry: false })?.ino === file.ino) continue;
        makeParent(folder, destination, made);
        clear(destination);
      } else {
        makeParent(folder, destination, made);
      }
      linkSync(join(target, file.path), destination);
      linked.push(destination);
    }
  } catch (error) {
    // The caller writes these files instead: no link to the served site's files may stay in the way.
    for (const destination of linked) clear(destination);
    throw error;
  }
  return result;
}

/** The errors of a file system that cannot hard-link (FAT, some network shares) or not this file again. */
export function cannotLink(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    code === 'EPERM' ||
    code === 'EXDEV' ||
    code === 'EMLINK' ||
    code === 'ENOTSUP' ||
    code === 'ENOSYS' ||
    code === 'EOPNOTSUPP'
  );
}

/** Makes the folder of `destination` once per caller; in a spare, a file in its way goes. */
function makeParent(folder: OutputFolder, destination: string, made: Set<string>): void {
  const parent = dirname(destination);
  if (parent === folder.fresh || made.has(parent)) return;
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (folder.spare !== true || (code !== 'EEXIST' && code !== 'ENOTDIR')) throw error;
    // An earlier site had a file where this site has a folder.
    for (let above = parent; above !== folder.fresh; above = dirname(above)) {
      if (lstatSync(above, { throwIfNoEntry: false })?.isDirectory() === false) unlinkSync(above);
    }
    mkdirSync(parent, { recursive: true });
  }
  for (let above = parent; above !== folder.fresh && !made.has(above); above = dirname(above)) made.add(above);
}

/** Removes what a spare holds at `path` (a file, or a folder of an earlier site). */
function clear(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'EISDIR' || code === 'EPERM') rmSync(path, { recursive: true, force: true });
    else throw error;
  }
}

export function addResult(sum: WriteResult, more: WriteResult): WriteResult {
  sum.files += more.files;
  sum.bytes += more.bytes;
  sum.linked += more.linked;
  return sum;
}

/** The absolute path of `path` inside `root`; throws when the path would leave it. */
export function confined(root: string, path: string): string {
  const full = resolve(root, path);
  if (path === '' || path.includes('\0') || !full.startsWith(root + sep)) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(path)}`);
  }
  return full;
}
