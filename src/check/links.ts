/**
 * Broken internal links and missing images: every URL a page, a feed or a sitemap points at inside
 * the site must be a file of the site (`…/x/` → `x/index.html`), and a `#fragment` into a page must
 * name an `id` of that page. URLs outside the site are not fetched: `check` never uses the network.
 */
import type { SiteContext } from './context.js';
import { error, type Finding, type Place, warning } from './finding.js';
import { canParseUrl } from '../content/url.js';

/** What a missing target finding is about, for `body-links.ts` to merge the copies of one link. */
export interface MissingTarget {
  /** The site path that is missing (`nope/index.html`). */
  target: string;
  /** The URL of the document that holds the link (an article's page, for its body in a feed). */
  documentUrl: string;
  /** The URL as written, and resolved. */
  url: string;
  href: string;
}

const missingTargets = new WeakMap<Finding, MissingTarget>();

/** The missing target a `broken-link` or `missing-image` finding of `checkReference` is about. */
export function missingTargetOf(finding: Finding): MissingTarget | undefined {
  return missingTargets.get(finding);
}

export interface Reference {
  /** The URL as written. */
  url: string;
  /** What a missing target is: a broken link, or a missing image. */
  kind: 'link' | 'image';
  /** What holds it, for the message (`img src`, `<link>`, `$.items[0].url`). */
  where: string;
}

/**
 * Checks one reference found at `place`, written in a document whose URL is `documentUrl`
 * (relative URLs resolve against it). External and non-http URLs pass.
 */
export function checkReference(
  context: SiteContext,
  reference: Reference,
  documentUrl: string,
  place: Place,
): Finding[] {
  if (/^(?:mailto|tel|data|javascript|about|urn|tag):/i.test(reference.url)) return [];
  if (!canParseUrl(reference.url, documentUrl)) {
    return [error('broken-link', place, `${reference.where}: expected a URL, found ${JSON.stringify(reference.url)}`)];
  }
  const url = new URL(reference.url, documentUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  if (!context.baseKnown && /^[a-z][a-z0-9+.-]*:/i.test(reference.url)) return [];
  const located = context.locate(url);
  if (located.kind === 'external') return [];
  if (located.kind === 'missing') {
    const [rule, what] = reference.kind === 'image' ? ['missing-image', 'an image'] : ['broken-link', 'a page or file'];
    const found = error(
      rule,
      place,
      `${reference.where} points at ${reference.url}: expected ${what} at ${context.files.shown(located.path)}, ` +
        `found none`,
    );
    missingTargets.set(found, { target: located.path, documentUrl, url: reference.url, href: url.href });
    return [found];
  }
  if (url.hash.length > 1) {
    const ids = context.page(located.path)?.ids;
    const fragment = safeDecode(url.hash.slice(1));
    if (ids !== undefined && !ids.has(fragment)) {
      return [
        warning(
          'broken-fragment',
          place,
          `${reference.where} points at ${reference.url}: expected an element with id ${JSON.stringify(fragment)} in ` +
            `${context.files.shown(located.path)}, found none`,
        ),
      ];
    }
  }
  return [];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
