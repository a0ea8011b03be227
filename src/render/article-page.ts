/**
 * One article: `articles/<slug>/index.html`, a readable semantic page with its metadata, and
 * `articles/<slug>/index.jsonld`, the same JSON-LD the page embeds, byte for byte.
 */
import { correctionsNotice } from './corrections.js';
import { figure } from './figure.js';
import {
  type Article,
  type Citation,
  lastUpdated,
  type OutputFile,
  type Person,
  type Quote,
  type SiteSettings,
} from '../model.js';
import {
  type Labels,
  type SafeHtml,
  html,
  labelsFor,
  ogLocale,
  raw,
  renderPage,
  timeElement,
  typeset,
} from './html.js';
import { articleGraph, serializeJsonLd, shownImage } from './jsonld.js';
import { streamPath } from '../streams.js';
import { bindPunctuation } from './typography.js';

export function renderArticlePage(site: SiteSettings, article: Article): OutputFile[] {
  const jsonLd = serializeJsonLd(articleGraph(site, article));
  const page = renderPage({
    site,
    lang: article.lang,
    title: `${article.title} — ${site.title}`,
    description: article.description,
    canonical: article.url,
    meta: headMeta(site, article),
    jsonLd,
    main: articleBody(site, article),
    theme: { kind: 'article', article },
    // The page's own year, not the site's: a page then depends on its record and the settings alone.
    year: lastUpdated(article).iso.slice(0, 4),
  });
  return [
    { path: `${article.path}index.html`, contents: page },
    { path: `${article.path}index.jsonld`, contents: jsonLd },
  ];
}

function headMeta(site: SiteSettings, article: Article): SafeHtml {
  const image = shownImage(site, article);
  const property = (name: string, content: string | number): SafeHtml =>
    html`<meta property="${name}" content="${content}">\n`;
  const named = (name: string, content: string): SafeHtml => html`<meta name="${name}" content="${content}">\n`;
  return html`${article.authors.length > 0 && named('author', article.authors.map((a) => a.name).join(', '))}${[
    property('og:type', 'article'),
    property('og:title', article.title),
    property('og:description', article.description),
    property('og:url', article.url),
    property('og:site_name', site.title),
    property('og:locale', ogLocale(article.lang)),
  ]}${
    image && [
      property('og:image', image.url),
      property('og:image:width', image.width),
      property('og:image:height', image.height),
      property('og:image:alt', image.alt),
    ]
  }${property('article:published_time', article.datePublished.iso)}${
    article.dateModified && property('article:modified_time', article.dateModified.iso)
  }${article.section !== undefined && property('article:section', article.section)}${article.authors.map(
    (a) => a.url !== undefined && property('article:author', a.url),
  )}${article.tags.map((tag) => property('article:tag', tag))}${[
    named('twitter:card', image ? 'summary_large_image' : 'summary'),
    named('twitter:title', article.title),
    named('twitter:description', article.description),
  ]}${image && [named('twitter:image', image.url), named('twitter:image:alt', image.alt)]}${
    // Search engines show a large preview only when the page allows it; its picture is at least 1,200 px wide.
    image?.local !== undefined && named('robots', 'max-image-preview:large')
  }`;
}

function articleBody(site: SiteSettings, article: Article): SafeHtml {
  const labels = labelsFor(site.language);
  const { image } = article;
  // A record whose body opens with its standfirst shows it once, as the body's lead paragraph.
  const lead = opensWithStandfirst(article);
  return html`<article>
<header>
${
  article.section !== undefined && html`<p class="kicker">${streamLink(site, 'sections', article.section)}</p>\n`
}<h1>${typeset(article.title)}</h1>
${!lead && html`<p class="standfirst">${typeset(article.description)}</p>\n`}${
  article.authors.length > 0 && html`<p class="meta byline">${labels.by} ${byline(article.authors, labels)}</p>\n`
}<p class="meta">${labels.published} ${timeElement(article.datePublished, labels, site.timeZone)}${
    article.dateModified && html`<br>${labels.modified} ${timeElement(article.dateModified, labels, site.timeZone)}`
  }</p>
</header>
${image && figure(image, image.local?.widths)}<div class="body${lead && ' lead'}">
${raw(bindPunctuation(article.contentHtml))}</div>
${correctionsNotice(site, article)}${article.quotes.length > 0 && quotes(article, labels)}${
  article.tags.length > 0 &&
  html`<footer>
<p class="meta">${labels.tags}</p>
<ul class="tags">${article.tags.map((tag) => html`<li>${streamLink(site, 'tags', tag)}</li>`)}</ul>
</footer>
`
}${article.citations.length > 0 && sources(site, article, labels)}</article>
`;
}

