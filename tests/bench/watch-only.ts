/**
 * The watch row alone, and the dev server's start-up (its first full build), without the cold
 * builds of `npm run bench`. Runs the compiled CLI (`npm run compile` first) on a scratch copy of
 * the cached corpus, so that a bench running beside it keeps its records untouched.
 *
 *   npx tsx tests/bench/watch-only.ts [--size 10000] [--runs 5] [--seed 1]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startNode } from './child.js';
import { ensureCorpus } from './corpus.js';
import { median } from './stats.js';
import { watchLatency } from './watch.js';

const root = join(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
});
const size = Number(values.size);
const runs = Number(values.runs);
const corpus = ensureCorpus(join(root, '.bench/corpus'), { seed: Number(values.seed), count: size });
const scratch = mkdtempSync(join(tmpdir(), 'depeche-watch-bench-'));
const contentDir = join(scratch, 'content');
cpSync(corpus.dir, contentDir, { recursive: true });
// The record `npm run bench` edits: the one in the middle of the corpus.
const recordPath = join(contentDir, 'articles', corpus.articles[Math.floor(size / 2)] ?? '');
const original = readFileSync(recordPath);
const edit = (marker: string | undefined): void =>
  writeFileSync(
    recordPath,
    marker === undefined
      ? original
      : Buffer.concat([original, Buffer.from(`\nMise à jour de la rédaction (${marker}).\n`)]),
  );
const summary = (values: readonly number[]): string =>
  `median ${median(values).toFixed(0)} ms, ${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} ms`;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

try {
  const startups: number[] = [];
  const startupRss: number[] = [];
  for (let run = 1; run <= Math.min(runs, 3); run++) {
    const started = performance.now();
    const server = startNode(
      join(root, 'lib/cli.js'),
      ['dev', '--content', contentDir, '--port', '0', '--host', '127.0.0.1'],
      { cwd: root },
    );
    try {
      await server.waitFor(/ at (http:\/\/\S+)/, 300_000);
      startups.push(performance.now() - started);
      startupRss.push(server.peakRssBytes());
    } finally {
      await server.stop().catch(() => undefined);
    }
  }
  console.log(
    `N=${size}: dev server start-up (spawn → serving, first full build): ` +
      `${summary(startups)} (${startups.length} runs); peak RSS once serving ${startupRss.map(mib).join(', ')}`,
  );
  const samples = await watchLatency({ root, contentDir, recordPath, runs, edit, timeoutMs: 300_000 });
  const walls = samples.map((sample) => sample.wallMs);
  console.log(
    `N=${size}: watch, edit → page served: ${summary(walls)} ` +
      `(${walls.length} runs: ${walls.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
  );
  const cpus = samples.map((sample) => sample.cpuMs ?? Number.NaN);
  console.log(
    `N=${size}: dev server CPU per edit: ${summary(cpus)} (${cpus.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
  );
  // VmHWM of the dev server (read from /proc), after its last edit: the peak of its whole life.
  console.log(
    `N=${size}: dev server peak RSS (start-up and ${walls.length} edits): ` +
      mib(Math.max(...samples.map((sample) => sample.maxRssBytes ?? 0))),
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
