/** An article's corrections, as readers see them: on its page, and after its body in every feed. */
import type { Article, SiteSettings } from '../model.js';
import { html, labelsFor, type SafeHtml, timeElement } from './html.js';

/** One dated notice a correction, oldest first; nothing when the article has none. */
export function correctionsNotice(site: SiteSettings, article: Article): SafeHtml | false {
  if (article.corrections.length === 0) return false;
  const labels = labelsFor(site.language);
  return html`<aside class="corrections">
${article.corrections.map(
  (correction) =>
    html`<p><strong>${labels.correction}</strong> (${timeElement(correction.date, labels, site.timeZone)})${
      labels.colon
    } ${correction.text}</p>\n`,
)}</aside>
`;
}

/** The HTML a feed carries for an article: its body, then its corrections. */
export function feedContentHtml(site: SiteSettings, article: Article): string {
  const notice = correctionsNotice(site, article);
  return notice === false ? article.contentHtml : article.contentHtml + notice.text;
}
