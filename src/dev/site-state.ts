/**
 * The site the dev server serves: the files of the last good build, held in memory, and the
 * problems of the content when the latest build failed. A failed build never replaces the files.
 * The first build is a full one; after a good one, a change of article records only reads and
 * renders those records (`incremental-site.ts`), and anything else builds in full again.
 */
import { isDeepStrictEqual } from 'node:util';
import { build } from '../build.js';
import { ContentError, formatProblem, type Problem } from '../errors.js';
import { createRenderMemo } from '../render-memo.js';
import type { OutputFile } from '../model.js';
import { type IncrementalSite, seedIncrementalSite, updateRecords } from './incremental-site.js';
import { recordsChanged } from './record-paths.js';

/** The outcome of one rebuild. */
export type Rebuild =
  | { ok: true; version: string; durationMs: number; articles: number; changed: string[]; scope: RebuildScope }
  | { ok: false; durationMs: number; problems: readonly Problem[]; error?: Error };

/** `full`: the whole content was read and built; `records`: only the records changed were read. */
export type RebuildScope = 'full' | 'records';

export interface SiteState {
  /** The files of the last good build by path (`articles/x/index.html`); empty before the first. */
  readonly files: ReadonlyMap<string, OutputFile['contents']>;
  /** The last good build's version: `<server id>.<count>`; `<server id>.0` before the first. */
  readonly version: string;
  /** The current problems, one line each (`content/articles/x.md:7 title: …`); empty when built. */
  readonly problems: readonly string[];
  /**
   * Builds the content again; never throws. `changedPaths` are the paths that changed, relative to
   * the content folder (as the watcher gives them); none, or any that is not an article record,
   * builds in full.
   */
  rebuild(changedPaths?: readonly string[]): Promise<Rebuild>;
}

export function createSiteState(contentDir: string, baseUrl: string, serverId: string): SiteState {
  let files: ReadonlyMap<string, OutputFile['contents']> = new Map();
  let count = 0;
  let problems: string[] = [];
  // Kept across rebuilds: a full build renders only the records it has not seen.
  const memo = createRenderMemo();
  // The model of the last good full build, kept up to date record by record; undefined until one.
  let incremental: IncrementalSite | undefined;

  const full = async (): Promise<{ articles: number; changed: string[]; scope: RebuildScope }> => {
    incremental = undefined;
    const result = await build({ contentDir, baseUrl, write: false, memo });
    const next = new Map(result.files.map((file) => [file.path, file.contents] as const));
    const changed = [...new Set([...files.keys(), ...next.keys()])].filter((path) => !isDeepStrictEqual(files.get(path), next.get(path))).sort();
    files = next;
    incremental = await seedIncrementalSite(contentDir, baseUrl, memo, result, next);
    return { articles: result.site.articles.length, changed, scope: 'full' };
  };

  const records = async (site: IncrementalSite, names: string[]): Promise<{ articles: number; changed: string[]; scope: RebuildScope }> => {
    const update = await updateRecords(site, names);
    if (update.ok === 'full') return full();
    if (!update.ok) throw new ContentError(update.problems);
    return { articles: update.site.articles.length, changed: update.changed, scope: 'records' };
  };

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
    async rebuild(changedPaths = []): Promise<Rebuild> {
      const started = performance.now();
      const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
      try {
        const names = recordsChanged(changedPaths);
        const built = incremental === undefined || names === 'full' ? await full() : await records(incremental, names);
        count += 1;
        problems = [];
        return { ok: true, version: `${serverId}.${count}`, durationMs: elapsed(), ...built };
      } catch (error) {
        if (error instanceof ContentError) {
          problems = error.problems.map(formatProblem);
          return { ok: false, durationMs: elapsed(), problems: error.problems };
        }
        // An unexpected failure may have left the model half updated: the next change builds in full.
        incremental = undefined;
        const failure = error instanceof Error ? error : new Error(String(error));
        problems = [`depeche: the build failed: ${failure.message}`];
        return { ok: false, durationMs: elapsed(), problems: [], error: failure };
      }
    },
  };
}
