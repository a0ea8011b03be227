/**
 * The listing of a spare (write/spare.ts): every file and folder it holds when a build opens it,
 * so that the commit removes those the new site does not have. A spare of 10,000 articles is
 * 10,000 folders and 20,000 files: the listing is two arrays of relative paths, each made by
 * joining a name to its folder's path as it goes (Node's recursive listing gives each entry its
 * folder's absolute path, and cutting, splitting and joining those costs more than the walk). The
 * listing runs in a small worker thread, on the other core, while the build's thread fills the
 * spare: Node 20's promise `readdir` would not do, as its callbacks, one per folder, cost the
 * build's thread more than the listing they move off it. The worker imports nothing but Node's own
 * modules, so that it starts quickly, and answers with the two arrays.
 *
 * Why a listing made while the spare is being filled is still right. The build, in any thread,
 * only places the new site's files: it unlinks then writes or links a file at a path of the new
 * site; it makes the folders above them, unlinking a file of an earlier site where the new site
 * has a folder; it removes a folder of an earlier site (and all it holds) where the new site has a
 * file (write/place.ts, `clear` and `makeParent`). No one else writes into the spare (the lock).
 * So an entry the commit must remove (held before the build, not in the new site) is neither
 * created nor removed while the listing runs, unless a folder above it is removed whole, and then
 * it is gone already. POSIX `readdir` returns exactly once every entry that is neither added nor
 * removed during the scan, so the listing holds every entry to remove:
 *   - a stale file, and a stale folder: listed (the folder pass of `removeOthers` removes the
 *     folders that hold nothing of the new site, which the listing therefore holds too);
 *   - an entry the build places while the listing runs: perhaps listed, perhaps not; it is a
 *     path of the new site (a file, or a folder above one), which `removeOthers` keeps;
 *   - an entry the build replaces (a file that becomes a folder, a folder that becomes a file):
 *     listed as either, or not at all; `removeOthers` keeps the new site's paths whatever their
 *     kind now is, and a folder that went while it was being read is skipped here: the build
 *     removed everything in it.
 *
 * Workers start from the compiled `lib/` only; under tsx or vitest (`src/*.ts`) the spare is
 * listed at once, in this thread, as before.
 */
import { type Dirent, existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What a spare holds: its files (and links) and its folders, relative, `/`-separated. */
export interface SpareEntries {
  files: string[];
  folders: string[];
}

/** The worker's one message. */
export type ListingAnswer = SpareEntries | { error: string; code?: string };

/** A listing under way. */
export interface SpareListing {
  /** Whether it runs in a worker thread; else it was made at once, in this thread. */
  readonly inWorker: boolean;
  /** The entries; rejects when the listing failed, or its worker failed or stopped before answering. */
  entries(): Promise<SpareEntries>;
  /** Drops the listing (the spare was emptied, or the build failed): its worker stops, and its answer is never used. */
  discard(): void;
}

const LISTING_WORKER = new URL('./spare-listing-worker.js', import.meta.url);

/** Starts listing `root`, in a worker thread when `workerFile` exists (compiled), else at once here. */
export function startListing(root: string, workerFile: URL = LISTING_WORKER): SpareListing {
  if (!existsSync(fileURLToPath(workerFile))) return listedHere(root);
  let worker: Worker;
  try {
    // Without the process's options: it needs none, and some fail a worker (`--input-type`, given with `-e`).
    worker = new Worker(workerFile, { workerData: root, execArgv: [] });
  } catch {
    return listedHere(root);
  }
  return listedInWorker(root, worker);
}

function listedHere(root: string): SpareListing {
  const entries = listEntries(root);
  let discarded = false;
  return {
    inWorker: false,
    entries: async () => {
      if (discarded) throw new Error(`the listing of ${root} was discarded`);
      return entries;
    },
    discard: () => {
      discarded = true;
    },
  };
}

function listedInWorker(root: string, worker: Worker): SpareListing {
  let settled = false;
  let discarded = false;
  let resolve: (entries: SpareEntries) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const answer = new Promise<SpareEntries>((resolveAnswer, rejectAnswer) => {
    resolve = resolveAnswer;
    reject = rejectAnswer;
  });
  // A failure that no commit waits for (the build failed first) is not an unhandled rejection.
  answer.catch(() => undefined);
  const fail = (error: Error): void => {
    if (settled) return;
    settled = true;
    reject(error);
  };
  worker.on('message', (message: ListingAnswer) => {
    if (settled) return;
    if ('error' in message) {
      fail(
        Object.assign(
          new Error(`listing the spare ${root} failed: ${message.error}`),
          message.code === undefined ? {} : { code: message.code },
        ),
      );
      return;
    }
    settled = true;
    resolve(message);
  });
  worker.on('messageerror', (error) =>
    fail(new Error(`the answer of the worker listing the spare ${root} could not be read: ${error.message}`)),
  );
  worker.on('error', (error) => fail(new Error(`the worker listing the spare ${root} failed: ${error.message}`)));
  worker.on('exit', (code) =>
    fail(new Error(`the worker listing the spare ${root} stopped (exit code ${code}) before it answered`)),
  );
  // Never keeps the process alive by itself: a build that failed or was aborted ends without
  // waiting for it; only a commit waiting for its answer holds the process (`entries`). After the
  // listeners: adding a 'message' listener refs the worker again.
  worker.unref();
  return {
    inWorker: true,
    entries() {
      if (discarded) return Promise.reject(new Error(`the listing of ${root} was discarded`));
      if (!settled) worker.ref();
      return answer;
    },
    discard() {
      discarded = true;
      // Settled, so that no late answer is taken, and no rejection is reported.
      settled = true;
      void worker.terminate();
    },
  };
}

/**
 * Every file and folder under `root`, folder by folder. A folder that is gone, or is a file, when
 * its turn comes was removed by the build with all it held (see above): it has nothing to list.
 */
export function listEntries(root: string): SpareEntries {
  const files: string[] = [];
  const folders: string[] = [];
  const queue = [''];
  for (let at = 0; at < queue.length; at++) {
    const folder = queue[at] ?? '';
    const prefix = folder === '' ? '' : `${folder}/`;
    for (const entry of readFolder(root, folder)) {
      const path = prefix + entry.name;
      if (entry.isDirectory()) {
        folders.push(path);
        queue.push(path);
      } else {
        files.push(path);
      }
    }
  }
  return { files, folders };
}

function readFolder(root: string, folder: string): Dirent[] {
  const path = folder === '' ? root : join(root, folder);
  for (let attempt = 1; ; attempt++) {
    try {
      return readdirSync(path, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (folder === '' || (code !== 'ENOENT' && code !== 'ENOTDIR')) throw error;
      if (lstatSync(path, { throwIfNoEntry: false })?.isDirectory() !== true) return [];
      // Still a folder: on a file system that gives no entry types, Node looks each one up, and
      // one went in between. Read it again; a folder that keeps failing is an error.
      if (attempt === 3) throw error;
    }
  }
}
