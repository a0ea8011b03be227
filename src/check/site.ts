/**
 * `depeche check`: a built site, checked offline as a feed reader or a search engine would read it.
 * Every file is looked at by its kind (HTML pages, XML feeds and sitemaps, JSON Feed, JSON-LD,
 * robots.txt); then the site's feeds are compared with one another. Pure: files in, findings out.
 */
import type { OutputFile } from '../model.js';
import { ATOM, checkAtom } from './atom.js';
import { siteContext, type SiteContext } from './context.js';
import { compareFeeds, type FeedItems } from './feeds-agree.js';
import { error, type Finding, sortFindings } from './finding.js';
import { checkJsonFeed, looksLikeJsonFeed } from './jsonfeed.js';
import { checkJsonLdFile, checkPage } from './pages.js';
import { checkRss } from './rss.js';
import { checkRobots, checkSitemap, isSitemap } from './sitemap.js';
import { siteFiles } from './site-files.js';
import { parseXml } from './xml.js';
import { mergeBodyLinks } from './body-links.js';
import { type CheckedTheme, checkEssentials } from './essentials.js';
import { firstOfEachLogo } from './logo.js';
import { atRecords } from './record-images.js';
import type { RecordText } from './records.js';

export interface CheckOptions {
  /** How findings name the site's folder (`dist` → `dist/feed.xml`). Default: no prefix. */
  folder?: string;
  /** The site's public URL. Default: the home page's canonical link (or the RSS channel's link). */
  baseUrl?: string;
  /**
   * The article records the site was built from (`readRecords(content)`): a broken link or a missing
   * image of an article's body is then reported at its record's file and line. Default: none.
   */
  records?: readonly RecordText[];
  /** The theme the site was built with, named in the findings of its pages. Default: none. */
  theme?: CheckedTheme;
  /** The check's "now": a page whose JSON-LD `datePublished` is after it is a warning. Default: the call's time. */
  now?: Date;
}

export interface CheckResult {
  /** Every finding, sorted by file and line. */
  findings: Finding[];
  errors: number;
  warnings: number;
  /** How many files were looked at. */
  files: number;
  /** The site URL the links were resolved against; undefined when none was given or found. */
  baseUrl?: string;
}

/** Checks the files of a built site (as `build` returns them, or as `readSite` reads them). */
export function checkFiles(files: readonly OutputFile[], options: CheckOptions = {}): CheckResult {
  const context = siteContext(siteFiles(files, options.folder), options.baseUrl, options.now?.getTime());
  const findings: Finding[] = [];
  const feeds: Array<FeedItems & { path: string }> = [];
  const pathOf = new Map<Finding, string>();
  for (const path of context.files.paths) {
    const checked = checkFile(context, path, options.theme);
    for (const finding of checked.findings) pathOf.set(finding, path);
    findings.push(...checked.findings);
    if (checked.feed !== undefined) feeds.push({ ...checked.feed, path });
  }
  findings.push(...compareFeeds(siteFeeds(feeds)));
  const merged = mergeBodyLinks(context, firstOfEachLogo(findings), (finding) => pathOf.get(finding), options.records);
  const sorted = sortFindings(atRecords(merged, (finding) => pathOf.get(finding), options.records));
  const errors = sorted.filter((finding) => finding.severity === 'error').length;
  return {
    findings: sorted,
    errors,
    warnings: sorted.length - errors,
    files: context.files.paths.length,
    ...(context.baseKnown ? { baseUrl: context.baseUrl } : {}),
  };
}

function checkFile(
  context: SiteContext,
  path: string,
  theme: CheckedTheme | undefined,
): { findings: Finding[]; feed?: FeedItems } {
  if (/\.html?$/i.test(path)) {
    const facts = context.page(path);
    const essentials = facts === undefined ? [] : checkEssentials(path, context.files.shown(path), facts, theme);
    return { findings: [...essentials, ...checkPage(context, path)] };
  }
  if (path.endsWith('.jsonld')) return { findings: checkJsonLdFile(context, path) };
  if (path === 'robots.txt') return { findings: checkRobots(context, path) };
  if (path.endsWith('.json')) return checkJson(context, path);
  if (path.endsWith('.xml') || path.endsWith('.rss') || path.endsWith('.atom')) return checkXml(context, path);
  return { findings: [] };
}

function checkXml(context: SiteContext, path: string): { findings: Finding[]; feed?: FeedItems } {
  const file = context.files.shown(path);
  const parsed = parseXml(context.files.text(path) ?? '');
  if ('errors' in parsed) {
    return {
      findings: parsed.errors.map((diagnostic) =>
        error('xml', { file, field: '', line: diagnostic.line }, `expected well-formed XML: ${diagnostic.message}`),
      ),
    };
  }
  try {
    const { root, document } = parsed;
    if (root.name === 'rss' && root.namespace === '') return checkRss(context, path, root);
    if (root.name === 'feed' && root.namespace === ATOM) return checkAtom(context, path, document, root);
    if (isSitemap(root)) return { findings: checkSitemap(context, path, root) };
    return { findings: [] };
  } finally {
    parsed.document.dispose();
  }
}

function checkJson(context: SiteContext, path: string): { findings: Finding[]; feed?: FeedItems } {
  let value: unknown;
  try {
    value = JSON.parse(context.files.text(path) ?? '');
  } catch (caught) {
    return {
      findings: [
        error('json', { file: context.files.shown(path), field: '' }, `expected JSON: ${(caught as Error).message}`),
      ],
    };
  }
  return looksLikeJsonFeed(value, path) ? checkJsonFeed(context, path, value) : { findings: [] };
}

/**
 * The site-wide feeds to compare: one of each format, the one nearest the site's root (`feed.xml`
 * before `tags/x/feed.xml`). Feeds of a section may rightly carry fewer items.
 */
function siteFeeds(feeds: ReadonlyArray<FeedItems & { path: string }>): FeedItems[] {
  const depth = (path: string): number => path.split('/').length;
  const chosen = new Map<string, FeedItems & { path: string }>();
  for (const feed of feeds) {
    const known = chosen.get(feed.format);
    if (known === undefined || depth(feed.path) < depth(known.path)) chosen.set(feed.format, feed);
  }
  return [...chosen.values()];
}
