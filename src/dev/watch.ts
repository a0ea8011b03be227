/**
 * Watches a folder and everything under it (`fs.watch` recursive: inotify on Linux, FSEvents on
 * macOS, Windows natively; Node 20), and calls `onChange` once a burst of changes has settled.
 * Editors save in several steps (a temporary file, a rename, a backup): the debounce turns them into
 * one rebuild. Their swap and backup files are not content and are ignored.
 */
import { watch } from 'node:fs';

export interface Watcher {
  close(): void;
}

/** Swap, backup and hidden files: `.x.md.swp`, `x.md~`, vim's `4913` probe, `.DS_Store`. */
const IGNORED = /(^|[/\\])(\.[^/\\]*|[^/\\]*~|4913|[^/\\]*\.sw[a-p])$/;

/**
 * `onChange` receives the changed paths (relative to `dir`) of a burst, once no change has come for
 * `debounceMs`. Throws when `dir` cannot be watched (it does not exist).
 */
export function watchFolder(dir: string, debounceMs: number, onChange: (paths: string[]) => void, onError: (error: Error) => void): Watcher {
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  const watcher = watch(dir, { recursive: true }, (_event, filename) => {
    const path = filename === null ? '' : filename.toString();
    if (IGNORED.test(path)) return;
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed].sort();
      changed = new Set();
      onChange(paths);
    }, debounceMs);
  });
  watcher.on('error', onError);
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
