/** Reads a built site's folder into memory for the checks: the only file-system reads of `check`. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { OutputFile } from '../model.js';

/** Every regular file under `folder`, with its path relative to it; symbolic links are not followed. */
export async function readSite(folder: string): Promise<OutputFile[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files: OutputFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({ path: relative(folder, path).split(sep).join('/'), contents: await readFile(path) });
  }
  return files;
}
