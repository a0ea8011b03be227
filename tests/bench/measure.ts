/**
 * One measurement of the benchmark, and the file-system chores around it: what a build wrote,
 * when the bench last deleted files (see `settle`), removing a tree with its time.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildUsage } from './child.js';

/** One run of one row. Undefined figures were not measured (printed as —). */
export interface Sample {
  wallMs: number;
  userMs?: number;
  sysMs?: number;
  /** User + system, when only the sum is known (a running process read from /proc). */
  cpuMs?: number;
  maxRssBytes?: number;
  filesWritten?: number;
  bytesWritten?: number;
}

/** A line of the results table: a measured task at one corpus size, over several runs. */
export interface Row {
  size: number;
  name: string;
  samples: Sample[];
  /** Why the row has no samples (a failed build, a feature that does not exist yet). */
  missing?: string;
  /** False for rows whose "articles per second" means nothing (rm, node start-up). */
  perArticle?: boolean;
}

/**
 * On an ext4 without a journal, inodes freed less than about a minute ago are skipped when new
 * files are created, which makes writing thousands of files right after deleting thousands cost
 * many times more system time. The bench records when it last deleted files, so the rows that
 * must start from a quiet disk can wait for it.
 */
export const SETTLE_MS = 65_000;
let lastDeletion = 0;

export function noteDeletion(): void {
  lastDeletion = performance.now();
}

/** Waits until no file was deleted by the bench for `SETTLE_MS`; returns the milliseconds waited. */
export async function settle(log: (line: string) => void): Promise<number> {
  const wait = Math.max(0, lastDeletion + SETTLE_MS - performance.now());
  if (lastDeletion > 0 && wait > 0) {
    log(`waiting ${(wait / 1000).toFixed(0)} s for the disk to forget the last deletion…`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return wait;
}

/** Removes a tree (if it exists) and returns the wall time it took. */
export function removeTree(path: string): number {
  const started = performance.now();
  let existed = true;
  try {
    statSync(path);
  } catch {
    existed = false;
  }
  rmSync(path, { recursive: true, force: true });
  if (existed) noteDeletion();
  return performance.now() - started;
}

/** Files under `dir` last modified at or after `sinceMs` (epoch): what a build wrote or rewrote. */
export function filesModifiedSince(dir: string, sinceMs: number): { files: number; total: number } {
  let files = 0;
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    total++;
    if (statSync(join(entry.parentPath, entry.name)).mtimeMs >= sinceMs) files++;
  }
  return { files, total };
}

/** A build's sample: the child's usage, and the files of `outDir` it wrote (new modification times). */
export function buildSample(usage: ChildUsage, outDir: string, startedEpochMs: number): Sample {
  // The kernel's file timestamps come from a coarse clock that may lag a few milliseconds.
  const { files } = filesModifiedSince(outDir, startedEpochMs - 20);
  return {
    wallMs: usage.wallMs,
    userMs: usage.userMs,
    sysMs: usage.sysMs,
    maxRssBytes: usage.maxRssBytes,
    filesWritten: files,
    bytesWritten: usage.writtenBytes - Buffer.byteLength(usage.stdout),
  };
}
