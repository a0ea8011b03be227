/**
 * The site-wide files of a build, in two groups that read two parts of the model: the listings
 * (home page, sitemaps, robots.txt, 404 page, _headers) read every article as listed
 * (`listedArticle`); the feeds read the newest `feedLimit` articles whole.
 *
 * In an incremental build each group has a digest of all it reads; a group whose digest is the one
 * the cache's build saved, and whose files in the output folder are still the ones that build
 * placed, is linked from there instead of rendered. So a rebuild after an edit of an article's body
 * renders no listing (at 10,000 articles, the home page and the sitemaps are the slowest files of
 * a rebuild), and no feed unless the article is among the newest.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { type CachedFileGroup, type CachedSiteFiles, type FileIdentity, identify, unchanged } from './cache.js';
import type { RecordSummary } from './shard.js';
import { newsArticles, type OutputFile, type Site } from '../model.js';
import { monthOf, newestArchive } from '../render/archive-months.js';
import type { RenderMemo } from '../render/index.js';
import { allStreams } from '../streams.js';
import type { WriteResult } from '../write/output.js';
import { addResult } from '../write/place.js';
import type { FolderWriter } from '../write/folder.js';

type RenderModule = typeof import('../render/index.js');

let renderers: Promise<RenderModule> | undefined;

/**
 * The renderers, loaded when first needed: a rebuild that links every site-wide file never loads the
 * feeds' and sitemaps' renderers (nor xmlbuilder2, a sixth of the start-up).
 */
function loadRenderers(): Promise<RenderModule> {
  renderers ??= import('../render/index.js');
  return renderers;
}

/** A group of site-wide files: to be rendered, or linked unchanged from the previous site. */
export interface SiteFileGroup {
  /** `listings`, `feeds`, a stream's folder (`tags/ia/`); `all` outside an incremental build. */
  name: string;
  /** The digest of what it reads; none outside an incremental build. */
  digest?: string;
  /** Its files in the previous site, still the ones it needs: linked, not rendered. */
  reuse?: FileIdentity[];
  /** Its files, made one at a time as they are asked for. */
  render(module: RenderModule, memo: RenderMemo): Iterable<OutputFile>;
}

/** The digests of the listings, of the feeds, and of each stream's own files by the stream's folder. */
export interface SiteFileDigests {
  listings: string;
  feeds: string;
  streams: Map<string, string>;
}

/**
 * What each group reads, as a digest: the cache key (the code, the settings, the footer year…),
 * the site's last update, and for the listings every record's `listedHash` and which articles the
 * News sitemap's window holds (the build's now moves it), for the feeds the text of each of the
 * newest records (an article is its text rendered with that key), for a stream its name and the
 * `listedHash` of each of its articles (its feeds show them as listed, their standfirst as content)
 * and the year of the site's last update (its pages' footer). Undefined when a record has no hash
 * (a build without the cache).
 */
export function siteFileDigests(
  key: string,
  site: Site,
  records: readonly RecordSummary[],
): SiteFileDigests | undefined {
  const listings = createHash('sha256').update(`${key}\0${site.updated.iso}\0`);
  for (const { name, listedHash } of records) {
    if (listedHash === undefined) return undefined;
    listings.update(`${name}\0${listedHash}\n`);
  }
  for (const article of newsArticles(site)) listings.update(`news\0${article.path}\n`);
  // Now's month closes the archive month before it and opens its own (render/archives.ts).
  listings.update(`month\0${monthOf(site.now)}\n`);
  const byPath = new Map(records.map((record) => [record.article.path, record]));
  const feeds = createHash('sha256').update(`${key}\0${site.updated.iso}\0${newestArchive(site)}\0`);
  for (const article of site.articles.slice(0, site.feedLimit)) {
    const record = byPath.get(article.path);
    if (record?.cache === undefined) return undefined;
    feeds.update(`${record.name}\0${record.cache.textHash}\n`);
  }
  const streams = new Map<string, string>();
  const year = site.updated.iso.slice(0, 4);
  // The streams' RSS and Atom differ when one of their articles enters or leaves the site's newest (held
  // whole): which articles those are is part of each stream's digest.
  const newest = createHash('sha256');
  for (const article of site.articles.slice(0, site.feedLimit)) newest.update(`${article.path}\n`);
  const whole = newest.digest('base64');
  for (const stream of allStreams(site)) {
    const digest = createHash('sha256').update(`${key}\0${year}\0${whole}\0${stream.kind}\0${stream.name}\0`);
    for (const article of stream.articles) digest.update(`${byPath.get(article.path)?.listedHash}\n`);
    streams.set(stream.path, digest.digest('base64'));
  }
  return { listings: listings.digest('base64'), feeds: feeds.digest('base64'), streams };
}

