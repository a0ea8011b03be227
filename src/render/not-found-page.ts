/**
 * `404.html`, in the site's language: what a reader sees at an address with no page. Static hosts
 * (GitHub Pages, Netlify, Cloudflare Pages) serve it at any such address, so every link in it is
 * absolute. It is kept out of search results, links home and to the newest articles, and offers the
 * feeds like every page.
 */
import type { OutputFile, Site } from '../model.js';
import { html, labelsFor, renderPage } from './html.js';
import { item } from './home-page.js';

/** How many of the newest articles the page lists. */
const NEWEST = 5;

export function renderNotFoundPage(site: Site): OutputFile {
  const labels = labelsFor(site.language);
  const text = labels.notFound;
  const contents = renderPage({
    site,
    // Site-wide pages follow the list of articles: the year of the site's last update.
    year: site.updated.iso.slice(0, 4),
    lang: site.language,
    title: `${text.title} — ${site.title}`,
    description: text.text(site.title),
    meta: html`<meta name="robots" content="noindex">\n`,
    theme: { kind: '404', articles: site.articles.slice(0, NEWEST) },
    main: html`<h1>${text.title}</h1>
<p class="standfirst">${text.text(site.title)}</p>
<p><a href="${site.url}" rel="home">${text.home}</a></p>
<section aria-labelledby="latest">
<h2 id="latest">${labels.latest}</h2>
<ol class="articles">
${site.articles.slice(0, NEWEST).map((article) => item(site, article, labels))}</ol>
</section>
`,
  });
  return { path: '404.html', contents };
}
