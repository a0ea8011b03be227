/** A folder as data: every file's path and SHA-256, to compare whole sites byte for byte. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `path → sha256` of every file under `dir`, paths `/`-separated and sorted; undefined if `dir` is missing. */
export function treeOf(dir: string): Record<string, string> | undefined {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const tree: Record<string, string> = {};
  const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
  for (const path of paths)
    tree[path] = createHash('sha256')
      .update(readFileSync(join(dir, path)))
      .digest('hex');
  return tree;
}

/** The names in `dir` that the writer uses for its temporary folders. */
export function temporaryFolders(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith('.depeche-'))
    .sort();
}
