/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The types spell the spec's own field names.
 */
import { feedContentHtml } from './corrections.js';
import { archivePaths, newestArchive } from './archive-months.js';
import { FEED_PATHS, feedArticles, type Article, type OutputFile, type Person, type Site } from '../model.js';

/** An author object: the spec asks for at least one of its fields. */
export interface JsonFeedAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}

interface JsonFeedItemFields {
  /** Unique for the item, and never changes. */
  id: string;
  url?: string;
  /** The URL of a page elsewhere that the item is about (here: the work it is based on). */
  external_url?: string;
  title?: string;
  /** Plain text. */
  summary?: string;
  image?: string;
  banner_image?: string;
  /** RFC 3339. */
  date_published?: string;
  /** RFC 3339. */
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  language?: string;
}

/** An item carries `content_html`, `content_text`, or both: the spec requires one of them. */
export type JsonFeedItem = JsonFeedItemFields &
  ({ content_html: string; content_text?: string } | { content_html?: string; content_text: string });

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  /** Square, and large (512 × 512 is the spec's example). */
  icon?: string;
  /** Square, 64 × 64. */
  favicon?: string;
  language?: string;
  authors?: JsonFeedAuthor[];
  /** Endpoints that push the feed's changes: WebSub hubs. */
  hubs?: { type: string; url: string }[];
  /** The next page of items: an older part of the feed. */
  next_url?: string;
  items: JsonFeedItem[];
}

function author(person: Person): JsonFeedAuthor {
  return { name: person.name, ...(person.url !== undefined && { url: person.url }) };
}

function item(site: Site, article: Article): JsonFeedItem {
  return {
    id: article.id,
    url: article.url,
    ...(article.isBasedOn !== undefined && { external_url: article.isBasedOn }),
    title: article.title,
    summary: article.description,
    content_html: feedContentHtml(site, article),
    ...(article.image !== undefined && { image: article.image.url }),
    // A local image's `url` is its 16:9 crop already: wider than tall, as a banner is.
    ...(article.image?.local !== undefined && { banner_image: article.image.url }),
    date_published: article.datePublished.iso,
    ...(article.dateModified !== undefined && { date_modified: article.dateModified.iso }),
    // Items without authors inherit the feed's.
    ...(article.authors.length > 0 && { authors: article.authors.map(author) }),
    ...(article.tags.length > 0 && { tags: article.tags }),
    language: article.lang,
  };
}

/** The feed as a typed value, before serialisation. */
export function buildJsonFeed(site: Site): JsonFeed {
  const logo = site.publisher.logo;
  const newest = newestArchive(site);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.title,
    home_page_url: site.url,
    feed_url: site.feeds.json,
    description: site.description,
    // The spec's icon is square; a wide masthead would be squashed, so it is left out.
    ...(logo.width === logo.height && { icon: logo.url }),
    language: site.language,
    authors: [{ name: site.publisher.name, url: site.publisher.url }],
    ...(site.hubs.length > 0 && { hubs: site.hubs.map((url) => ({ type: 'WebSub', url })) }),
    // The whole history, month by month (render/archives.ts), newest month first.
    ...(newest !== undefined && { next_url: site.url + archivePaths(newest).json }),
    items: feedArticles(site).map((article) => item(site, article)),
  };
}

/** `feed.json`: the newest `site.feedLimit` articles as JSON Feed 1.1. */
export function renderJsonFeed(site: Site): OutputFile {
  return { path: FEED_PATHS.json, contents: `${JSON.stringify(buildJsonFeed(site), null, 2)}\n` };
}
