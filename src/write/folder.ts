/** What the writer works on: plain data, shared by the build's thread and its workers. */
import type { OutputFile } from '../model.js';

export interface WriteResult {
  files: number;
  bytes: number;
  /**
   * How many files were hard-linked from the previous build instead of written (same bytes), or,
   * in a spare, found there already as the very file of the previous build.
   */
  linked: number;
}

/**
 * Where a build's files go while it runs: the new folder and the site it will replace. Plain data,
 * so that each worker thread opens its own writer on it (write/writer.ts).
 */
export interface OutputFolder {
  /** The folder being filled: a new one beside the output folder, or its spare in `.depeche/`. */
  fresh: string;
  /** The output folder: the previous build, whose unchanged files are hard-linked. */
  target: string;
  /** False when there was no output folder when the build began: nothing to link from. */
  previous?: boolean;
  mtime?: Date;
  /**
   * The folder is a spare (write/spare.ts) holding an earlier site's files: every file is replaced,
   * never written into, since it may be a link to a file of the site being served.
   */
  spare?: boolean;
}

/** A file of the previous site known to be unchanged: its path, its size and its inode there. */
export interface UnchangedFile {
  path: string;
  size: number;
  ino: number;
}

/** A thread's writer into the new folder (`openWriter` in write/writer.ts). */
export interface FolderWriter {
  readonly folder: OutputFolder;
  /** Writes `files`, each hard-linked from the previous site instead when its bytes are the same. */
  write(files: Iterable<OutputFile>): WriteResult;
  /**
   * Links `files` from the previous site as they are; undefined when the file system cannot link
   * them (nothing of them is left in the new folder): then the caller renders and writes them.
   */
  link(files: Iterable<UnchangedFile>): WriteResult | undefined;
}

/** An open output: fill `folder` (here or in workers), then `commit` to swap it in, or `abort`. */
export interface SiteOutput {
  readonly folder: OutputFolder;
  /** The writer of the build's own thread; a worker opens its own on `folder`. */
  readonly writer: FolderWriter;
  /**
   * Swaps the new site in; `placed` is what every writer's calls returned, summed, and `paths`
   * every file of the new site (a spare's other files are removed first).
   */
  commit(placed: WriteResult, paths: ReadonlySet<string>): Promise<WriteResult>;
  /** Removes the new folder (a spare stays); the previous site stays as it was. */
  abort(): Promise<void>;
  /** Ends the build's hold on the output (the spare's lock), after `commit` or `abort`. */
  release(): Promise<void>;
}
