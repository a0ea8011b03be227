/**
 * `_headers`: the response headers Netlify and Cloudflare Pages read from the site's root (GitHub
 * Pages ignores it; the README shows nginx). Each feed gets its media type with `charset=utf-8`, the
 * JSON-LD files `application/ld+json`, and every kind of file a cache policy: pages revalidate on
 * each visit, feeds and JSON-LD keep five minutes, the publisher's logo a week, the icons a day, the
 * hashed variants of local images (`/images/*-*`) a year, `immutable`. With WebSub hubs, the feeds and the home page
 * name them in a `Link` header.
 *
 * Both hosts apply every rule whose path matches a request, and when two rules set the same header
 * they join the values with a comma (`max-age=0, …, max-age=300`). So no two rules here can match
 * one path and set the same header: the site-wide `/*` rule sets only `X-Content-Type-Options`, and
 * the other paths are exact or use `:placeholder`, which both hosts read as one path segment.
 */
import { IMAGES_FOLDER } from '../images/settings.js';
import { languageSites } from '../languages.js';
import type { OutputFile, Site } from '../model.js';
import { allStreams } from '../streams.js';
import { archiveMonths, archivePaths, monthOf } from './archive-months.js';

/** A path pattern and the headers it sets, in order. */
export interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

const PAGE = 'public, max-age=0, must-revalidate';
const DATA = 'public, max-age=300';
const ASSET = 'public, max-age=604800';
const ICON = 'public, max-age=86400';
/** What never changes at its address: a closed month's archive (render/archives.ts), a content-hashed image. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function headerRules(site: Site): HeaderRule[] {
  // The rules name paths as the host that reads `_headers` receives them: behind a proxy (`site`),
  // without the path of `url`.
  const sitePath = new URL(site.url).pathname;
  const base = site.deployRoot === 'site' ? '/' : sitePath;
  const path = (url: string): string => base + new URL(url).pathname.slice(sitePath.length);
  const feed = (url: string, type: string): HeaderRule => ({
    path: path(url),
    headers: [
      ['Content-Type', `${type}; charset=utf-8`],
      ['Cache-Control', DATA],
      ['Access-Control-Allow-Origin', '*'],
      ...hubLinks(site, url),
    ],
  });
  // Article pages live at `<folder>/<slug>/`: one pair of rules per folder (`articles/`).
  const folders = [...new Set(site.articles.map((article) => article.path.replace(/[^/]+\/$/, '')))].sort();
  // The variants of local images are named by their hash (images/variants.ts): a new picture is a new name.
  const images = `${base}${IMAGES_FOLDER}/`;
  const hashed =
    site.image?.local !== undefined ||
    site.articles.some((article) => article.image?.local !== undefined || article.bodyPictures)
      ? `${images}*-*`
      : undefined;
  const logoPath = site.publisher.logo.url.startsWith(site.url) ? path(site.publisher.logo.url) : undefined;
  // A logo the hashed rule matches (a hyphen after `/images/`) would get two Cache-Control values.
  const underHashed =
    hashed !== undefined && logoPath?.startsWith(images) && logoPath.slice(images.length).includes('-');
  const logo = underHashed ? undefined : logoPath;
  const editions = languageSites(site).map((edition) => ({ edition, folder: edition.edition?.path ?? '' }));
  return [
    { path: `${base}*`, headers: [['X-Content-Type-Options', 'nosniff']] },
    { path: base, headers: [['Cache-Control', PAGE], ...hubLinks(site, site.url)] },
    // The other languages' home pages, unless an article folder at the root (`/:slug/`) matches them already.
    ...(folders.includes('')
      ? []
      : editions
          .filter(({ folder }) => folder !== '')
          .map(
            ({ edition, folder }): HeaderRule => ({
              path: base + folder,
              headers: [['Cache-Control', PAGE], ...hubLinks(site, edition.url)],
            }),
          )),
    ...folders.flatMap((folder): HeaderRule[] => [
      { path: `${base}${folder}:slug/`, headers: [['Cache-Control', PAGE]] },
      {
        path: `${base}${folder}:slug/index.jsonld`,
        headers: [
          ['Content-Type', 'application/ld+json; charset=utf-8'],
          ['Cache-Control', DATA],
          ['Access-Control-Allow-Origin', '*'],
        ],
      },
    ]),
    // Each language's feeds, then the streams', then each language's archives, in its folder (languages.ts).
    ...editions.flatMap(({ edition }) => [
      feed(edition.feeds.rss, 'application/rss+xml'),
      feed(edition.feeds.atom, 'application/atom+xml'),
      feed(edition.feeds.json, 'application/feed+json'),
    ]),
    // Each language's streams, in its folder: the articles' folders seen from there.
    ...editions.flatMap(({ edition, folder }) =>
      streamRules(
        edition,
        base + folder,
        folders.filter((name) => name.startsWith(folder)).map((name) => name.slice(folder.length)),
      ),
    ),
    ...editions.flatMap(({ edition }) => archiveRules(edition, path)),
    ...(logo === undefined ? [] : [{ path: logo, headers: [['Cache-Control', ASSET]] } satisfies HeaderRule]),
    ...(hashed === undefined ? [] : [{ path: hashed, headers: [['Cache-Control', IMMUTABLE]] } satisfies HeaderRule]),
    ...iconRules(site, path),
  ];
}

/**
 * The list pages past the home page's first, and the streams' pages and feeds (streams.ts), by folder
 * and `:slug` (a rule each would pass Cloudflare's 100 at a few dozen tags): the pages revalidate,
 * the feeds keep five minutes, as the site's. No hub `Link` on the streams' feeds, whose URL a
 * placeholder rule cannot name (each feed names its hubs itself). An index (`tags/`) or a stream's
 * folder that an article folder's `:slug/` rule already matches gets no second rule.
 */
