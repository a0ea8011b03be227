/**
 * Reusing the previous build: a file whose bytes have not changed is hard-linked from the previous
 * site instead of written again. A link needs no new inode, and allocating inodes is what makes
 * rewriting a large site slow on ext4 (inodes freed less than a minute ago are skipped).
 *
 * The previous file is compared byte for byte with the new one: no manifest, so nothing can go
 * stale, and a file edited by hand in the output folder is simply written again.
 */
import { linkSync, readFileSync, statSync } from 'node:fs';

/**
 * Links `source` (the previous build's copy) to `destination` when it holds exactly `bytes` (and
 * has the modification time `mtime`, when given);
 * false when it does not, does not exist, or the file system cannot link (then the caller writes).
 */
export function linkIfUnchanged(source: string, destination: string, bytes: Uint8Array, mtime?: Date): boolean {
  let previous: Buffer;
  try {
    previous = readFileSync(source);
  } catch {
    return false;
  }
  if (!previous.equals(bytes)) return false;
  // A file that needs another time is written: setting it on a link would change the served file's.
  if (mtime !== undefined && Math.abs(statSync(source).mtimeMs - mtime.getTime()) >= 1) return false;
  try {
    linkSync(source, destination);
    return true;
  } catch {
    return false;
  }
}
