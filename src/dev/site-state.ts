/**
 * The site the dev server serves: the files of the last good build, held in memory (a record's
 * pages rendered again when asked for: `served-files.ts`), and the problems of the content when
 * the latest build failed. A failed build never replaces the files.
 * The first build is a full one; after a good one, a change of article records only reads and
 * renders those records (`incremental-site.ts`), and anything else builds in full again.
 */
import { build } from '../build.js';
import { ContentError, formatProblem, type Problem } from '../errors.js';
import type { OutputFile } from '../model.js';
import { assembleSite } from './assemble-site.js';
import { createIncrementalSite, createSiteFilesMemo, type IncrementalSite, updateRecords } from './incremental-site.js';
import { readModel, type RecordModel } from './record-model.js';
import { recordsChanged } from './record-paths.js';
import { bannerPages, type PageBanners } from './page-banners.js';
import { fixedFiles, incrementalFiles, type ServedFiles } from './served-files.js';

export type { ServedFiles };

/** The outcome of one rebuild. */
export type Rebuild =
  | {
      ok: true;
      version: string;
      durationMs: number;
      articles: number;
      changed: string[];
      scope: RebuildScope;
      /** What the records hold that the outputs do not carry (as `BuildResult.warnings`). */
      warnings: readonly Problem[];
    }
  | { ok: false; durationMs: number; problems: readonly Problem[]; error?: Error };

/** The pages of the draft and scheduled articles, with their banners (`page-banners.ts`). */
type Pages = Map<string, PageBanners>;

/** What a rebuild made: the fields of a good `Rebuild` besides its version and time, and the bannered pages. */
interface Built {
  articles: number;
  changed: string[];
  scope: RebuildScope;
  warnings: readonly Problem[];
  banners: Pages;
}

/** `full`: the whole content was read and built; `records`: only the records changed were read. */
export type RebuildScope = 'full' | 'records';

export interface SiteState {
  /** The files of the last good build; empty before the first. */
  readonly files: ServedFiles;
  /** The last good build's version: `<server id>.<count>`; `<server id>.0` before the first. */
  readonly version: string;
  /** The current problems, one line each (`content/articles/x.md:7 title: …`); empty when built. */
  readonly problems: readonly string[];
  /** The pages of the last good build's drafts and scheduled articles (dated after now), with their banners. */
  readonly banners: ReadonlyMap<string, PageBanners>;
  /**
   * Builds the content again; never throws. `changedPaths` are the paths that changed, relative to
   * the content folder (as the watcher gives them); none, or any that is not an article record,
   * builds in full.
   */
  rebuild(changedPaths?: readonly string[]): Promise<Rebuild>;
}

/**
 * `namesRelativeTo`: the folder file names in problems are relative to, as in `BuildOptions`; `now`: the clock of
 * the site's "now", read at each build (the dev server's `now` option, else the time); `drafts`: the records marked
 * `draft: true` are served, as `build({ drafts: true })` builds them.
 */
export function createSiteState(
  contentDir: string,
  baseUrl: string,
  serverId: string,
  namesRelativeTo?: string,
  now: () => number = Date.now,
  drafts = false,
): SiteState {
  let files: ServedFiles = fixedFiles([]);
  let banners = new Map<string, PageBanners>();
  let count = 0;
  let problems: string[] = [];
  // The model of the last good full build, kept up to date record by record; undefined until one.
  let incremental: IncrementalSite | undefined;
  // The model last read in full, good or not: a full rebuild renders only the records it has not seen.
  let previous: RecordModel | undefined;

  const full = async (): Promise<Built> => {
    incremental = undefined;
    const built = await buildInFull(contentDir, baseUrl, previous, namesRelativeTo, now, drafts);
    if ('model' in built) previous = built.model;
    const next = 'model' in built ? incrementalFiles(built.site) : fixedFiles(built.files);
    const changed = [...new Set([...files.keys(), ...next.keys()])]
      .filter((path) => !files.has(path) || !next.has(path) || files.hash(path) !== next.hash(path))
      .sort();
    files = next;
    if ('model' in built) incremental = built.site;
    return { articles: built.articles, changed, scope: 'full', warnings: built.warnings, banners: built.banners };
  };

  const records = async (site: IncrementalSite, names: string[]): Promise<Built> => {
    const update = await updateRecords(site, names);
    if (update.ok === 'full') return full();
    if (!update.ok) throw new ContentError(update.problems);
    return {
      articles: update.site.articles.length,
      changed: update.changed,
      scope: 'records',
      warnings: update.warnings,
      banners: bannerPages(update.site),
    };
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
    get banners() {
      return banners;
    },
    async rebuild(changedPaths = []): Promise<Rebuild> {
      const started = performance.now();
      const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
      try {
        const names = recordsChanged(changedPaths);
        const { banners: pages, ...built } =
          incremental === undefined || names === 'full' ? await full() : await records(incremental, names);
        count += 1;
        problems = [];
        banners = pages;
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

/**
 * Reads, checks and renders every record into a model, keeping neither pages nor whole articles
 * (see `record-model.ts`), and assembles the site; when the content or the settings have problems
 * of their own, or no record is left, a full `build()` reports them as the CLI's build does.
 */
async function buildInFull(
  contentDir: string,
  baseUrl: string,
  previous: RecordModel | undefined,
  namesRelativeTo: string | undefined,
  now: () => number,
  drafts: boolean,
): Promise<
  | { model: RecordModel; site: IncrementalSite; articles: number; warnings: readonly Problem[]; banners: Pages }
  | { files: OutputFile[]; articles: number; warnings: readonly Problem[]; banners: Pages }
> {
  const model = await readModel(contentDir, baseUrl, previous, namesRelativeTo, now, drafts);
  if (model !== 'build') {
    const memo = createSiteFilesMemo();
    const assembled = assembleSite(model, memo);
    if (assembled.ok === false) throw new ContentError(assembled.problems);
    if (assembled.ok === true) {
      const site = createIncrementalSite(model, memo, assembled.siteFiles);
      // The oldest record read again, unchanged: the code of an edit is compiled before the first edit.
      const oldest = model.order.at(-1);
      const warm =
        oldest === undefined
          ? { ok: true as const, site: assembled.site, warnings: assembled.warnings }
          : await updateRecords(site, [oldest]);
      if (warm.ok === false) throw new ContentError(warm.problems);
      // The records changed meanwhile, leaving none: read them all again.
      if (warm.ok === 'full') return buildInFull(contentDir, baseUrl, model, namesRelativeTo, now, drafts);
      const articles = warm.site.articles.length;
      return { model, site, articles, warnings: warm.warnings, banners: bannerPages(warm.site) };
    }
  }
  // As the model above: the scheduled records are shown (with their banner), as `--future` builds them.
  const result = await build({
    contentDir,
    baseUrl,
    write: false,
    namesRelativeTo,
    future: true,
    drafts,
    now: new Date(now()),
  });
  const { files, site, warnings } = result;
  return { files, articles: site.articles.length, warnings, banners: bannerPages(site) };
}
