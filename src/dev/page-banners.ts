/**
 * The dev server shows the scheduled records (dated after now) as a build with `--future` would,
 * and, with `--drafts`, the drafts as `build --drafts` would; it marks their pages with a banner, so
 * that nobody takes a page under embargo, or one not yet edited, for a published one. The banners
 * are added as the page is served: the built page never has them.
 */
import type { Site } from '../model.js';
import { escapeHtml } from '../render/html.js';
import { isScheduled } from '../scheduled.js';

/** What a page is marked as: a draft, and/or scheduled for its `datePublished`. */
export interface PageBanners {
  draft?: true;
  scheduled?: string;
}

/** The HTML page of each draft or scheduled article of `site` (`articles/x/index.html`), with its banners. */
export function bannerPages(site: Site): Map<string, PageBanners> {
  const pages = new Map<string, PageBanners>();
  for (const article of site.articles) {
    const scheduled = isScheduled(article, site.now);
    if (!scheduled && article.draft !== true) continue;
    pages.set(`${article.path}index.html`, {
      ...(article.draft === true ? { draft: true } : {}),
      ...(scheduled ? { scheduled: article.datePublished.iso } : {}),
    });
  }
  return pages;
}

const STYLE = 'margin:0;padding:.75rem 1rem;font:600 1rem/1.4 system-ui,sans-serif';

/** The page with its banners at the start of its body (or at its start, for a page without a body tag). */
export function injectBanners(page: string, banners: PageBanners): string {
  let html = '';
  if (banners.draft === true) {
    html +=
      `<p class="depeche-dev-draft" role="status" style="${STYLE};background:#e7f0ff;color:#0b2e6b;` +
      `border-bottom:2px solid #3b6fd8">Brouillon / Draft: this record says draft: true, so builds leave it out ` +
      `(--drafts includes it).</p>\n`;
  }
  if (banners.scheduled !== undefined) {
    html +=
      `<p class="depeche-dev-scheduled" role="status" style="${STYLE};background:#fff3bf;color:#5c3c00;` +
      `border-bottom:2px solid #e8b100">Scheduled: published on ${escapeHtml(banners.scheduled)}. Until then, ` +
      `builds leave this article out (--future includes it).</p>\n`;
  }
  const body = /<body\b[^>]*>\n?/i.exec(page);
  if (body === null) return html + page;
  const end = body.index + body[0].length;
  return page.slice(0, end) + html + page.slice(end);
}
