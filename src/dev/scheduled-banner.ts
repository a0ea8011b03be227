/**
 * The dev server shows the scheduled records (dated after now) as a build with `--future` would, and
 * marks their pages with a banner, so that nobody takes a page under embargo for a published one. The
 * banner is added as the page is served: the built page never has it.
 */
import type { Site } from '../model.js';
import { escapeHtml } from '../render/html.js';
import { isScheduled } from '../scheduled.js';

/** The HTML page of each scheduled article of `site` (`articles/x/index.html`), with its `datePublished`. */
export function scheduledPages(site: Site): Map<string, string> {
  const pages = new Map<string, string>();
  for (const article of site.articles)
    if (isScheduled(article, site.now)) pages.set(`${article.path}index.html`, article.datePublished.iso);
  return pages;
}

/** The page with the banner at the start of its body (or at its start, for a page without a body tag). */
export function injectScheduledBanner(page: string, datePublished: string): string {
  const banner =
    `<p class="depeche-dev-scheduled" role="status" style="margin:0;padding:.75rem 1rem;background:#fff3bf;` +
    `color:#5c3c00;border-bottom:2px solid #e8b100;font:600 1rem/1.4 system-ui,sans-serif">Scheduled: ` +
    `published on ${escapeHtml(datePublished)}. Until then, builds leave this article out (--future includes ` +
    `it).</p>\n`;
  const body = /<body\b[^>]*>\n?/i.exec(page);
  if (body === null) return banner + page;
  const end = body.index + body[0].length;
  return page.slice(0, end) + banner + page.slice(end);
}
