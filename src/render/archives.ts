/**
 * The whole history, as archived feeds (RFC 5005 §4): every month, from the month of the oldest
 * article to the month of the build's now, has an archive document in each format,
 * `feeds/archive/<yyyy>/<mm>.xml` (RSS), `.atom` and `.json` (JSON Feed), holding every article
 * published that month (UTC), newest first. Each is marked `fh:archive` and links `current` (the
 * subscription feed), `prev-archive` (the month before) and `next-archive` (the month after); the
 * subscription feeds link the newest month as `prev-archive`, and the JSON Feeds chain by `next_url`.
 *
 * An archive reads only what every article is listed with (title, standfirst, dates, section), never
 * its body, so that a month's bytes depend on its articles alone: once the month is over (now is in
 * a later month) its documents never change unless one of its records does, and `_headers` lets
 * caches keep them a year. A month with no article still has its documents, so that every link of
 * the chain leads somewhere and a closed month's `next-archive` is written once. They are written
 * with `renderXmlList`, without xmlbuilder2's DOM: the same bytes, several times faster.
 */
import { lastUpdated, type OutputFile, type Site } from '../model.js';
import { type ArchiveMonth, archiveMonths, archivePaths } from './archive-months.js';
import { ATOM_NS, textConstruct } from './atom.js';
import type { JsonFeed } from './jsonfeed.js';
import { formatRfc822 } from './rfc822.js';
import { RSS_DOCS, RSS_NS, textAsHtml } from './rss.js';
import { el, GENERATOR, plainText, renderXmlList, type XmlElement } from './xml.js';

/** The Feed History namespace of RFC 5005. */
export const FH_NS = 'http://purl.org/syndication/history/1.0';

/** Every archive document of the site, month by month, RSS, Atom and JSON Feed. */
export function renderArchives(site: Site): OutputFile[] {
  return [...archiveFiles(site)];
}

/** `renderArchives`, one document at a time, for a caller that writes each as it comes. */
export function* archiveFiles(site: Site): Generator<OutputFile> {
  const months = archiveMonths(site);
  for (const [index, month] of months.entries()) {
    const links: ArchiveLinks = {
      prev: months[index - 1]?.month,
      next: months[index + 1]?.month,
    };
    const paths = archivePaths(month.month);
    yield { path: paths.rss, contents: rssArchive(site, month, links) };
    yield { path: paths.atom, contents: atomArchive(site, month, links) };
    yield { path: paths.json, contents: jsonArchive(site, month, links) };
  }
}

interface ArchiveLinks {
  prev: string | undefined;
  next: string | undefined;
}

/** A month's last update: its newest article's, or the month's start when it has none. */
function monthUpdated(month: ArchiveMonth): { iso: string; rfc822: string } {
  const newest = month.articles
    .map(lastUpdated)
    .reduce<ReturnType<typeof lastUpdated> | undefined>(
      (latest, date) => (latest === undefined || date.epochMs > latest.epochMs ? date : latest),
      undefined,
    );
  const date = newest ?? {
    iso: `${month.month}-01T00:00:00Z`,
    epochMs: Date.parse(`${month.month}-01T00:00:00Z`),
    offsetMinutes: 0,
  };
  return { iso: date.iso, rfc822: formatRfc822(date) };
}

function rssArchive(site: Site, month: ArchiveMonth, links: ArchiveLinks): string {
  const url = (m: string): string => site.url + archivePaths(m).rss;
  const updated = monthUpdated(month);
  const channel = el('channel', [
    plainText('title', site.title),
    el('link', site.url),
    plainText('description', site.description),
    el('language', site.language),
    el('lastBuildDate', updated.rfc822),
    el('generator', GENERATOR),
    el('docs', RSS_DOCS),
    el('atom:link', [], { href: url(month.month), rel: 'self', type: 'application/rss+xml' }),
    el('atom:link', [], { href: site.feeds.rss, rel: 'current', type: 'application/rss+xml' }),
    links.prev !== undefined &&
      el('atom:link', [], { href: url(links.prev), rel: 'prev-archive', type: 'application/rss+xml' }),
    links.next !== undefined &&
      el('atom:link', [], { href: url(links.next), rel: 'next-archive', type: 'application/rss+xml' }),
    el('fh:archive', []),
    ...month.articles.map(
      (article): XmlElement =>
        el('item', [
          plainText('title', article.title),
          el('link', article.url),
          plainText('description', textAsHtml(article.description)),
          article.section !== undefined && plainText('category', article.section),
          el('guid', article.id, { isPermaLink: article.id === article.url ? 'true' : 'false' }),
          el('pubDate', formatRfc822(article.datePublished)),
        ]),
    ),
  ]);
  return renderXmlList('rss', { version: '2.0', 'xmlns:atom': RSS_NS.atom, 'xmlns:fh': FH_NS }, [channel]);
}

function atomArchive(site: Site, month: ArchiveMonth, links: ArchiveLinks): string {
  const url = (m: string): string => site.url + archivePaths(m).atom;
  return renderXmlList(
    'feed',
    { xmlns: ATOM_NS, 'xmlns:fh': FH_NS, 'xml:lang': site.language },
    [
      el('id', url(month.month)),
      textConstruct('title', site.title),
      textConstruct('subtitle', site.description),
      el('updated', monthUpdated(month).iso),
      el('link', [], { rel: 'self', type: 'application/atom+xml', href: url(month.month) }),
      el('link', [], { rel: 'current', type: 'application/atom+xml', href: site.feeds.atom }),
      links.prev !== undefined &&
        el('link', [], { rel: 'prev-archive', type: 'application/atom+xml', href: url(links.prev) }),
      links.next !== undefined &&
        el('link', [], { rel: 'next-archive', type: 'application/atom+xml', href: url(links.next) }),
      el('link', [], { rel: 'alternate', type: 'text/html', href: site.url }),
      el('author', [el('name', site.publisher.name), el('uri', site.publisher.url)]),
      el('generator', GENERATOR),
      el('fh:archive', []),
      ...month.articles.map(
        (article): XmlElement =>
          el(
            'entry',
            [
              el('id', article.id),
              textConstruct('title', article.title),
              el('link', [], { rel: 'alternate', type: 'text/html', href: article.url }),
              el('published', article.datePublished.iso),
              el('updated', lastUpdated(article).iso),
              article.section !== undefined && el('category', [], { term: article.section }),
              textConstruct('summary', article.description),
            ],
            { 'xml:lang': article.lang.toLowerCase() === site.language.toLowerCase() ? undefined : article.lang },
          ),
      ),
    ].filter((child): child is XmlElement => child !== false),
  );
}

function jsonArchive(site: Site, month: ArchiveMonth, links: ArchiveLinks): string {
  const url = (m: string): string => site.url + archivePaths(m).json;
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.title,
    home_page_url: site.url,
    feed_url: url(month.month),
    description: site.description,
    language: site.language,
    authors: [{ name: site.publisher.name, url: site.publisher.url }],
    // The chain goes back in time, as JSON Feed's pages do: the month before.
    ...(links.prev !== undefined && { next_url: url(links.prev) }),
    items: month.articles.map((article) => ({
      id: article.id,
      url: article.url,
      title: article.title,
      content_text: article.description,
      date_published: article.datePublished.iso,
      ...(article.dateModified !== undefined && { date_modified: article.dateModified.iso }),
      ...(article.section !== undefined && { tags: [article.section] }),
      language: article.lang,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
