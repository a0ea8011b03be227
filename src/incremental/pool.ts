/**
 * The threads a build works in: a pool of worker threads (`incremental/worker.ts`), one per core as
 * `os.availableParallelism()` counts them, each running a shard (`incremental/shard.ts`) that reads
 * and renders the records it is given, batch by batch, and hands their files to its own writer.
 * Small sites are built in the build's own thread: starting the workers (each loads the parsers
 * and renderers) costs more than it saves below a few hundred records. Workers run from the
 * compiled `lib/` only; under tsx or vitest (`src/*.ts`) the same shard runs in-process.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type BatchRecord, type BatchResult, createShard, type Shard, type ShardSetup } from './shard.js';
import type { Article } from '../model.js';

/** Below this many records, one thread builds them all. */
export const POOL_THRESHOLD = 200;

/** The shards of a build, called as one: batches go to the least busy. */
export interface ShardPool {
  /** How many shards work at once; a caller keeps about twice as many batches in hand. */
  readonly size: number;
  /** Reads, checks and renders a batch, and places its files (see `Shard.render`). */
  render(batch: readonly BatchRecord[], write: boolean): Promise<BatchResult>;
  /** Every shard's newest articles, whole. */
  newest(): Promise<Article[]>;
  close(): Promise<void>;
}

export function createShardPool(setup: ShardSetup, records: number): ShardPool {
  const workerFile = new URL('./worker.js', import.meta.url);
  const threads = availableParallelism();
  if (records < POOL_THRESHOLD || threads < 2 || !existsSync(fileURLToPath(workerFile))) {
    return inThisThread(createShard(setup));
  }
  return workerPool(workerFile, setup, threads);
}

function inThisThread(shard: Shard): ShardPool {
  return {
    size: 1,
    render: async (batch, write) => shard.render(batch, write),
    newest: async () => shard.newest(),
    close: async () => undefined,
  };
}

/** A call to a worker's shard, and its answer. */
export type ShardRequest = { method: 'render'; batch: readonly BatchRecord[]; write: boolean } | { method: 'newest' };
export type ShardCall = ShardRequest & { id: number };
export type ShardAnswer = { id: number; value: unknown } | { id: number; error: string; code?: string };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** The worker the call went to. */
  worker: number;
}

function workerPool(file: URL, setup: ShardSetup, size: number): ShardPool {
  const pending = new Map<number, Pending>();
  const busy: number[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  let closing = false;
  /** A worker died: its calls fail, and so does any call after; the other workers finish theirs. */
  const fail = (index: number, error: Error): void => {
    failure ??= error;
    for (const [id, job] of pending) {
      if (job.worker !== index) continue;
      pending.delete(id);
      job.reject(error);
    }
  };
  const workers = Array.from({ length: size }, (_, index) => {
    // A small young generation: a worker's garbage (each record's tokens and strings) is collected
    // sooner, so that the process holds less at once, at no cost in time.
    const worker = new Worker(file, {
      workerData: setup,
      execArgv: workerOptions(process.execArgv),
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    busy[index] = 0;
    worker.on('message', (answer: ShardAnswer) => {
      busy[index] = (busy[index] ?? 1) - 1;
      const job = pending.get(answer.id);
      pending.delete(answer.id);
      if ('error' in answer)
        job?.reject(
          Object.assign(
            new Error(`a build worker failed: ${answer.error}`),
            answer.code === undefined ? {} : { code: answer.code },
          ),
        );
      else job?.resolve(answer.value);
    });
    worker.on('error', (error) => fail(index, error));
    worker.on('exit', (code) => {
      if (!closing) fail(index, new Error(`a build worker stopped (exit code ${code})`));
    });
    return worker;
  });
  const call = <T>(index: number, message: ShardRequest): Promise<T> => {
    if (failure !== undefined) return Promise.reject(failure);
    const id = nextId++;
    busy[index] = (busy[index] ?? 0) + 1;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, worker: index });
      workers[index]?.postMessage({ ...message, id });
    });
  };
  const all = <T>(message: ShardRequest): Promise<T[]> =>
    Promise.all(workers.map((_, index) => call<T>(index, message)));
  return {
    size,
    render(batch, write) {
      const least = busy.indexOf(Math.min(...busy));
      return call<BatchResult>(least, { method: 'render', batch, write });
    },
    newest: async () => (await all<Article[]>({ method: 'newest' })).flat(),
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * The process's options, for its workers (`--cpu-prof` profiles them too), less `--input-type`:
 * given with `node -e`, it fails a worker, which reads a file.
 */
export function workerOptions(execArgv: readonly string[]): string[] {
  return execArgv.filter((option, at) => !option.startsWith('--input-type') && execArgv[at - 1] !== '--input-type');
}
