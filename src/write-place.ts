/**
 * Placing files in the folder a build fills (see write.ts for the swap that follows): each file is
 * hard-linked from the previous build when its bytes are unchanged (write-reuse.ts), else written.
 * Synchronous calls: one file at a time is what the disk does anyway, without a thread-pool round
 * trip per file. Called by the build's own thread and by its workers, each with its own files.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { OutputFile } from './model.js';
import type { OutputFolder, WriteResult } from './write.js';
import { linkIfUnchanged } from './write-reuse.js';

/**
 * Places `files` in `folder.fresh`. `made` holds the folders this caller already made (kept between
 * calls, so that each folder costs one `mkdir`); another thread making the same folder is harmless.
 */
export function placeFiles(folder: OutputFolder, files: Iterable<OutputFile>, made: Set<string>): WriteResult {
  const { fresh, target, mtime } = folder;
  const result: WriteResult = { files: 0, bytes: 0, linked: 0 };
  for (const file of files) {
    const destination = confined(fresh, file.path);
    const parent = dirname(destination);
    if (parent !== fresh && !made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      for (let above = parent; above !== fresh && !made.has(above); above = dirname(above)) made.add(above);
    }
    const bytes = typeof file.contents === 'string' ? Buffer.from(file.contents) : file.contents;
    result.files++;
    result.bytes += bytes.byteLength;
    if (linkIfUnchanged(join(target, file.path), destination, bytes)) result.linked++;
    else writeFileSync(destination, bytes);
    // Linked files get the time too: they may come from a build made with another.
    if (mtime !== undefined) utimesSync(destination, mtime, mtime);
  }
  return result;
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
