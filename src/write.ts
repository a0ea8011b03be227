/**
 * The one writer. The new site is written to a temporary folder beside the output folder, then
 * swapped into place with renames, so a failed or interrupted build never leaves a damaged site:
 * the output folder is always either the previous build or the new one, whole.
 */
import { mkdir, rename, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { OutputFile } from './model.js';

/** Prefix of the temporary folders the writer leaves beside the output folder while it works. */
const TEMP_PREFIX = '.depeche-';

export interface WriteResult {
  files: number;
  bytes: number;
}

export async function writeSite(outDir: string, files: readonly OutputFile[]): Promise<WriteResult> {
  const target = resolve(outDir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  await recoverInterruptedSwap(target);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const fresh = join(parent, `${TEMP_PREFIX}new-${basename(target)}-${stamp}`);
  const previous = join(parent, `${TEMP_PREFIX}old-${basename(target)}-${stamp}`);
  let bytes = 0;
  try {
    await mkdir(fresh);
    const folders = new Set<string>();
    for (const file of files) folders.add(dirname(confined(fresh, file.path)));
    for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
    for (const file of files) {
      await writeFile(confined(fresh, file.path), file.contents);
      bytes += typeof file.contents === 'string' ? Buffer.byteLength(file.contents) : file.contents.byteLength;
    }
    const hadPrevious = await exists(target);
    if (hadPrevious) await rename(target, previous);
    await rename(fresh, target);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  await removeStaleTemporaries(target);
  return { files: files.length, bytes };
}

/** The absolute path of `path` inside `root`; throws when the path would leave it. */
export function confined(root: string, path: string): string {
  const full = resolve(root, path);
  if (path === '' || path.includes('\0') || !full.startsWith(root + sep)) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(path)}`);
  }
  return full;
}

/**
 * A build killed between its two renames leaves no output folder but a complete previous one
 * beside it: put that back before anything else.
 */
async function recoverInterruptedSwap(target: string): Promise<void> {
  if (await exists(target)) return;
  const olds = (await temporaries(target)).filter((name) => name.startsWith(`${TEMP_PREFIX}old-`)).sort();
  const newest = olds.at(-1);
  if (newest !== undefined) await rename(join(dirname(target), newest), target);
}

/** Removes what killed builds left behind: half-written new sites and unswept old ones. */
async function removeStaleTemporaries(target: string): Promise<void> {
  for (const name of await temporaries(target)) {
    await rm(join(dirname(target), name), { recursive: true, force: true });
  }
}

async function temporaries(target: string): Promise<string[]> {
  const names = await readdir(dirname(target));
  const suffix = `-${basename(target)}-`;
  return names.filter(
    (name) => (name.startsWith(`${TEMP_PREFIX}new${suffix}`) || name.startsWith(`${TEMP_PREFIX}old${suffix}`)),
  );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
