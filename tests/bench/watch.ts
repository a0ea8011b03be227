/**
 * Watch-mode latency: from writing an edited record to its page showing the edit. Issue 4 compares
 * this with `hugo server` and `eleventy --serve`, so the watcher measured is `depeche dev` (it
 * serves from memory): the time runs from `writeFileSync` of the record until an HTTP request for
 * the article's page returns the edit's marker. A watch mode that writes `dist/` instead would poll
 * the page on disk the same way.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { startNode } from './child.js';
import type { Sample } from './measure.js';

export interface WatchOptions {
  root: string;
  contentDir: string;
  /** The record edited, in `contentDir/articles/`. */
  recordPath: string;
  runs: number;
  /** Writes the record with an edit carrying `marker`, or back to the original when undefined. */
  edit: (marker: string | undefined) => void;
  /** Longest wait for the first build, and for each edit to show. */
  timeoutMs: number;
}

/** True when the compiled CLI has a `dev` command. */
export function hasDevServer(root: string): boolean {
  try {
    return /^\s+dev\b/m.test(
      execFileSync(process.execPath, [join(root, 'lib/cli.js'), '--help'], { encoding: 'utf8' }),
    );
  } catch {
    return false;
  }
}

/** The page path of a record: its `slug` field, else its file name. */
function pagePath(recordPath: string): string {
  const slug = /^slug: (\S+)$/m.exec(readFileSync(recordPath, 'utf8'))?.[1] ?? basename(recordPath, '.md');
  return `articles/${slug}/`;
}

async function pageContains(url: string, marker: string): Promise<boolean> {
  try {
    const response = await fetch(url, { headers: { 'cache-control': 'no-cache' } });
    return response.ok && (await response.text()).includes(marker);
  } catch {
    return false;
  }
}

/** One sample per run: the latency of an edit, and the dev server's CPU time spent on it. */
export async function watchLatency(options: WatchOptions): Promise<Sample[]> {
  const { root, runs, edit, timeoutMs } = options;
  options.edit(undefined);
  const server = startNode(
    join(root, 'lib/cli.js'),
    ['dev', '--content', options.contentDir, '--port', '0', '--host', '127.0.0.1'],
    { cwd: root },
  );
  const samples: Sample[] = [];
  try {
    const [, base = ''] = await server.waitFor(/ at (http:\/\/\S+)/, timeoutMs);
    const page = new URL(pagePath(options.recordPath), base).href;
    for (let run = 1; run <= runs; run++) {
      const marker = `repere-bench-${run}-${Date.now().toString(36)}`;
      const cpuBefore = server.cpuMs();
      const started = performance.now();
      edit(marker);
      while (!(await pageContains(page, marker))) {
        if (performance.now() - started > timeoutMs)
          throw new Error(`the edit did not show on ${page} within ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const wallMs = performance.now() - started;
      // Let a rebuild the edit may still have queued finish before the next edit.
      await new Promise((resolve) => setTimeout(resolve, 200));
      samples.push({ wallMs, cpuMs: server.cpuMs() - cpuBefore, maxRssBytes: server.peakRssBytes(), filesWritten: 0 });
    }
  } finally {
    edit(undefined);
    await server.stop().catch(() => undefined);
  }
  return samples;
}
