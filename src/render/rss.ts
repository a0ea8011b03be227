/**
 * RSS 2.0, following the RSS Advisory Board's Best Practices Profile
 * (https://www.rssboard.org/rss-profile), with the Content, Dublin Core and Atom namespaces.
 */
import { FEED_PATHS, feedArticles, type Article, type Image, type OutputFile, type Site } from '../model.js';
import { feedContentHtml } from './corrections.js';
import { archivePaths, newestArchive } from './archive-months.js';
import { formatRfc822 } from './rfc822.js';
import { feedImage } from './feed-image.js';
import { el, GENERATOR, plainText, renderXml, type XmlElement } from './xml.js';

export const RSS_NS = {
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
  media: 'http://search.yahoo.com/mrss/',
} as const;

/** The profile's value for `docs` when a feed relies on the RSS Advisory Board's specification. */
export const RSS_DOCS = 'https://www.rssboard.org/rss-specification';

/** Profile §4.1.1.9: at most 144 × 400 pixels, in GIF, JPEG or PNG. */
const IMAGE_LIMITS = { width: 144, height: 400 } as const;
const IMAGE_FORMATS = /\.(gif|jpe?g|png)$/i;

function fitsChannelImage(logo: Image): boolean {
  return (
    logo.width <= IMAGE_LIMITS.width &&
    logo.height <= IMAGE_LIMITS.height &&
    IMAGE_FORMATS.test(new URL(logo.url).pathname)
  );
}

/**
 * The profile reads an item's `description` as HTML (and every other element as plain text), so the
 * standfirst, which is plain text, is HTML-escaped first: `R&D <beta>` must not turn into a tag.
 * Plain-text elements (and this one) are written with `plainText`: `&` and `<` as `&#x26;` and
 * `&#x3C;`, as the profile recommends.
 */
export function textAsHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function item(site: Site, article: Article): XmlElement {
  return el('item', [
    plainText('title', article.title),
    el('link', article.url),
    plainText('description', textAsHtml(article.description)),
    el('content:encoded', feedContentHtml(site, article)),
    ...article.authors.map((author) => plainText('dc:creator', author.name)),
    ...article.tags.map((tag) => plainText('category', tag)),
    el('guid', article.id, { isPermaLink: article.id === article.url ? 'true' : 'false' }),
    el('pubDate', formatRfc822(article.datePublished)),
    // RSS's own <source url="…"> names the RSS channel an item was republished from, and its text is
    // that channel's title: a web article we adapt is neither. Dublin Core's `source` ("a related
    // resource from which the described resource is derived") holds the URL as it is.
    article.isBasedOn !== undefined && el('dc:source', article.isBasedOn),
    ...picture(article),
  ]);
}

/** The item's picture, for readers that show a thumbnail: an `enclosure`, and Media RSS with its credit. */
function picture(article: Article): XmlElement[] {
  const image = feedImage(article);
  if (image === undefined || article.image === undefined) return [];
  const { caption, credit, alt } = article.image;
  const description = caption ?? alt;
  return [
    el('enclosure', [], { url: image.url, length: String(image.length), type: image.type }),
    el(
      'media:content',
      [
        credit !== undefined && plainText('media:credit', credit),
        description !== '' && plainText('media:description', description, { type: 'plain' }),
      ],
      {
        url: image.url,
        type: image.type,
        medium: 'image',
        fileSize: String(image.length),
        width: String(image.width),
        height: String(image.height),
      },
    ),
  ];
}

/** `feed.xml`: the newest `site.feedLimit` articles as RSS 2.0. */
export function renderRss(site: Site): OutputFile {
  const logo = site.publisher.logo;
  const newest = newestArchive(site);
  const channel = el('channel', [
    plainText('title', site.title),
    el('link', site.url),
    plainText('description', site.description),
    el('language', site.language),
    el('lastBuildDate', formatRfc822(site.updated)),
    el('generator', GENERATOR),
    el('docs', RSS_DOCS),
    el('atom:link', [], { href: site.feeds.rss, rel: 'self', type: 'application/rss+xml' }),
    // The whole history, month by month (render/archives.ts).
    newest !== undefined &&
      el('atom:link', [], {
        href: site.url + archivePaths(newest).rss,
        rel: 'prev-archive',
        type: 'application/rss+xml',
      }),
    ...site.hubs.map((hub) => el('atom:link', [], { href: hub, rel: 'hub' })),
    fitsChannelImage(logo) &&
      el('image', [
        el('url', logo.url),
        plainText('title', site.title),
        el('link', site.url),
        el('width', String(logo.width)),
        el('height', String(logo.height)),
      ]),
    ...feedArticles(site).map((article) => item(site, article)),
  ]);
  const rss = el('rss', [channel], {
    version: '2.0',
    'xmlns:content': RSS_NS.content,
    'xmlns:dc': RSS_NS.dc,
    'xmlns:atom': RSS_NS.atom,
    // Declared once, here, and only for a feed that uses it.
    'xmlns:media': feedArticles(site).some((article) => feedImage(article) !== undefined) ? RSS_NS.media : undefined,
  });
  return { path: FEED_PATHS.rss, contents: renderXml(rss) };
}
