/**
 * The seam between the pipeline (build.ts) and its speed-ups: the records rendered on every core
 * (pool.ts, shard.ts), an unchanged record or group of site-wide files taken from the previous
 * site instead of rendered (cache.ts, site-files.ts), and the spare folder the writer fills
 * (write/spare.ts). It is the pipeline's `RecordsEngine` (pipeline.ts): the pipeline calls its four
 * steps in order and knows nothing of how they are done.
 */
import type { SiteConfig } from '../config.js';
import { articleSchema } from '../content/article-schema.js';
import { type OpenedContent, recordReader, recordStats, shown } from '../content/load.js';
import type { Article, OutputFile, Site, SiteSettings } from '../model.js';
import { renderRecord } from '../render-record.js';
import { siteForPages } from '../site.js';
import type { RecordsEngine } from '../build-types.js';
import { addResult } from '../write/place.js';
import {
  type CachedRecord,
  cacheKey,
  dropCache,
  dropIncrementalState,
  markBuildStart,
  type OpenedCache,
  openCache,
  saveCache,
  settledRecords,
} from './cache.js';
import { createShardPool, type ShardPool } from './pool.js';
import { buildRecords, type RecordsOutcome } from './records.js';
import type { RecordSummary } from './shard.js';
import { placeSiteFiles, planSiteFiles, siteFileDigests } from './site-files.js';

export const renderRecords: RecordsEngine = (setup) => {
  const { content, config, outDir, drafts, output, keepFiles, reuse } = setup;
  const write = output !== undefined;
  // Taken before any record is read: it tells the next build which records had settled (cache.ts).
  const started = reuse ? markBuildStart(outDir) : 0;
  const lastBuild = reuse ? openCache(outDir) : undefined;
  const key = cacheKey(config, drafts, setup.mtime, shown(content.articlesDir, content.namesRelativeTo));
  let pool: ShardPool | undefined;
  let outcome: RecordsOutcome | undefined;
  let siteState: Awaited<ReturnType<typeof placeSiteFiles>>['state'];
  return {
    async records(onRecord) {
      const cached = lastBuild?.records(key) ?? new Map<string, CachedRecord>();
      const clean = settledRecords(
        content.articleNames,
        cached,
        lastBuild?.started,
        recordStats(content.root, content.articlesDir),
      );
      // Workers for the records to read: a rebuild that reads a few links the others in this thread.
      pool = createShardPool(
        {
          config,
          root: content.root,
          articlesDir: content.articlesDir,
          namesRelativeTo: content.namesRelativeTo,
          drafts,
          now: setup.now,
          future: setup.future,
          keepFiles,
          cache: reuse,
          ...(output === undefined ? {} : { output: output.folder }),
        },
        content.articleNames.length - clean.size,
      );
      outcome = await buildRecords({
        pool,
        content,
        config,
        write,
        cached,
        clean,
        incremental: reuse,
        embargo: setup.future ? undefined : setup.now,
        wholeArticle: wholeArticles(config, content),
        onRecord,
      });
      await pool.close();
      return {
        articles: outcome.records.map((record) => record.article),
        problems: outcome.problems,
        drafts: outcome.drafts,
        scheduled: outcome.scheduled,
        read: outcome.read,
        warnings: outcome.records.flatMap((record) => record.warnings ?? []),
      };
    },
    async siteFiles(site) {
      if (outcome === undefined) throw new Error('the records come before the site-wide files');
      const records = outcome.records;
      const groups = planSiteFiles(
        site,
        reuse ? siteFileDigests(key, site, records) : undefined,
        lastBuild?.siteFiles(key),
        output?.folder.target,
      );
      const placedSiteFiles = await placeSiteFiles(groups, output?.writer, keepFiles);
      siteState = placedSiteFiles.state;
      return {
        paths: [...records.flatMap((record) => record.paths), ...placedSiteFiles.paths],
        files: keepFiles ? filesInOrder(site, records, placedSiteFiles.files) : [],
        placed: addResult(outcome.placed, placedSiteFiles.placed),
        reused: records.filter((record) => record.reused === true).length,
        siteFilesReused: placedSiteFiles.reused,
        unread: outcome.unread,
      };
    },
    async committed() {
      if (reuse && outcome !== undefined) {
        // The new site is in place: a cache that cannot be saved only costs the next build its reuse.
        const state = { key, started, ...(siteState === undefined ? {} : { siteFiles: siteState }) };
        await saveCache(outDir, state, cachedRecords(outcome, lastBuild)).catch(() => dropCache(outDir));
      } else if (write) {
        dropIncrementalState(outDir);
      }
    },
    async close() {
      await pool?.close();
    },
  };
};

/** The home page, then each article's pages newest first, then the other site-wide files. */
function filesInOrder(site: Site, records: readonly RecordSummary[], siteFiles: OutputFile[]): OutputFile[] {
  const [home, ...rest] = siteFiles;
  if (home === undefined) return [];
  const pages = new Map(records.map((record) => [record.article.path, record.files ?? []]));
  return [home, ...site.articles.flatMap((article) => pages.get(article.path) ?? []), ...rest];
}

/** What the next build's cache keeps of each record: the last cache's line when nothing of it changed. */
function* cachedRecords(
  records: RecordsOutcome,
  lastBuild: OpenedCache | undefined,
): Generator<[string, CachedRecord] | Uint8Array> {
  for (const { name, article, cache, whole, listedHash, asCached, warnings } of records.records) {
    const line = asCached === true ? lastBuild?.line(name) : undefined;
    if (line !== undefined) yield line;
    else if (cache !== undefined && listedHash !== undefined)
      yield [name, { ...cache, article, listedHash, ...(whole ? { whole } : {}), ...(warnings ? { warnings } : {}) }];
  }
}

/** Renders a record again in this thread, for its article whole (a reused record among the newest, for the feeds). */
function wholeArticles(config: SiteConfig, content: OpenedContent): (name: string) => Article {
  // Made at the first call: most builds never need it.
  let renderer:
    | { read: ReturnType<typeof recordReader>; schema: ReturnType<typeof articleSchema>; site: SiteSettings }
    | undefined;
  return (name) => {
    renderer ??= {
      read: recordReader(content),
      schema: articleSchema(new Set(config.authors.keys()), config.ownFields),
      site: siteForPages(config),
    };
    const { read, schema, site } = renderer;
    const source = read(name, []);
    const rendered = source === undefined ? undefined : renderRecord(config, schema, site, source);
    if (rendered === undefined || 'problems' in rendered)
      throw new Error(`${name} was reused from the cache, then could not be rendered again`);
    return rendered.article;
  };
}