function streamRules(site: Site, base: string, articleFolders: readonly string[]): HeaderRule[] {
  const page: HeaderRule['headers'] = [['Cache-Control', PAGE]];
  // An article folder `page/` would match the home page's pages already.
  const rules: HeaderRule[] = articleFolders.includes('page/') ? [] : [{ path: `${base}page/:n/`, headers: page }];
  const folders = new Map<string, boolean>();
  for (const stream of allStreams(site)) {
    const folder = stream.path.replace(/[^/]+\/$/, '');
    folders.set(folder, (folders.get(folder) ?? false) || site.streamFeeds.includes(stream.kind));
  }
  const kinds = new Set(allStreams(site).map((stream) => stream.kind));
  for (const kind of kinds) {
    if (!articleFolders.includes('') && !folders.has('')) rules.push({ path: `${base}${kind}/`, headers: page });
  }
  const data = (type: string): HeaderRule['headers'] => [
    ['Content-Type', `${type}; charset=utf-8`],
    ['Cache-Control', DATA],
    ['Access-Control-Allow-Origin', '*'],
  ];
  for (const [folder, feeds] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const slug = `${base}${folder}:slug/`;
    if (!articleFolders.includes(folder)) rules.push({ path: slug, headers: page });
    rules.push({ path: `${slug}page/:n/`, headers: page });
    if (!feeds) continue;
    rules.push({ path: `${slug}feed.xml`, headers: data('application/rss+xml') });
    rules.push({ path: `${slug}atom.xml`, headers: data('application/atom+xml') });
    rules.push({ path: `${slug}feed.json`, headers: data('application/feed+json') });
  }
  return rules;
}

/**
 * The closed months of the archived feeds, kept a year: a splat for each year that is over, and the
 * three files of each closed month of now's year; the month of now keeps the host's default. Few
 * rules (Cloudflare Pages reads at most 100), so no media type: the hosts' own for `.xml`, `.atom`
 * and `.json` (`application/xml`, `application/atom+xml`, `application/json`) are ones readers take.
 */
function archiveRules(site: Site, path: (url: string) => string): HeaderRule[] {
  const headers: HeaderRule['headers'] = [
    ['Cache-Control', IMMUTABLE],
    ['Access-Control-Allow-Origin', '*'],
  ];
  const thisYear = monthOf(site.now).slice(0, 4);
  const rules: HeaderRule[] = [];
  const years = new Set<string>();
  for (const { month, closed } of archiveMonths(site)) {
    const year = month.slice(0, 4);
    if (year < thisYear) {
      if (!years.has(year)) rules.push({ path: path(`${site.url}feeds/archive/${year}/*`), headers });
      years.add(year);
    } else if (closed) {
      const files = archivePaths(month);
      for (const file of [files.rss, files.atom, files.json]) rules.push({ path: path(site.url + file), headers });
    }
  }
  return rules;
}

/**
 * The icons keep a day: browsers ask for `/favicon.ico` and `/apple-touch-icon.png` by these fixed names,
 * whatever a page links, so a new icon must replace the old one at its address, and a day is how long it
 * takes to reach every reader.
 */
function iconRules(site: Site, path: (url: string) => string): HeaderRule[] {
  const icons = site.favicon;
  if (icons === undefined) return [];
  return [icons.ico, icons.png, icons.touch].map((file) => ({
    path: path(file.url),
    headers: [['Cache-Control', ICON]],
  }));
}

/**
 * WebSub discovery (W3C WebSub §4): a `Link` header naming each hub and the topic's own URL, on
 * each feed and on the home page, the topics `depeche ping` tells the hubs of.
 */
function hubLinks(site: Site, topic: string): [name: string, value: string][] {
  if (site.hubs.length === 0) return [];
  const links = [...site.hubs.map((hub) => `<${hub}>; rel="hub"`), `<${topic}>; rel="self"`];
  return [['Link', links.join(', ')]];
}

export function renderHeaders(site: Site): OutputFile {
  const rules = headerRules(site).map(
    (rule) => `${rule.path}\n${rule.headers.map(([name, value]) => `  ${name}: ${value}\n`).join('')}`,
  );
  const preamble = [
    '# Response headers for Netlify and Cloudflare Pages, written by depeche build.',
    '# No two rules set the same header on one path: both hosts join the values of every rule that matches.',
  ];
  return { path: '_headers', contents: `${preamble.join('\n')}\n\n${rules.join('\n')}` };
}
