/**
 * What a theme's templates read (docs/themes.md): one typed value a page, made from the model here
 * and never in a template. Absent values are `null`, never missing, so that a template may test any
 * field under strict variables. Text is plain (Liquid escapes it); `Markup` is HTML, shown as it is.
 */
import type { NavigationEntry } from '../config.js';
import type { FreeValue } from '../content/fields.js';
import type { Article, DateTime, Image, Person, SiteSettings } from '../model.js';
import { streamPath } from '../streams.js';
import { labelsFor, wallClock } from '../render/html.js';
import { bindPunctuation } from '../render/typography.js';
import { type PageKind, THEME_ASSETS_PATH } from './files.js';
import { Markup } from './markup.js';

/** What a renderer tells the theme of its page, besides the page's parts. */
export type ThemePage =
  | { kind: 'article'; article: Article }
  | { kind: 'home' | 'list' | 'author'; list: ThemeListInput }
  | { kind: '404'; articles: readonly Article[] };

export interface ThemeListInput {
  name: string;
  /** This page's articles. */
  articles: readonly Article[];
  /** Page `n` of `count`, and the URL of page `n`. */
  n: number;
  count: number;
  url: (n: number) => string;
  author?: Person;
  feeds?: SiteSettings['feeds'];
  /** An index page's streams (`sections/`, `tags/`, `authors/`), instead of articles. */
  streams?: readonly { name: string; url: string; count: number }[];
}

export interface ThemeData {
  site: SiteData;
  page: PageData;
  labels: LabelData;
  /** The `navigation` setting's entries; empty when none. */
  navigation: NavigationEntry[];
  /** The article, on an article page; else null. */
  article: ArticleData | null;
  /** The list, on a home, list or author page; else null. */
  list: ListData | null;
  /** The 404 page's newest articles; empty elsewhere. */
  newest: ListItem[];
  depeche: DepecheData;
}

export interface SiteData {
  url: string;
  title: string;
  description: string;
  language: string;
  publisher: { name: string; url: string; logo: ImageData };
  feeds: { rss: string; atom: string; json: string };
}

export interface PageData {
  kind: PageKind;
  lang: string;
  /** The `<title>`: the page's title and the site's. */
  title: string;
  description: string;
  /** Absolute URL of the page; null on the 404 page, which is served at every missing address. */
  canonical: string | null;
  /** The footer's copyright year. */
  year: string;
}

/** The labels of the site's language, as text. */
export interface LabelData {
  skip: string;
  by: string;
  and: string;
  published: string;
  modified: string;
  tags: string;
  subscribe: string;
  subscribeHint: string;
  latest: string;
  menu: string;
  previous: string;
  next: string;
  pages: string;
  feeds: { rss: string; atom: string; json: string };
  notFound: { title: string; text: string; home: string };
}

/** A date: ISO 8601 for `<time datetime>`, and in words in the site's language (at the time written). */
export interface DateData {
  iso: string;
  text: string;
  /** The date alone, in words. */
  date: string;
}

