/**
 * The site's root page when every language has its folder (`defaultLanguageAtRoot: false`): a link to each
 * language's home page, each named in its own language, and the `hreflang` alternates of the home pages, of
 * which it is the `x-default`. A site whose default language is at the root has none: its home page is there.
 */
import { languageSites } from '../languages.js';
import type { OutputFile, Site } from '../model.js';
import { html, ogLocale, renderPage } from './html.js';

export function renderLanguageIndex(site: Site): OutputFile[] {
  if (site.languages === undefined || site.languages[0]?.path === '') return [];
  const views = languageSites(site);
  const contents = renderPage({
    site,
    // A theme's list layout shows it as an index of streams: one per language.
    theme: {
      kind: 'list',
      list: {
        name: site.title,
        articles: [],
        n: 1,
        count: 1,
        url: () => site.url,
        streams: views.map((view) => ({
          name: languageName(view.language),
          url: view.url,
          count: view.articles.length,
        })),
      },
    },
    year: site.updated.iso.slice(0, 4),
    lang: site.language,
    title: site.title,
    description: site.description,
    canonical: site.url,
    meta: html`${views.map(
      (view) => html`<link rel="alternate" hreflang="${view.language}" href="${view.url}">\n`,
    )}<link rel="alternate" hreflang="x-default" href="${site.url}">
<meta property="og:type" content="website">
<meta property="og:title" content="${site.title}">
<meta property="og:url" content="${site.url}">
<meta property="og:locale" content="${ogLocale(site.language)}">
`,
    main: html`<h1>${site.title}</h1>
<ul class="streams">
${views.map(
  (view) =>
    html`<li><a href="${view.url}" hreflang="${view.language}" lang="${view.language}">${languageName(
      view.language,
    )}</a></li>\n`,
)}</ul>
`,
  });
  return [{ path: 'index.html', contents }];
}

/** A language's name in that language (`de` → "Deutsch"), as `Intl` knows it; the tag when it knows none. */
export function languageName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  // Names are lower-case in many languages (français); as a link's whole text, they start with a capital.
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}
