/** The home page: `index.html`, every article newest first, with the site's JSON-LD. */
import type { Article, OutputFile, Site } from '../model.js';
import { type Labels, type SafeHtml, html, labelsFor, ogLocale, renderPage, timeElement, typeset } from './html.js';
import { serializeJsonLd, siteGraph } from './jsonld.js';

export interface HomePageOptions {
  /**
   * The list items made by earlier calls for sites of the same settings, by article (an article is
   * never changed once made); filled here. The dev server keeps one across its rebuilds: making
   * 10,000 items again (typesetting every title and standfirst) took most of a home page's time.
   * Default: none, every item is made.
   */
  items?: WeakMap<Article, SafeHtml>;
}

export function renderHomePage(site: Site, options: HomePageOptions = {}): OutputFile {
  const labels = labelsFor(site.language);
  const known = options.items;
  const listed = (article: Article): SafeHtml => {
    if (known === undefined) return item(site, article, labels);
    let made = known.get(article);
    if (made === undefined) {
      made = item(site, article, labels);
      known.set(article, made);
    }
    return made;
  };
  const property = (name: string, content: string): SafeHtml => html`<meta property="${name}" content="${content}">\n`;
  const contents = renderPage({
    site,
    // Site-wide pages follow the list of articles: the year of the site's last update.
    year: site.updated.iso.slice(0, 4),
    lang: site.language,
    title: site.title,
    description: site.description,
    canonical: site.url,
    meta: html`${[
      property('og:type', 'website'),
      property('og:title', site.title),
      property('og:description', site.description),
      property('og:url', site.url),
      property('og:site_name', site.title),
      property('og:locale', ogLocale(site.language)),
    ]}<meta name="twitter:card" content="summary">\n`,
    jsonLd: serializeJsonLd(siteGraph(site)),
    // The model keeps `site.articles` newest first.
    main: html`<h1>${site.title}</h1>
<p class="standfirst">${typeset(site.description)}</p>
<section aria-labelledby="latest">
<h2 id="latest">${labels.latest}</h2>
<ol class="articles">
${site.articles.map(listed)}</ol>
</section>
`,
  });
  return { path: 'index.html', contents };
}

/** One article of a list: its section, linked title, date and standfirst. */
export function item(site: Site, article: Article, labels: Labels): SafeHtml {
  return html`<li><article${article.lang !== site.language && html` lang="${article.lang}"`}>
${
  article.section !== undefined && html`<p class="kicker">${article.section}</p>\n`
}<h3><a href="${article.url}">${typeset(article.title)}</a></h3>
<p>${typeset(article.description)}</p>
<p class="meta">${timeElement(article.datePublished, labels)}</p>
</article></li>
`;
}
