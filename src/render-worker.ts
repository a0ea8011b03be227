/**
 * A worker thread of the render pool (`render-pool.ts`): receives records, answers with what
 * `renderRecord` makes of each, in the order received.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from './config.js';
import { articleSchema } from './content/article-schema.js';
import type { SourceFile } from './content/load.js';
import type { DateTime } from './model.js';
import { renderRecord } from './render-record.js';
import { siteForPages } from './site.js';

export interface WorkerSetup {
  config: SiteConfig;
  updated: DateTime;
}

export interface WorkerJob {
  id: number;
  source: SourceFile;
}

const { config, updated } = workerData as WorkerSetup;
const schema = articleSchema(new Set(config.authors.keys()));
const site = siteForPages(config, updated);

parentPort?.on('message', ({ id, source }: WorkerJob) => {
  try {
    parentPort?.postMessage({ id, outcome: renderRecord(config, schema, site, source) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
