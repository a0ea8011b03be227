/**
 * What a burst of changed paths (relative to the content folder, as the watcher gives them) asks
 * of the dev server: the article records to read again, or a full build. Only a file directly in
 * `articles/` is a record (`openContent` lists that folder alone); a file there that does not end
 * in `.md` is not content, and changes nothing. Anything else (`site.yaml`, `public/`, the folder
 * itself, a path in a subfolder, an empty path) asks for a full build.
 */

/** The record file names (`x.md`) to read again, sorted and once each; `'full'` for a full build. */
export function recordsChanged(paths: readonly string[]): string[] | 'full' {
  if (paths.length === 0) return 'full';
  const names = new Set<string>();
  for (const path of paths) {
    const parts = path.split(/[\\/]/);
    const [folder, name] = parts;
    if (parts.length !== 2 || folder !== 'articles' || name === undefined || name === '' || name.startsWith('.'))
      return 'full';
    if (name.endsWith('.md')) names.add(name);
  }
  return [...names].sort();
}
