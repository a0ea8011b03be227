/**
 * Renders records on every core: a pool of worker threads (`render-worker.ts`), one per core as
 * `os.availableParallelism()` counts them, each given the next record when it has the fewest in
 * hand. Small sites are rendered in the build's own thread: starting the workers (each loads the
 * parsers and renderers) costs more than it saves below a few hundred records. Workers run from
 * the compiled `lib/` only; under tsx or vitest (`src/*.ts`) the records are rendered in-process.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from './config.js';
import { articleSchema } from './content/article-schema.js';
import type { SourceFile } from './content/load.js';
import type { DateTime } from './model.js';
import { renderRecord, type RecordOutcome } from './render-record.js';
import type { WorkerSetup } from './render-worker.js';
import { siteForPages } from './site.js';

/** Below this many records, one thread renders them all. */
export const POOL_THRESHOLD = 200;

export interface RecordRenderer {
  render(source: SourceFile): Promise<RecordOutcome>;
  /** How many records may be in hand at once before the caller should wait for the first. */
  readonly window: number;
  close(): Promise<void>;
}

export function createRecordRenderer(config: SiteConfig, updated: DateTime, records: number): RecordRenderer {
  const workerFile = new URL('./render-worker.js', import.meta.url);
  const threads = availableParallelism();
  if (records < POOL_THRESHOLD || threads < 2 || !existsSync(fileURLToPath(workerFile))) {
    const schema = articleSchema(new Set(config.authors.keys()));
    const site = siteForPages(config, updated);
    return { render: async (source) => renderRecord(config, schema, site, source), window: 1, close: async () => undefined };
  }
  return workerPool(workerFile, { config, updated }, threads);
}

interface Pending {
  resolve(outcome: RecordOutcome): void;
  reject(error: Error): void;
}

function workerPool(file: URL, setup: WorkerSetup, size: number): RecordRenderer {
  const pending = new Map<number, Pending>();
  const inHand: number[] = [];
  let nextId = 0;
  const workers = Array.from({ length: size }, (_, index) => {
    const worker = new Worker(file, { workerData: setup });
    inHand[index] = 0;
    worker.on('message', (message: { id: number; outcome?: RecordOutcome; error?: string }) => {
      inHand[index] = (inHand[index] ?? 1) - 1;
      const job = pending.get(message.id);
      pending.delete(message.id);
      if (message.outcome !== undefined) job?.resolve(message.outcome);
      else job?.reject(new Error(`a render worker failed: ${message.error ?? 'no message'}`));
    });
    worker.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    window: size * 8,
    render(source) {
      const id = nextId++;
      const least = inHand.indexOf(Math.min(...inHand));
      inHand[least] = (inHand[least] ?? 0) + 1;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[least]?.postMessage({ id, source });
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