/**
 * The groups of the site-wide files: outside an incremental build (no digests) or for a site of several
 * languages one, every file in the order of `SITE_FILES`; else the listings, the feeds and each stream's
 * own files, each reused when its digest is the cached one and its files in the output folder `target`
 * are those the cache knows.
 */
export function planSiteFiles(
  site: Site,
  digests: SiteFileDigests | undefined,
  cached: CachedSiteFiles | undefined,
  target: string | undefined,
): SiteFileGroup[] {
  // A site of several languages has its streams in each language's folder: it is rendered whole each time.
  if (digests === undefined || site.languages !== undefined)
    return [{ name: 'all', render: (module, memo) => module.siteFiles(site, memo) }];
  const group = (name: string, digest: string, known: CachedFileGroup | undefined): Omit<SiteFileGroup, 'render'> =>
    target !== undefined && known !== undefined && digest === known.digest && unchanged(target, known.files)
      ? { name, digest, reuse: known.files }
      : { name, digest };
  const groups: SiteFileGroup[] = [
    {
      ...group('listings', digests.listings, cached?.listings),
      render: (module, memo) => module.renderListings(site, memo),
    },
    { ...group('feeds', digests.feeds, cached?.feeds), render: (module) => module.renderFeeds(site) },
  ];
  const streams = cached?.streams ?? {};
  for (const stream of allStreams(site)) {
    const digest = digests.streams.get(stream.path) as string;
    const known = Object.hasOwn(streams, stream.path) ? streams[stream.path] : undefined;
    groups.push({
      ...group(stream.path, digest, known),
      render: (module, memo) => module.renderStream(site, stream, memo),
    });
  }
  return groups;
}

/** What placing the site-wide files gave. */
export interface PlacedSiteFiles {
  placed: WriteResult;
  /** Every path, rendered or reused, in the order of the groups. */
  paths: string[];
  /** The rendered files, when asked to keep them. */
  files: OutputFile[];
  /** How many files were linked from the previous site, not rendered. */
  reused: number;
  /** What the next build's cache keeps of them; none outside an incremental build. */
  state?: CachedSiteFiles;
}

/**
 * Places the groups in the new folder (with `writer`; none when the build writes nothing): links the
 * reused (renders them after all when the file system cannot link), writes each rendered file as it
 * is made, so that none is held longer than its writing unless `keep`.
 */
export async function placeSiteFiles(
  groups: readonly SiteFileGroup[],
  writer: FolderWriter | undefined,
  keep: boolean,
): Promise<PlacedSiteFiles> {
  const result: PlacedSiteFiles = { placed: { files: 0, bytes: 0, linked: 0 }, paths: [], files: [], reused: 0 };
  const memo: RenderMemo = { items: new WeakMap() };
  const state = new Map<string, CachedFileGroup>();
  for (const group of groups) {
    let files = group.reuse;
    if (files !== undefined) {
      const linked = writer?.link(files);
      if (linked === undefined) files = undefined;
      else {
        addResult(result.placed, linked);
        result.reused += files.length;
        for (const file of files) result.paths.push(file.path);
      }
    }
    if (files === undefined) {
      const identities: FileIdentity[] = [];
      for (const file of group.render(await loadRenderers(), memo)) {
        result.paths.push(file.path);
        if (keep) result.files.push(file);
        if (writer === undefined) continue;
        addResult(result.placed, writer.write([file]));
        if (group.digest !== undefined) identities.push(identify(join(writer.folder.fresh, file.path), file.path));
      }
      files = identities;
    }
    if (group.digest !== undefined && writer !== undefined) state.set(group.name, { digest: group.digest, files });
  }
  const listings = state.get('listings');
  const feeds = state.get('feeds');
  state.delete('listings');
  state.delete('feeds');
  if (listings !== undefined && feeds !== undefined)
    result.state = { listings, feeds, streams: Object.fromEntries(state) };
  return result;
}
