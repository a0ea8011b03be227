/**
 * The one rule for the files that editors and systems leave beside content, shared by the loader
 * and the dev server's watcher so that `build` and `dev` skip the same files.
 *
 * Skipped: an editor's lock, swap, backup, probe and temporary files, and every other hidden file
 * that is not a record. A hidden record (`.draft.md`) is not skipped: the loader refuses it, so that
 * a record someone meant to publish is never silently left out.
 */
import { basename } from 'node:path';

/**
 * Emacs's lock `.#x.md` and auto-save `#x.md#`, backups `x.md~`, vim's swap files (`.x.md.swp` to
 * `.swa`), vim's `4913` write probe, `*.tmp` (safe writes of several editors), macOS's `.DS_Store`.
 */
const EDITOR_FILE = /^(\.#.*|#.*#|.*~|.*\.sw[a-p]|4913|.*\.tmp|\.DS_Store)$/i;

/** Whether the file `path` (its last segment counts) is an editor's or the system's, never content. */
export function isEditorFile(path: string): boolean {
  return EDITOR_FILE.test(basename(path));
}

/** Whether `path` is skipped by build and dev alike: an editor file, or a hidden file that is not a record. */
export function isSkippedFile(path: string): boolean {
  const name = basename(path);
  return isEditorFile(name) || (name.startsWith('.') && !name.endsWith('.md'));
}

/** Whether `path` is a hidden record (`.draft.md`), which the loader refuses rather than skips. */
export function isHiddenRecord(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') && name.endsWith('.md') && !isEditorFile(name);
}