export interface ImageData {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** A section or tag, with the URL of its page (null when it has none: a name with no letter or digit). */
export interface StreamRef {
  name: string;
  url: string | null;
}

export interface PersonData {
  name: string;
  url: string | null;
  jobTitle: string | null;
  bio: string | null;
  image: ImageData | null;
  sameAs: string[];
}

export interface ArticleData {
  id: string;
  url: string;
  title: string;
  description: string;
  lang: string;
  section: StreamRef | null;
  tags: StreamRef[];
  authors: PersonData[];
  datePublished: DateData;
  dateModified: DateData | null;
  image: ImageData | null;
  /** The body as HTML, sanitized when the record was read. */
  body: Markup;
  /** The newsroom's own fields of the record (`extra:`, and those `site.yaml` `fields` declares), as written. */
  extra: Readonly<Record<string, FreeValue>>;
}

/** One article of a list. */
export interface ListItem {
  url: string;
  title: string;
  description: string;
  lang: string;
  section: StreamRef | null;
  datePublished: DateData;
  image: ImageData | null;
}

export interface ListData {
  name: string;
  items: ListItem[];
  /** An index page's streams, each with how many articles it holds; empty on other list pages. */
  streams: { name: string; url: string; count: number }[];
  /** The author, on an author page; else null. */
  author: PersonData | null;
  pagination: { page: number; pages: number; previous: string | null; next: string | null };
  /** The stream's own feeds; null when it has none (the home page: the site's are `site.feeds`). */
  feeds: { rss: string; atom: string; json: string } | null;
}

/** What depeche renders for the theme: the essentials, the default page content and partials. */
export interface DepecheData {
  /** Every essential at once: what a theme places in its `<head>` (injected there when it places none). */
  head: Markup;
  canonical: Markup;
  feeds: Markup;
  /** The favicon links (`favicon` in site.yaml); empty without it. */
  icons: Markup;
  meta: Markup;
  jsonld: Markup;
  /** The page's content as the default look has it, for a theme that only changes the frame. */
  main: Markup;
  /** The URL of the theme's assets folder (`dist/theme/`). */
  assets: string;
  /** The default partials, rendered: what the theme's own partials may keep or wrap. */
  defaults: { head: Markup; header: Markup; navigation: Markup; footer: Markup; header_around_menu: Markup[] };
}

function dateData(dateTime: DateTime, site: SiteSettings): DateData {
  const labels = labelsFor(site.language);
  const wall = wallClock(dateTime, site.timeZone);
  return { iso: dateTime.iso, text: labels.dateTime(wall), date: labels.date(wall) };
}

function imageData(image: Image | undefined): ImageData | null {
  return image === undefined ? null : { url: image.url, width: image.width, height: image.height, alt: image.alt };
}

function streamRef(site: SiteSettings, kind: 'sections' | 'tags', name: string): StreamRef {
  const path = streamPath(kind, name);
  return { name, url: path === undefined ? null : site.url + path };
}

function personData(person: Person): PersonData {
  return {
    name: person.name,
    url: person.url ?? null,
    jobTitle: person.jobTitle ?? null,
    bio: person.bio ?? null,
    image: imageData(person.image),
    sameAs: [...person.sameAs],
  };
}

function articleData(site: SiteSettings, article: Article): ArticleData {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    description: article.description,
    lang: article.lang,
    section: article.section === undefined ? null : streamRef(site, 'sections', article.section),
    tags: article.tags.map((tag) => streamRef(site, 'tags', tag)),
    authors: article.authors.map(personData),
    datePublished: dateData(article.datePublished, site),
    dateModified: article.dateModified === undefined ? null : dateData(article.dateModified, site),
    image: imageData(article.image),
    body: new Markup(bindPunctuation(article.contentHtml)),
    extra: article.extra,
  };
}

function listItem(site: SiteSettings, article: Article): ListItem {
  return {
    url: article.url,
    title: article.title,
    description: article.description,
    lang: article.lang,
    section: article.section === undefined ? null : streamRef(site, 'sections', article.section),
    datePublished: dateData(article.datePublished, site),
    image: imageData(article.image),
  };
}

function listData(site: SiteSettings, list: ThemeListInput): ListData {
  return {
    name: list.name,
    items: list.articles.map((article) => listItem(site, article)),
    streams: list.streams?.map((stream) => ({ ...stream })) ?? [],
    author: list.author === undefined ? null : personData(list.author),
    pagination: {
      page: list.n,
      pages: list.count,
      previous: list.n > 1 ? list.url(list.n - 1) : null,
      next: list.n < list.count ? list.url(list.n + 1) : null,
    },
    feeds: list.feeds === undefined ? null : { ...list.feeds },
  };
}

function labelData(site: SiteSettings): LabelData {
  const labels = labelsFor(site.language);
  return {
    skip: labels.skip,
    by: labels.by,
    and: labels.and,
    published: labels.published,
    modified: labels.modified,
    tags: labels.tags,
    subscribe: labels.subscribe,
    subscribeHint: labels.subscribeHint,
    latest: labels.latest,
    menu: labels.menu,
    previous: labels.lists.previous,
    next: labels.lists.next,
    pages: labels.lists.pages,
    feeds: { ...labels.feeds },
    notFound: { title: labels.notFound.title, text: labels.notFound.text(site.title), home: labels.notFound.home },
  };
}

/** The template data of one page, but for what depeche renders itself (`depeche`). */
export function themeData(
  site: SiteSettings,
  page: ThemePage,
  parts: { lang: string; title: string; description: string; canonical?: string; year: string },
  depeche: DepecheData,
): ThemeData {
  return {
    site: {
      url: site.url,
      title: site.title,
      description: site.description,
      language: site.language,
      publisher: {
        name: site.publisher.name,
        url: site.publisher.url,
        logo: imageData(site.publisher.logo) as ImageData,
      },
      feeds: { ...site.feeds },
    },
    page: {
      kind: page.kind,
      lang: parts.lang,
      title: parts.title,
      description: parts.description,
      canonical: parts.canonical ?? null,
      year: parts.year,
    },
    labels: labelData(site),
    navigation: (site.navigation ?? []).map((entry) => ({ ...entry })),
    article: page.kind === 'article' ? articleData(site, page.article) : null,
    list: page.kind === 'home' || page.kind === 'list' || page.kind === 'author' ? listData(site, page.list) : null,
    newest: page.kind === '404' ? page.articles.map((article) => listItem(site, article)) : [],
    depeche,
  };
}

/** The URL of the theme's assets folder. */
export function assetsUrl(site: SiteSettings): string {
  return site.url + THEME_ASSETS_PATH;
}
