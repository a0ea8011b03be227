/** The home page: the first page of the home stream (list-page.ts), with the site's JSON-LD. */
import { type Article, OPML_PATH, type OutputFile, type Site } from '../model.js';
import { type Labels, type SafeHtml, html, labelsFor, timeElement, typeset } from './html.js';
import { listPages } from './list-page.js';

export interface HomePageOptions {
  /**
   * The list items made by earlier calls for sites of the same settings, by article (an article is
   * never changed once made); filled here. The dev server keeps one across its rebuilds: making
   * 10,000 items again (typesetting every title and standfirst) took most of a home page's time.
   * Default: none, every item is made.
   */
  items?: WeakMap<Article, SafeHtml>;
}

/** The home page's pages: `index.html`, then `page/2/`…, the site's articles newest first. */
export function renderHomePage(site: Site, options: HomePageOptions = {}): OutputFile[] {
  return [...homePages(site, options)];
}

/** `renderHomePage`, one page at a time (list-page.ts's `listPages`). */
export function homePages(site: Site, options: HomePageOptions = {}): Generator<OutputFile> {
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
  // One outline for the whole site, at its root, whichever language's home page this is.
  const opml = (site.edition?.root ?? site.url) + OPML_PATH;
  return listPages(
    site,
    {
      path: '',
      name: site.title,
      // The model keeps `site.articles` newest first.
      articles: site.articles,
      intro: html`<p class="standfirst">${typeset(site.description)}</p>
<p class="meta"><a href="${opml}" type="text/x-opml">${labels.lists.opml}</a></p>
`,
      head: html`<link rel="outline" type="text/x-opml" title="${site.title}" href="${opml}">\n`,
    },
    listed,
  );
}

/** One article of a list: its section, linked title, date and standfirst. */
export function item(site: Site, article: Article, labels: Labels): SafeHtml {
  return html`<li><article${article.lang !== site.language && html` lang="${article.lang}"`}>
${
  article.section !== undefined && html`<p class="kicker">${article.section}</p>\n`
}<h3><a href="${article.url}">${typeset(article.title)}</a></h3>
<p>${typeset(article.description)}</p>
<p class="meta">${timeElement(article.datePublished, labels, site.timeZone)}</p>
</article></li>
`;
}
