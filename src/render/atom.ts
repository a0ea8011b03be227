/**
 * Atom 1.0 (RFC 4287). Checked against the RFC's RELAX NG schema in src/vocabulary/data/schemas/atom-rfc4287.rng.
 */
import { FEED_PATHS, feedArticles, lastUpdated, type Article, type OutputFile, type Site } from '../model.js';
import { feedContentHtml } from './corrections.js';
import { archivePaths, newestArchive } from './archive-months.js';
import { feedImage } from './feed-image.js';
import { el, GENERATOR, renderXml, type XmlElement } from './xml.js';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/**
 * A text construct (RFC 4287 §3.1) holding plain text, as `type="html"` with the text HTML-escaped:
 * `<b>` is written `&amp;lt;b&amp;gt;` and reads back as the visible text `<b>`. As `type="text"`,
 * text that looks like markup makes the W3C validator warn `ContainsUndeclaredHTML`.
 */
export function textConstruct(name: string, text: string): XmlElement {
  const html = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return el(name, html, { type: 'html' });
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase(); // BCP 47 tags are case-insensitive
}

/** `via` for the work the article is based on, `related` for every other cited URL (once each). */
function citationLinks(article: Article): XmlElement[] {
  const links: XmlElement[] = [];
  const seen = new Set<string>();
  if (article.isBasedOn !== undefined) {
    const source = article.citations.find((citation) => citation.url === article.isBasedOn);
    links.push(
      el('link', [], {
        rel: 'via',
        href: article.isBasedOn,
        title: source?.name,
        hreflang: source?.inLanguage,
      }),
    );
    seen.add(article.isBasedOn);
  }
  for (const citation of article.citations) {
    if (seen.has(citation.url)) continue;
    seen.add(citation.url);
    links.push(
      el('link', [], { rel: 'related', href: citation.url, title: citation.name, hreflang: citation.inLanguage }),
    );
  }
  return links;
}

/** The entry's picture (RFC 4287 §4.2.7.2: `enclosure`, "potentially large in size"), with its length. */
function enclosure(article: Article): XmlElement | undefined {
  const image = feedImage(article);
  return image && el('link', [], { rel: 'enclosure', type: image.type, length: String(image.length), href: image.url });
}

function entry(article: Article, site: Site): XmlElement {
  return el(
    'entry',
    [
      el('id', article.id),
      textConstruct('title', article.title),
      el('link', [], { rel: 'alternate', type: 'text/html', href: article.url }),
      el('published', article.datePublished.iso),
      el('updated', lastUpdated(article).iso),
      // Entries without authors inherit the feed's author (the publisher), as RFC 4287 §4.2.1 allows.
      ...article.authors.map((author) =>
        el('author', [el('name', author.name), author.url !== undefined && el('uri', author.url)]),
      ),
      ...article.tags.map((tag) => el('category', [], { term: tag })),
      textConstruct('summary', article.description),
      el('content', feedContentHtml(site, article), { type: 'html' }),
      ...citationLinks(article),
      enclosure(article),
    ],
    { 'xml:lang': sameLanguage(article.lang, site.language) ? undefined : article.lang },
  );
}

/** `atom.xml`: the newest `site.feedLimit` articles as an Atom feed. */
export function renderAtom(site: Site): OutputFile {
  const logo = site.publisher.logo;
  const newest = newestArchive(site);
  const feed = el(
    'feed',
    [
      el('id', site.url),
      textConstruct('title', site.title),
      textConstruct('subtitle', site.description),
      el('updated', site.updated.iso),
      el('link', [], { rel: 'self', type: 'application/atom+xml', href: site.feeds.atom }),
      newest !== undefined &&
        el('link', [], {
          rel: 'prev-archive',
          type: 'application/atom+xml',
          href: site.url + archivePaths(newest).atom,
        }),
      ...site.hubs.map((hub) => el('link', [], { rel: 'hub', href: hub })),
      el('link', [], { rel: 'alternate', type: 'text/html', href: site.url }),
      el('author', [el('name', site.publisher.name), el('uri', site.publisher.url)]),
      el('generator', GENERATOR),
      // RFC 4287 §4.2.5: the icon SHOULD be square; a wide masthead serves only as the logo (§4.2.8).
      logo.width === logo.height && el('icon', logo.url),
      el('logo', logo.url),
      ...feedArticles(site).map((article) => entry(article, site)),
    ],
    { xmlns: ATOM_NS, 'xml:lang': site.language },
  );
  return { path: FEED_PATHS.atom, contents: renderXml(feed) };
}
