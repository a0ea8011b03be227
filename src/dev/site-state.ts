/**
 * The site the dev server serves: the files of the last good build, held in memory, and the
 * problems of the content when the latest build failed. A failed build never replaces the files.
 */
import { isDeepStrictEqual } from 'node:util';
import { build } from '../build.js';
import { ContentError, formatProblem, type Problem } from '../errors.js';
import { createRenderMemo } from '../render-memo.js';
import type { OutputFile } from '../model.js';

/** The outcome of one rebuild. */
export type Rebuild =
  | { ok: true; version: string; durationMs: number; articles: number; changed: string[] }
  | { ok: false; durationMs: number; problems: readonly Problem[]; error?: Error };

export interface SiteState {
  /** The files of the last good build by path (`articles/x/index.html`); empty before the first. */
  readonly files: ReadonlyMap<string, OutputFile['contents']>;
  /** The last good build's version: `<server id>.<count>`; `<server id>.0` before the first. */
  readonly version: string;
  /** The current problems, one line each (`content/articles/x.md:7 title: …`); empty when built. */
  readonly problems: readonly string[];
  /** Builds the content again; never throws. */
  rebuild(): Promise<Rebuild>;
}

export function createSiteState(contentDir: string, baseUrl: string, serverId: string): SiteState {
  let files = new Map<string, OutputFile['contents']>();
  let count = 0;
  let problems: string[] = [];
  // Kept across rebuilds: an edit renders only the record edited (and the pages of the whole site).
  const memo = createRenderMemo();
  return {
    get files() {
      return files;
    },
    get version() {
      return `${serverId}.${count}`;
    },
    get problems() {
      return problems;
    },
    async rebuild(): Promise<Rebuild> {
      const started = performance.now();
      const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
      try {
        const result = await build({ contentDir, baseUrl, write: false, memo });
        const next = new Map(result.files.map((file) => [file.path, file.contents] as const));
        const changed = [...new Set([...files.keys(), ...next.keys()])].filter((path) => !isDeepStrictEqual(files.get(path), next.get(path))).sort();
        files = next;
        count += 1;
        problems = [];
        return { ok: true, version: `${serverId}.${count}`, durationMs: elapsed(), articles: result.site.articles.length, changed };
      } catch (error) {
        if (error instanceof ContentError) {
          problems = error.problems.map(formatProblem);
          return { ok: false, durationMs: elapsed(), problems: error.problems };
        }
        const failure = error instanceof Error ? error : new Error(String(error));
        problems = [`depeche: the build failed: ${failure.message}`];
        return { ok: false, durationMs: elapsed(), problems: [], error: failure };
      }
    },
  };
}
