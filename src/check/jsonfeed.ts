/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the required `version`, `title` and `items`,
 * each item's `id` and `content_html` or `content_text`, the type of every known field, RFC 3339
 * dates, absolute URLs, and extensions named with a leading `_`.
 */
import { describeValue } from '../errors.js';
import type { SiteContext } from './context.js';
import { parseRfc3339 } from './dates.js';
import { checkFeedHtml } from './feed-content.js';
import { controlsIn } from './feed-text.js';
import type { FeedItem, FeedItems } from './feeds-agree.js';
import { error, type Finding, type Place, warning } from './finding.js';
import { indexPath, memberPath } from './json-path.js';
import { type JsonObject, isObject } from './jsonld-terms.js';
import { checkReference } from './links.js';
import { canParseUrl } from '../content/url.js';

const VERSION = 'https://jsonfeed.org/version/1.1';

type Kind =
  | 'string'
  | 'url'
  | 'date'
  | 'boolean'
  | 'number'
  | 'strings'
  | 'authors'
  | 'hubs'
  | 'attachments'
  | 'items'
  | 'object';

const TOP: Readonly<Record<string, Kind>> = {
  version: 'string',
  title: 'string',
  home_page_url: 'url',
  feed_url: 'url',
  description: 'string',
  user_comment: 'string',
  next_url: 'url',
  icon: 'url',
  favicon: 'url',
  authors: 'authors',
  author: 'object',
  language: 'string',
  expired: 'boolean',
  hubs: 'hubs',
  items: 'items',
};

const ITEM: Readonly<Record<string, Kind>> = {
  id: 'string',
  url: 'url',
  external_url: 'url',
  title: 'string',
  content_html: 'string',
  content_text: 'string',
  summary: 'string',
  image: 'url',
  banner_image: 'url',
  date_published: 'date',
  date_modified: 'date',
  authors: 'authors',
  author: 'object',
  tags: 'strings',
  language: 'string',
  attachments: 'attachments',
};

/** A JSON Feed by its version, or by its name (`feed.json`) when the version is what is wrong. */
export function looksLikeJsonFeed(value: unknown, path: string): value is JsonObject {
  if (!isObject(value)) return false;
  const version = value.version;
  return (
    (typeof version === 'string' && version.startsWith('https://jsonfeed.org/version/')) ||
    /(?:^|\/)feed\.json$/.test(path)
  );
}

export function checkJsonFeed(
  context: SiteContext,
  path: string,
  feed: JsonObject,
): { findings: Finding[]; feed: FeedItems } {
  const file = context.files.shown(path);
  const at = (field: string): Place => ({ file, field });
  const feedUrl = context.urlOf(path);
  const findings: Finding[] = [];
  const items: FeedItems = { format: 'JSON Feed', shown: file, items: [] };
  const version = feed.version;
  if (typeof version !== 'string' || !version.startsWith('https://jsonfeed.org/version/')) {
    findings.push(
      error('jsonfeed', at('$.version'), `expected ${JSON.stringify(VERSION)}, found ${describeValue(version)}`),
    );
  } else if (version !== VERSION) {
    findings.push(
      warning(
        'jsonfeed',
        at('$.version'),
        `expected ${JSON.stringify(VERSION)}, found ${JSON.stringify(version)} (an older version)`,
      ),
    );
  }
  for (const required of ['title', 'items']) {
    if (!(required in feed))
      findings.push(
        error(
          'jsonfeed',
          at(memberPath('$', required)),
          `expected a ${required === 'items' ? 'list of items' : 'string'}, found nothing`,
        ),
      );
  }
  findings.push(...fields(context, feed, TOP, '$', feedUrl, at), ...jsonControls(feed, '$', at));
  if (feed.author !== undefined)
    findings.push(warning('jsonfeed', at('$.author'), 'expected "authors" (a list), found the JSON Feed 1.0 "author"'));
  const list = Array.isArray(feed.items) ? feed.items : [];
  const seen = new Map<string, string>();
  list.forEach((item, index) => {
    const base = indexPath('$.items', index);
    if (!isObject(item)) {
      findings.push(error('jsonfeed', at(base), `expected an item object, found ${describeValue(item)}`));
      return;
    }
    findings.push(...checkItem(context, item, base, feedUrl, at));
    const id = item.id;
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const key = String(id);
    const first = seen.get(key);
    if (first !== undefined)
      findings.push(
        error(
          'jsonfeed',
          at(`${base}.id`),
          `expected a unique id, found ${JSON.stringify(key)} again (first at ${first})`,
        ),
      );
    else seen.set(key, base);
    items.items.push(feedItem(item, key, at(base)));
  });
  return { findings, feed: items };
}

function checkItem(
  context: SiteContext,
  item: JsonObject,
  base: string,
  feedUrl: string,
  at: (field: string) => Place,
): Finding[] {
  const findings: Finding[] = [];
  if (!('id' in item))
    findings.push(error('jsonfeed', at(`${base}.id`), 'expected an id (a string that never changes), found nothing'));
  else if (typeof item.id === 'number')
    findings.push(
      warning(
        'jsonfeed',
        at(`${base}.id`),
        `expected the id as a string, found the number ${item.id} (readers coerce it)`,
      ),
    );
  if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') {
    findings.push(error('jsonfeed', at(base), 'expected content_html or content_text, found neither'));
  }
  const itemUrl = typeof item.url === 'string' && canParseUrl(item.url) ? item.url : feedUrl;
  findings.push(...fields(context, item, ITEM, base, itemUrl, at));
  if (item.author !== undefined)
    findings.push(
      warning('jsonfeed', at(`${base}.author`), 'expected "authors" (a list), found the JSON Feed 1.0 "author"'),
    );
  if (typeof item.content_html === 'string')
    findings.push(...checkFeedHtml(context, item.content_html, at(`${base}.content_html`), itemUrl));
  return findings;
}

