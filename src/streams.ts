/**
 * The site's streams besides the home page's: one per section, per tag and per declared author, each
 * with a French-aware slug (`Économie` → `economie`, as for articles: new/slug.ts) and its articles newest
 * first. Pure: a function of the model, kept per model object so that every site-wide file reads one.
 *
 * Two sections or two tags whose names slug alike (`IA`, `ia`, `I.A.`) are one stream, named as the
 * article published first spelt it (so a new article never renames a stream), with a warning naming a
 * file of each spelling. A name without a letter or digit of the slugs' alphabet (`!!!`, `日本`) has no
 * slug: it gets no stream, with a warning (refusing it would refuse sites that build today). Streams live in
 * folders of their own (`sections/`, `tags/`, `authors/`), so no slug can stand where an article or a feed
 * is; only an author page that an author's `url` puts on another page is an error.
 */
import type { Problem } from './errors.js';
import { type Article, lastUpdated, listedArticle, type Person, type Site, type StreamKind } from './model.js';
import { slugify } from './new/slug.js';
import { html } from './render/html.js';

export interface Stream {
  kind: StreamKind;
  /** As readers see it: the section, the tag as first spelt, the author's name. */
  name: string;
  slug: string;
  /** The stream's folder, relative to the site root, with a trailing slash (`tags/ia/`). */
  path: string;
  /** Absolute URL of its first page. */
  url: string;
  /** Newest first. */
  articles: Article[];
  /** The declared author, for an author's stream. */
  author?: Person;
}

export interface SiteStreams {
  sections: Stream[];
  tags: Stream[];
  authors: Stream[];
  /** One per spelling merged into another's stream, and one per name without a slug. */
  warnings: Problem[];
  /** One per author page that stands on another page. */
  problems: Problem[];
}

const known = new WeakMap<Site, SiteStreams>();

/** The streams of `site`; sections and tags in the order of their slugs, authors in `site.yaml`'s. */
export function siteStreams(site: Site): SiteStreams {
  let streams = known.get(site);
  if (streams === undefined) {
    streams = findStreams(site);
    known.set(site, streams);
  }
  return streams;
}

/** Every stream of `site`, sections first, then tags, then authors. */
export function allStreams(site: Site): Stream[] {
  const { sections, tags, authors } = siteStreams(site);
  return [...sections, ...tags, ...authors];
}

/** The path of the stream that holds the section or tag `name`, as article pages link it; none without a slug. */
export function streamPath(kind: 'sections' | 'tags', name: string): string | undefined {
  const slug = slugify(name);
  return slug === '' ? undefined : `${kind}/${slug}/`;
}

function findStreams(site: Site): SiteStreams {
  const warnings: Problem[] = [];
  const problems: Problem[] = [];
  const sections = namedStreams(site, 'sections', 'section', { warnings, problems });
  const tags = namedStreams(site, 'tags', 'tags', { warnings, problems });
  // Oldest first, so that the first spelling met is the first published.
  for (let i = site.articles.length - 1; i >= 0; i--) {
    const article = site.articles[i] as Article;
    if (article.section !== undefined) sections.add(article.section, article);
    for (const tag of article.tags) tags.add(tag, article);
  }
  const authors = site.authors.map((author): Stream => {
    const path = author.page ?? `authors/${slugify(author.name)}/`;
    const slug = path.split('/').at(-2) ?? '';
    const articles = site.articles.filter((article) => article.authors.some((person) => person.page === path));
    return { kind: 'authors', name: author.name, slug, path, url: site.url + path, articles, author };
  });
  const named = { sections: sections.streams(), tags: tags.streams() };
  // An author's url may name any folder of the site as the author page: none may be another page.
  const taken = new Map<string, string>();
  for (const article of site.articles) taken.set(article.path, article.sourcePath);
  // Articles' paths are from the site's root; a language's streams are in its folder (languages.ts).
  const folder = site.edition?.path ?? '';
  for (const stream of [...named.sections, ...named.tags, ...authors]) {
    const other = taken.get(folder + stream.path);
    if (other !== undefined) {
      problems.push({
        file: other,
        field: '(path)',
        message:
          `expected a page of its own, found the page of ${stream.kind.slice(0, -1)} ` +
          `"${stream.name}", ${stream.path}`,
        hint: stream.kind === 'authors' ? 'give the author in site.yaml a url of another folder' : undefined,
      });
    }
    taken.set(folder + stream.path, other ?? `${stream.kind} "${stream.name}"`);
  }
  return { ...named, authors, warnings, problems };
}

/** The streams of one kind that the records name (sections or tags), merged by slug; fed oldest article first. */
function namedStreams(
  site: Site,
  kind: 'sections' | 'tags',
  field: string,
  found: Pick<SiteStreams, 'warnings' | 'problems'>,
): { add(name: string, article: Article): void; streams(): Stream[] } {
  const bySlug = new Map<string, { stream: Stream; spellings: Set<string>; file: string }>();
  return {
    add(name, article) {
      const slug = slugify(name);
      if (slug === '') {
        found.warnings.push({
          file: article.sourcePath,
          field,
          message: `${JSON.stringify(name)} has no letter or digit that an address can carry: it gets no page`,
        });
        return;
      }
      let known = bySlug.get(slug);
      if (known === undefined) {
        const path = `${kind}/${slug}/`;
        const stream: Stream = { kind, name, slug, path, url: site.url + path, articles: [] };
        known = { stream, spellings: new Set([name]), file: article.sourcePath };
        bySlug.set(slug, known);
      } else if (!known.spellings.has(name)) {
        known.spellings.add(name);
        const first = JSON.stringify(known.stream.name);
        found.warnings.push({
          file: article.sourcePath,
          field,
          message:
            `${JSON.stringify(name)} has the address of ${first} (${known.file}), ` +
            `${kind}/${slug}/: merged as ${first}`,
          hint: `spell it ${first}`,
        });
      }
      const { articles } = known.stream;
      // Two spellings in one article put it in the stream once.
      if (articles[articles.length - 1] !== article) articles.push(article);
    },
    streams: () =>
      [...bySlug.values()]
        .map(({ stream }) => ({ ...stream, articles: stream.articles.reverse() }))
        .sort((a, b) => (a.slug < b.slug ? -1 : 1)),
  };
}

/**
 * The site as a stream's feeds show it, for the main feeds' renderers: its articles, its title
 * (`Dépêche — Économie`), its page as the feeds' link, its own feed URLs, no archives. Each item
 * carries the article's standfirst as its content, whether or not the model holds the article whole:
 * a large build holds only the site's newest whole, and a stream's newest may be years old (its
 * readers follow the link for the text).
 */
export function streamSite(site: Site, stream: Stream): Site {
  const articles = stream.articles.slice(0, site.feedLimit).map(summaryArticle);
  const dates = articles.map(lastUpdated);
  const updated = dates.reduce((a, b) => (b.epochMs > a.epochMs ? b : a), dates[0] ?? site.updated);
  return {
    ...site,
    url: stream.url,
    title: `${site.title} — ${stream.name}`,
    feeds: streamFeeds(stream),
    articles,
    updated,
    archived: false,
  };
}

/** The absolute URLs of a stream's three feeds. */
export function streamFeeds(stream: Pick<Stream, 'url'>): Site['feeds'] {
  return { rss: `${stream.url}feed.xml`, atom: `${stream.url}atom.xml`, json: `${stream.url}feed.json` };
}

/** The article as listed (the same from a whole one), its standfirst as its HTML. */
function summaryArticle(article: Article): Article {
  return { ...listedArticle(article), contentHtml: html`<p>${article.description}</p>`.text };
}
