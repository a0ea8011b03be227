/**
 * The writer a thread fills the new folder with: the build's own thread and each worker open one
 * on the same `OutputFolder` (plain data), and hand it the files they rendered or reuse. Nothing
 * else of a build writes into the new folder. Files are written in the thread that rendered them:
 * sending every page back to the build's thread to be written there costs memory and saves no time
 * (docs/architecture.md).
 */
import type { FolderWriter, OutputFolder } from './folder.js';
import { cannotLink, linkFiles, placeFiles } from './place.js';

export function openWriter(folder: OutputFolder): FolderWriter {
  // The folders this writer made: each costs one `mkdir`; another thread making the same one is harmless.
  const made = new Set<string>();
  return {
    folder,
    write: (files) => placeFiles(folder, files, made),
    link(files) {
      try {
        return linkFiles(folder, files, made);
      } catch (error) {
        if (cannotLink(error)) return undefined;
        throw error;
      }
    },
  };
}