/** True when the body's first paragraph is the standfirst, word for word (the record is verbatim). */
export function opensWithStandfirst(article: Article): boolean {
  const { contentHtml } = article;
  if (!contentHtml.startsWith('<p>')) return false;
  // The first paragraph holds text only: its first `<` closes it.
  const end = contentHtml.indexOf('<', 3);
  if (end === -1 || !contentHtml.startsWith('</p>', end)) return false;
  const first = contentHtml.slice(3, end);
  // Most bodies open otherwise: their first letters differ (an entity is the one letter that may change).
  const opening = first.trimStart().charAt(0);
  if (opening !== '&' && opening !== article.description.trimStart().charAt(0)) return false;
  const text = first.replace(
    /&(amp|lt|gt|quot);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? '',
  );
  return text.replace(/\s+/g, ' ').trim() === article.description.replace(/\s+/g, ' ').trim();
}

/** A section or tag linked to its page (`rel="tag"` for a tag); as text when it has no slug, hence no page. */
function streamLink(site: SiteSettings, kind: 'sections' | 'tags', name: string): SafeHtml {
  const path = streamPath(kind, name);
  if (path === undefined) return html`${name}`;
  return html`<a href="${site.url + path}"${kind === 'tags' && html` rel="tag"`}>${name}</a>`;
}

function byline(authors: readonly Person[], labels: Labels): SafeHtml {
  const names = authors.map((a) =>
    a.url === undefined ? html`${a.name}` : html`<a href="${a.url}" rel="author">${a.name}</a>`,
  );
  const last = names.pop();
  return names.length === 0
    ? html`${last}`
    : html`${names.map((n, i) => html`${i > 0 && ', '}${n}`)} ${labels.and} ${last}`;
}

/** The quotations, each a figure whose `id` is the fragment of the JSON-LD Quotation's `@id`. */
function quotes(article: Article, labels: Labels): SafeHtml {
  const figure = (quote: Quote, index: number): SafeHtml => {
    const { name, jobTitle, affiliation } = quote.spokenBy;
    const who = [name, jobTitle, affiliation].filter((part) => part !== undefined).join(', ');
    return html`<figure class="quote" id="quote-${index + 1}">
<blockquote${article.isBasedOn !== undefined && html` cite="${article.isBasedOn}"`}><p>${typeset(
      quote.text,
    )}</p></blockquote>
<figcaption>— ${who}</figcaption>
</figure>
`;
  };
  return html`<section class="quotes" aria-labelledby="quotes">
<h2 id="quotes">${labels.quotes}</h2>
${article.quotes.map(figure)}</section>
`;
}

/** The Sources list; each item's `id` is the fragment of the JSON-LD citation's `@id`. */
function sources(site: SiteSettings, article: Article, labels: Labels): SafeHtml {
  const item = (citation: Citation, index: number): SafeHtml => {
    const date = citation.datePublished;
    return html`<li id="citation-${index + 1}"><a href="${citation.url}"${
      citation.inLanguage !== undefined && html` hreflang="${citation.inLanguage}"`
    }>${citation.name}</a>${citation.publisher !== undefined && html`, ${citation.publisher}`}${
      citation.author !== undefined && html`, ${citation.author}`
    }${
      date !== undefined &&
      html`, <time datetime="${date}">${labels.date(new Date(`${date.slice(0, 10)}T00:00:00Z`))}</time>`
    } <span class="meta">(${typeInWords(citation.type, site.language)})</span></li>
`;
  };
  return html`<section class="sources" aria-labelledby="sources">
<h2 id="sources">${labels.sources}</h2>
<ol>
${article.citations.map(item)}</ol>
</section>
`;
}

/** A schema.org type as words in the language's locale, else the type split at its capitals. */
export function typeInWords(type: string, language: string): string {
  return labelsFor(language).type(type);
}
