/**
 * The HTML inside feed items (`content:encoded`, Atom `content type="html"`, `content_html`): a feed
 * reader shows it away from the site, often without any base URL, so every `href` and `src` in it
 * must be absolute. Its internal links must also resolve, like a page's.
 */
import type { SiteContext } from './context.js';
import { error, type Finding, type Place } from './finding.js';
import { readHtmlFragment } from './html.js';
import { checkReference } from './links.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Findings for the HTML `html` of a feed item at `place`; `itemUrl` is the item's page, against which
 * a reader would (at best) resolve a relative URL. `hasBase`: an `xml:base` applies, so relative URLs are defined.
 */
export function checkFeedHtml(
  context: SiteContext,
  html: string,
  place: Place,
  itemUrl: string,
  hasBase = false,
): Finding[] {
  const findings: Finding[] = [];
  for (const reference of readHtmlFragment(html).references) {
    if (!hasBase && !SCHEME.test(reference.url)) {
      findings.push(
        error(
          'feed-relative-url',
          place,
          `${reference.where}="${reference.url}": expected an absolute URL in feed content, found a relative one ` +
            `(readers resolve it against the feed, or not at all)`,
        ),
      );
      continue;
    }
    findings.push(...checkReference(context, reference, itemUrl, place));
  }
  return findings;
}
