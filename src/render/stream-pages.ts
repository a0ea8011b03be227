/**
 * The streams' pages: each section's, tag's and declared author's list pages (list-page.ts), and the
 * indexes of the sections, tags and authors (`sections/`, `tags/`, `authors/`), each one page.
 */
import type { Article, OutputFile, Person, Site, StreamKind } from '../model.js';
import { allStreams, type Stream, siteStreams, streamFeeds } from '../streams.js';
import { html, labelsFor, ogLocale, renderPage, type SafeHtml } from './html.js';
import { serializeJsonLd } from './jsonld.js';
import { listPageGraph } from './list-jsonld.js';
import { listPages } from './list-page.js';

/** Every stream's pages, then the three indexes. `listed` makes one article's list item. */
export function renderStreamPages(site: Site, listed: (article: Article) => SafeHtml): OutputFile[] {
  const files: OutputFile[] = [];
  for (const stream of allStreams(site)) files.push(...streamPages(site, stream, listed));
  files.push(...streamIndexes(site));
  return files;
}

/** One stream's list pages, one at a time. */
export function streamPages(site: Site, stream: Stream, listed: (article: Article) => SafeHtml): Generator<OutputFile> {
  return listPages(
    site,
    {
      path: stream.path,
      name: stream.name,
      articles: stream.articles,
      ...(site.streamFeeds.includes(stream.kind) ? { feeds: streamFeeds(stream) } : {}),
      ...(stream.author === undefined ? {} : { author: stream.author, intro: profile(stream.author) }),
    },
    listed,
  );
}

/** The indexes of the sections, tags and authors, for each kind the site has. */
export function streamIndexes(site: Site): OutputFile[] {
  const streams = siteStreams(site);
  const files: OutputFile[] = [];
  for (const kind of ['sections', 'tags', 'authors'] as const) {
    if (streams[kind].length > 0) files.push(renderIndex(site, kind, streams[kind]));
  }
  return files;
}

/** What an author page shows of the author above the articles. */
function profile(author: Person): SafeHtml {
  return html`${
    author.image !== undefined &&
    html`<img class="portrait" src="${author.image.url}" alt="${
      author.image.alt
    }" width="${author.image.width}" height="${author.image.height}">\n`
  }${
    author.jobTitle !== undefined && html`<p class="kicker">${author.jobTitle}</p>\n`
  }${author.bio !== undefined && html`<p class="standfirst">${author.bio}</p>\n`}${
    author.sameAs.length > 0 &&
    html`<ul class="tags">${author.sameAs.map(
      (url) => html`<li><a href="${url}" rel="me">${new URL(url).host}</a></li>`,
    )}</ul>\n`
  }`;
}

/** `sections/index.html`…: every stream of the kind, with how many articles it holds. */
function renderIndex(site: Site, kind: StreamKind, streams: readonly Stream[]): OutputFile {
  const labels = labelsFor(site.language);
  const name = labels.lists[kind];
  const url = `${site.url}${kind}/`;
  const title = `${name} — ${site.title}`;
  const property = (key: string, content: string): SafeHtml => html`<meta property="${key}" content="${content}">\n`;
  const contents = renderPage({
    site,
    year: site.updated.iso.slice(0, 4),
    lang: site.language,
    title,
    description: site.description,
    canonical: url,
    meta: html`${[
      property('og:type', 'website'),
      property('og:title', title),
      property('og:url', url),
      property('og:site_name', site.title),
      property('og:locale', ogLocale(site.language)),
    ]}`,
    theme: {
      kind: 'list',
      list: {
        name,
        articles: [],
        n: 1,
        count: 1,
        url: () => url,
        streams: streams.map((s) => ({ name: s.name, url: s.url, count: s.articles.length })),
      },
    },
    jsonLd: serializeJsonLd(
      listPageGraph(site, { url, name: title, urls: streams.map((s) => s.url), offset: 0, total: streams.length }),
    ),
    main: html`<h1>${name}</h1>
<ul class="streams">
${streams.map((stream) => html`<li><a href="${stream.url}">${stream.name}</a> (${stream.articles.length})</li>\n`)}</ul>
`,
  });
  return { path: `${kind}/index.html`, contents };
}
