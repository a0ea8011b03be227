/**
 * The media type of each file the dev server sends, the same as `_headers` gives in production: the
 * three feeds by name (`application/rss+xml`…), everything else by extension. Text types carry
 * `charset=utf-8`.
 */
import { FEED_PATHS } from '../model.js';

const BY_NAME: Record<string, string> = {
  [FEED_PATHS.rss]: 'application/rss+xml; charset=utf-8',
  [FEED_PATHS.atom]: 'application/atom+xml; charset=utf-8',
  [FEED_PATHS.json]: 'application/feed+json; charset=utf-8',
};

const BY_EXTENSION: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

/** The `Content-Type` of a file of the site, by its path relative to the site's root. */
export function mediaType(path: string): string {
  const byName = BY_NAME[path];
  if (byName !== undefined) return byName;
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? 'application/octet-stream';
}
