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
import { type CachedSiteFiles, type FileIdentity, identify, unchanged } from './cache.js';
import type { RecordSummary } from './shard.js';
import { newsArticles, type OutputFile, type Site } from '../model.js';
import { monthOf, newestArchive } from '../render/archive-months.js';
import type { WriteResult } from '../write/output.js';
import { addResult } from '../write/place.js';
import type { FolderWriter } from '../write/folder.js';

type GroupName = keyof CachedSiteFiles;

/**
 * The group's renderer, loaded when first needed: a rebuild that links every site-wide file never
 * loads the feeds' and sitemaps' renderers (nor xmlbuilder2, a sixth of the start-up).
 */
async function renderer(name: GroupName): Promise<(site: Site) => OutputFile[]> {
  const { renderFeeds, renderListings } = await import('../render/index.js');
  return name === 'listings' ? renderListings : renderFeeds;
}

/** A group of site-wide files: rendered, or to be linked unchanged from the previous site. */
export interface SiteFileGroup {
  name: GroupName;
  /** The digest of what it reads; none outside an incremental build. */
  digest?: string;
  files?: OutputFile[];
  reuse?: FileIdentity[];
}

/**
 * What each group reads, as a digest: the cache key (the code, the settings, the footer year…),
 * the site's last update, and for the listings every record's `listedHash` and which articles the
 * News sitemap's window holds (the build's now moves it), for the feeds the text of each of the
 * newest records (an article is its text rendered with that key). Undefined when a record has no
 * hash (a build without the cache).
 */
export function siteFileDigests(
  key: string,
  site: Site,
  records: readonly RecordSummary[],
): Record<GroupName, string> | undefined {
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
  return { listings: listings.digest('base64'), feeds: feeds.digest('base64') };
}

/**
 * Decides each group: reused when its digest is the cached one and its files in the output folder
 * `target` are those the cache knows; else rendered now.
 */
export async function planSiteFiles(
  site: Site,
  digests: Record<GroupName, string> | undefined,
  cached: CachedSiteFiles | undefined,
  target: string | undefined,
): Promise<SiteFileGroup[]> {
  const groups: SiteFileGroup[] = [];
  for (const name of ['listings', 'feeds'] as const) {
    const digest = digests?.[name];
    const known = cached?.[name];
    const group: SiteFileGroup = { name, ...(digest === undefined ? {} : { digest }) };
    if (target !== undefined && known !== undefined && digest === known.digest && unchanged(target, known.files))
      groups.push({ ...group, reuse: known.files });
    else groups.push({ ...group, files: (await renderer(name))(site) });
  }
  return groups;
}

/** Every path of the site-wide files, rendered or reused. */
export function siteFilePaths(groups: readonly SiteFileGroup[]): string[] {
  return groups.flatMap((group) => (group.files ?? group.reuse ?? []).map((file) => file.path));
}

/** The rendered files in the order of `SITE_FILES` (render/index.ts): the home page, the feeds, the other listings. */
export function renderedSiteFiles(groups: readonly SiteFileGroup[]): OutputFile[] {
  const [home, ...listings] = groups.find((group) => group.name === 'listings')?.files ?? [];
  const feeds = groups.find((group) => group.name === 'feeds')?.files ?? [];
  return [...(home === undefined ? [] : [home]), ...feeds, ...listings];
}

/**
 * Places the groups in the new folder: links the reused (renders them after all when the file
 * system cannot link), writes the rendered. Gives what the next build's cache keeps of them.
 */
export async function placeSiteFiles(
  site: Site,
  groups: readonly SiteFileGroup[],
  writer: FolderWriter,
): Promise<{ placed: WriteResult; state?: CachedSiteFiles }> {
  const placed: WriteResult = { files: 0, bytes: 0, linked: 0 };
  const state: Partial<CachedSiteFiles> = {};
  for (const group of groups) {
    let files = group.reuse;
    if (files !== undefined) {
      const linked = writer.link(files);
      if (linked === undefined) files = undefined;
      else addResult(placed, linked);
    }
    if (files === undefined) {
      const rendered = group.files ?? (await renderer(group.name))(site);
      addResult(placed, writer.write(rendered));
      const fresh = writer.folder.fresh;
      if (group.digest !== undefined) files = rendered.map((file) => identify(join(fresh, file.path), file.path));
    }
    if (group.digest !== undefined && files !== undefined) state[group.name] = { digest: group.digest, files };
  }
  return {
    placed,
    ...(state.listings !== undefined && state.feeds !== undefined
      ? { state: { listings: state.listings, feeds: state.feeds } }
      : {}),
  };
}
