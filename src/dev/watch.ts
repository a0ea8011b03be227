/**
 * Watches a folder and everything under it, and calls `onChange` once a burst of changes has
 * settled. Editors save in several steps (a temporary file, a rename, a backup): the debounce turns
 * them into one rebuild; their swap and backup files are not content and are ignored.
 *
 * On Linux, Node 20's `fs.watch(dir, { recursive: true })` watches each file by itself: once a file
 * is replaced by a rename (the safe writes of JetBrains IDEs, VS Code's `files.saveAtomically`), it
 * reports none of that file's later changes. There each folder is watched alone instead (inotify
 * on the folder names every file changed in it), and a folder that appears is watched too. macOS
 * (FSEvents) and Windows watch a tree natively.
 */
import { type FSWatcher, lstatSync, readdirSync, watch } from 'node:fs';
import { join, relative } from 'node:path';
import { isSkippedFile } from '../content/ignored-files.js';

export interface Watcher {
  close(): void;
}

/**
 * `onChange` receives the changed paths (relative to `dir`) of a burst, once no change has come for
 * `debounceMs`. Throws when `dir` cannot be watched (it does not exist).
 */
export function watchFolder(
  dir: string,
  debounceMs: number,
  onChange: (paths: string[]) => void,
  onError: (error: Error) => void,
): Watcher {
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  const changedAt = (path: string): void => {
    if (isSkippedFile(path)) return;
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed].sort();
      changed = new Set();
      onChange(paths);
    }, debounceMs);
  };
  const watchers =
    process.platform === 'linux' ? watchEachFolder(dir, changedAt, onError) : watchTree(dir, changedAt, onError);
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function watchTree(
  dir: string,
  changedAt: (path: string) => void,
  onError: (error: Error) => void,
): Map<string, FSWatcher> {
  const watcher = watch(dir, { recursive: true }, (_event, filename) =>
    changedAt(filename === null ? '' : filename.toString()),
  );
  watcher.on('error', onError);
  return new Map([[dir, watcher]]);
}

/** One watcher a folder, by folder; a folder that appears is watched, one that goes is forgotten. */
function watchEachFolder(
  dir: string,
  changedAt: (path: string) => void,
  onError: (error: Error) => void,
): Map<string, FSWatcher> {
  const watchers = new Map<string, FSWatcher>();
  const add = (folder: string): void => {
    if (watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, (event, filename) => {
        const path = filename === null ? folder : join(folder, filename.toString());
        changedAt(relative(dir, path));
        // A name that appears or goes: a folder made (watch it and what it holds) or removed.
        if (event === 'rename' && filename !== null && !isSkippedFile(path)) folderChanged(path);
      });
    } catch (error) {
      // The top folder must be watched; one under it may be gone already.
      if (folder === dir) throw error;
      return;
    }
    watcher.on('error', (error) => {
      if (folder === dir) onError(error);
      else forget(folder);
    });
    watchers.set(folder, watcher);
    for (const entry of readdirSync(folder, { withFileTypes: true, encoding: 'utf8' })) {
      if (entry.isDirectory()) add(join(folder, entry.name));
    }
  };
  const forget = (folder: string): void => {
    for (const [path, watcher] of watchers) {
      if (path === folder || path.startsWith(`${folder}/`)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };
  const folderChanged = (path: string): void => {
    let isFolder = false;
    try {
      isFolder = lstatSync(path).isDirectory();
    } catch {
      // Gone.
    }
    if (isFolder) {
      try {
        add(path);
      } catch {
        // Gone meanwhile.
      }
    } else if (watchers.has(path)) forget(path);
  };
  add(dir);
  return watchers;
}
