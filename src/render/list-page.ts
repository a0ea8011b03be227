/**
 * A stream's list pages: its articles newest first, `site.pageSize` a page, the first at the stream's
 * folder (`index.html` for the home page) and the others at `page/<n>/`, each with its own canonical URL,
 * `rel="prev"`/`"next"`, and its JSON-LD (list-jsonld.ts). No page grows with the site beyond its size.
 */
import type { Article, OutputFile, Person, Site } from '../model.js';
import { html, labelsFor, ogLocale, renderPage, type SafeHtml } from './html.js';
import { serializeJsonLd, siteGraph } from './jsonld.js';
import type { ThemeListInput } from '../theme/data.js';
import { type ListPage, listPageGraph, listPageNodes } from './list-jsonld.js';

export interface ListSpec {
  /** The stream's folder relative to the site root, with a trailing slash; empty for the home page. */
  path: string;
  /** The stream's name: the heading, and the title before the site's (the home page's is the site's title). */
  name: string;
  articles: readonly Article[];
  /** The stream's own feeds, offered on its pages; none for the home page (the site's feeds are on every page). */
  feeds?: Site['feeds'];
  /** The author whose page this is. */
  author?: Person;
  /** What each page shows above its list. */
  intro?: SafeHtml;
  /** More head elements, on the first page (the home page's WebSub hubs: its topic is its first page). */
  head?: SafeHtml;
}

/** The folder of the stream's page `n` (from 1), relative to the site root. */
export function pagePath(path: string, n: number): string {
  return n === 1 ? path : `${path}page/${n}/`;
}

/** Every page of the stream, the first first. `listed` makes one article's list item. */
export function renderListPages(site: Site, spec: ListSpec, listed: (article: Article) => SafeHtml): OutputFile[] {
  return [...listPages(site, spec, listed)];
}

/**
 * `renderListPages`, one page at a time: a caller that writes each page as it comes holds one page, not
 * the thousands of a large stream.
 */
export function* listPages(site: Site, spec: ListSpec, listed: (article: Article) => SafeHtml): Generator<OutputFile> {
  const count = Math.max(1, Math.ceil(spec.articles.length / site.pageSize));
  for (let n = 1; n <= count; n++) {
    const offset = (n - 1) * site.pageSize;
    yield {
      path: `${pagePath(spec.path, n)}index.html`,
      contents: listPage(
        site,
        spec,
        { n, count, articles: spec.articles.slice(offset, offset + site.pageSize) },
        listed,
      ),
    };
  }
}

interface PageOf {
  n: number;
  count: number;
  articles: readonly Article[];
}

function listPage(site: Site, spec: ListSpec, page: PageOf, listed: (article: Article) => SafeHtml): string {
  const labels = labelsFor(site.language);
  const url = (n: number): string => site.url + pagePath(spec.path, n);
  const home = spec.path === '';
  const numbered = page.n === 1 ? '' : ` — ${labels.lists.page(page.n, page.count)}`;
  const title = home ? `${site.title}${numbered}` : `${spec.name}${numbered} — ${site.title}`;
  const description = spec.author?.bio ?? site.description;
  const jsonPage: ListPage = {
    url: url(page.n),
    name: title,
    urls: page.articles.map((article) => article.url),
    offset: (page.n - 1) * site.pageSize,
    total: spec.articles.length,
    ...(spec.author === undefined ? {} : { author: spec.author }),
  };
  const property = (name: string, content: string): SafeHtml => html`<meta property="${name}" content="${content}">\n`;
  const feeds = spec.feeds === undefined ? [] : streamFeedLinks(spec.feeds, labels.feeds);
  return renderPage({
    site,
    // Site-wide pages follow the list of articles: the year of the site's last update.
    year: site.updated.iso.slice(0, 4),
    lang: site.language,
    title,
    description,
    canonical: url(page.n),
    meta: html`${[
      property('og:type', spec.author === undefined ? 'website' : 'profile'),
      property('og:title', title),
      property('og:description', description),
      property('og:url', url(page.n)),
      property('og:site_name', site.title),
      property('og:locale', ogLocale(site.language)),
    ]}<meta name="twitter:card" content="summary">\n${
      page.n > 1 && html`<link rel="prev" href="${url(page.n - 1)}">\n`
    }${page.n < page.count && html`<link rel="next" href="${url(page.n + 1)}">\n`}${
      page.n === 1 && spec.head
    }${feeds.map(
      (f) =>
        html`<link rel="alternate" type="${f.type}" title="${site.title} — ${spec.name} — ${f.label}" href="${
          f.href
        }">\n`,
    )}`,
    theme: {
      kind: home ? 'home' : spec.author === undefined ? 'list' : 'author',
      list: { name: spec.name, articles: page.articles, n: page.n, count: page.count, url, ...themeList(spec) },
    },
    jsonLd: serializeJsonLd(home ? siteGraph(site, listPageNodes(site, jsonPage)) : listPageGraph(site, jsonPage)),
    main: html`<h1>${home ? site.title : spec.name}</h1>
${spec.intro}${
  feeds.length > 0 &&
  html`<p class="meta">${labels.lists.feeds}${labels.colon} ${feeds.map(
    (f, i) => html`${i > 0 && ' · '}<a href="${f.href}" type="${f.type}">${f.label}</a>`,
  )}</p>\n`
}<section aria-labelledby="latest">
<h2 id="latest">${labels.latest}${page.n > 1 && html` (${labels.lists.page(page.n, page.count)})`}</h2>
<ol class="articles">
${page.articles.map(listed)}</ol>
</section>
${page.count > 1 && pagination(url, page, labels.lists)}`,
  });
}

/** What a theme is told of the stream besides its page. */
function themeList(spec: ListSpec): Pick<ThemeListInput, 'author' | 'feeds'> {
  return {
    ...(spec.author === undefined ? {} : { author: spec.author }),
    ...(spec.feeds === undefined ? {} : { feeds: spec.feeds }),
  };
}

function pagination(url: (n: number) => string, page: PageOf, labels: ReturnType<typeof labelsFor>['lists']): SafeHtml {
  return html`<nav class="pages" aria-label="${labels.pages}"><ul>
${
  page.n > 1 && html`<li><a rel="prev" href="${url(page.n - 1)}">${labels.previous}</a></li>\n`
}<li aria-current="page">${labels.page(page.n, page.count)}</li>
${page.n < page.count && html`<li><a rel="next" href="${url(page.n + 1)}">${labels.next}</a></li>\n`}</ul></nav>
`;
}

function streamFeedLinks(
  feeds: Site['feeds'],
  labels: { rss: string; atom: string; json: string },
): { href: string; type: string; label: string }[] {
  return [
    { href: feeds.rss, type: 'application/rss+xml', label: labels.rss },
    { href: feeds.atom, type: 'application/atom+xml', label: labels.atom },
    { href: feeds.json, type: 'application/feed+json', label: labels.json },
  ];
}
