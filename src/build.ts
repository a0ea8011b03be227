/**
 * The build: the pipeline (pipeline.ts) with its speed-ups plugged in, the records rendered on every
 * core and what did not change reused from the previous build (incremental/index.ts). The pipeline
 * imports nothing of them; this is the one place that puts the two together.
 */
import { renderRecords } from './incremental/index.js';
import type { BuildOptions, BuildResult } from './build-types.js';
import { runPipeline } from './pipeline.js';

export { loadSite } from './load-site.js';
export type { BuildOptions, BuildProgress, BuildResult } from './build-types.js';

/** Builds the site. Throws a `ContentError` listing every problem when the content is invalid. */
export function build(options: BuildOptions = {}): Promise<BuildResult> {
  return runPipeline(options, renderRecords);
}