/** Checks each known member's type; a member the spec does not define must start with `_`. */
function fields(
  context: SiteContext,
  object: JsonObject,
  known: Readonly<Record<string, Kind>>,
  base: string,
  documentUrl: string,
  at: (field: string) => Place,
): Finding[] {
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(object)) {
    const path = memberPath(base, key);
    const kind = Object.hasOwn(known, key) ? known[key] : undefined;
    if (kind === undefined) {
      if (!key.startsWith('_'))
        findings.push(
          warning(
            'jsonfeed',
            at(path),
            `unknown member ${JSON.stringify(key)}: extensions start with "_" (JSON Feed 1.1)`,
          ),
        );
      continue;
    }
    if (key === 'id' && typeof value === 'number') continue;
    const problem = valueProblem(value, kind);
    if (problem !== undefined) {
      findings.push(error('jsonfeed', at(path), problem));
      continue;
    }
    if (kind === 'url' && typeof value === 'string') {
      const imageKeys = ['icon', 'favicon', 'image', 'banner_image'];
      findings.push(
        ...checkReference(
          context,
          { url: value, kind: imageKeys.includes(key) ? 'image' : 'link', where: key },
          documentUrl,
          at(path),
        ),
      );
    }
    if (kind === 'authors' && Array.isArray(value)) findings.push(...authors(value, path, at));
    if (kind === 'attachments' && Array.isArray(value))
      findings.push(...attachments(context, value, path, documentUrl, at));
  }
  return findings;
}

function valueProblem(value: unknown, kind: Kind): string | undefined {
  const found = describeValue(value);
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? undefined : `expected a string, found ${found}`;
    case 'url':
      return typeof value === 'string' && /^https?:\/\/[^\s/]+/i.test(value) && canParseUrl(value)
        ? undefined
        : `expected an absolute http(s) URL, found ${found}`;
    case 'date':
      return typeof value === 'string' && parseRfc3339(value) !== undefined
        ? undefined
        : `expected an RFC 3339 date-time such as "2024-02-28T09:00:00+01:00", found ${found}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, found ${found}`;
    case 'number':
      return typeof value === 'number' ? undefined : `expected a number, found ${found}`;
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? undefined
        : `expected a list of strings, found ${found}`;
    case 'object':
      return isObject(value) ? undefined : `expected an object, found ${found}`;
    default:
      return Array.isArray(value) && value.every(isObject) ? undefined : `expected a list of objects, found ${found}`;
  }
}

function authors(list: readonly unknown[], path: string, at: (field: string) => Place): Finding[] {
  return list.flatMap((author, index) => {
    const record = author as JsonObject;
    const fields = ['name', 'url', 'avatar'].filter((name) => typeof record[name] === 'string');
    return fields.length > 0
      ? []
      : [
          error(
            'jsonfeed',
            at(indexPath(path, index)),
            'expected an author with a name, url or avatar, found none of them',
          ),
        ];
  });
}

function attachments(
  context: SiteContext,
  list: readonly unknown[],
  path: string,
  documentUrl: string,
  at: (field: string) => Place,
): Finding[] {
  return list.flatMap((attachment, index) => {
    const record = attachment as JsonObject;
    const base = indexPath(path, index);
    const findings: Finding[] = [];
    if (typeof record.url !== 'string')
      findings.push(
        error('jsonfeed', at(`${base}.url`), `expected the attachment's URL, found ${describeValue(record.url)}`),
      );
    else
      findings.push(
        ...checkReference(
          context,
          { url: record.url, kind: 'link', where: 'attachment url' },
          documentUrl,
          at(`${base}.url`),
        ),
      );
    if (typeof record.mime_type !== 'string')
      findings.push(
        error(
          'jsonfeed',
          at(`${base}.mime_type`),
          `expected the attachment's media type, found ${describeValue(record.mime_type)}`,
        ),
      );
    return findings;
  });
}

function feedItem(item: JsonObject, id: string, place: Place): FeedItem {
  const published = typeof item.date_published === 'string' ? parseRfc3339(item.date_published) : undefined;
  return {
    id,
    place,
    ...(typeof item.title === 'string' ? { title: item.title } : {}),
    ...(typeof item.url === 'string' ? { url: item.url } : {}),
    ...(published === undefined ? {} : { published }),
  };
}

/** `control-characters` for every string of the feed that holds one. */
function jsonControls(value: unknown, path: string, at: (field: string) => Place): Finding[] {
  if (typeof value === 'string') {
    const held = controlsIn(value);
    return held === undefined ? [] : [warning('control-characters', at(path), held)];
  }
  if (Array.isArray(value)) return value.flatMap((member, index) => jsonControls(member, indexPath(path, index), at));
  if (isObject(value))
    return Object.entries(value).flatMap(([key, member]) => jsonControls(member, memberPath(path, key), at));
  return [];
}
