/**
 * The model: what every renderer reads. Built once from validated records; every URL in it is
 * absolute, every date carries its UTC offset, articles are sorted newest first. Renderers trust it.
 */
import type { NavigationEntry } from './config.js';
import type { ThemeFiles } from './theme/files.js';

import type { FreeValue } from './content/fields.js';

export type { FreeValue };

/** A date-time as the record wrote it (ISO 8601 with a UTC offset), plus its instant for sorting. */
export interface DateTime {
  /** As written, normalised to `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z`), offset kept. */
  iso: string;
  /** Milliseconds since the epoch. */
  epochMs: number;
  /** The offset in minutes east of UTC (`+01:00` → 60). */
  offsetMinutes: number;
}

/** An author: a person, or the publisher itself when a record names no author. */
export interface Person {
  /** `Organization` when the author is the publisher; a person otherwise. */
  type?: 'Organization';
  name: string;
  /** Absolute URL of the person's page, when known. */
  url?: string;
  /** Absolute URLs of the same person elsewhere (schema.org `sameAs`). */
  sameAs: string[];
  /**
   * The folder of the author's page, relative to the site root (`authors/<slug>/`, or the folder that the
   * author's `url` names inside the site): set for the authors `site.yaml` declares, and only them.
   */
  page?: string;
  /** A declared author's role (schema.org `jobTitle`). */
  jobTitle?: string;
  /** A declared author's short biography, plain text. */
  bio?: string;
  /** A declared author's portrait. */
  image?: Image;
}

export interface Image {
  /** Absolute URL; of a local image, its 16:9 crop. */
  url: string;
  alt: string;
  width: number;
  height: number;
  caption?: string;
  /** Who to credit, as the record writes it ("Jeanne Martin / AFP"). */
  credit?: string;
  /** Absolute URL of the licence. */
  license?: string;
  /** Absolute URL of the page where a licence can be had. */
  acquireLicensePage?: string;
  /** The copyright notice ("© AFP 2024"). */
  copyright?: string;
  /** A file of `public/` processed by the build (images/variants.ts); none for a remote image. */
  local?: LocalImage;
}

/** Where the eye goes in a picture, from its top left corner (0, 0) to its bottom right (1, 1). */
export interface Focus {
  x: number;
  y: number;
}

/** A file the build writes, at `path` in the output, served at the absolute `url`. */
export interface ImageFile {
  path: string;
  url: string;
}

/** A local image as its variants: every name, width and height known before any is encoded. */
export interface LocalImage {
  /** The source's site path (`images/hero.jpg`, the file `content/public/images/hero.jpg`). */
  source: string;
  focus: Focus;
  /** The page's widths, narrowest first, each as WebP and JPEG with the source's proportions. */
  widths: { width: number; height: number; webp: ImageFile; jpeg: ImageFile }[];
  /** The JPEG crops 16:9, 4:3 and 1:1, in that order, and the box of the source each frames. */
  crops: (ImageFile & {
    ratio: string;
    width: number;
    height: number;
    box: { left: number; top: number; width: number; height: number };
    /** The file's length, known once it is encoded (images/encode.ts), for the feeds' enclosures. */
    bytes?: number;
  })[];
}

/**
 * The icons made from `site.yaml`'s `favicon`, at the fixed paths browsers ask for (`/favicon.ico`,
 * `/apple-touch-icon.png`), so that a link is not needed for them to be found.
 */
export interface Favicon {
  /** The source's site path (`icon.svg`). */
  source: string;
  /** The hash of the source and the icons' settings: the cache's name for the icons (images/describe.ts). */
  hash: string;
  /** The source's own URL when it is an SVG, linked as it is. */
  svg?: string;
  /** `favicon.ico`, of a 16 and a 32 px PNG. */
  ico: ImageFile;
  /** A 32 px PNG. */
  png: ImageFile;
  /** A 180 px PNG on an opaque background, for home screens (`apple-touch-icon.png`). */
  touch: ImageFile;
}

/** A typed source: any schema.org CreativeWork type (`NewsArticle`, `Legislation`, `Report`…). */
export interface Citation {
  type: string;
  name: string;
  /** Absolute http(s) URL. */
  url: string;
  /** Name of the organisation that published it. */
  publisher?: string;
  /** Name of its author. */
  author?: string;
  /** A date (`2024-02-27`) or a date-time with its offset. */
  datePublished?: string;
  /** BCP 47 language tag. */
  inLanguage?: string;
}

/** A thing the article mentions or is about (`Organization`, `Person`, `Legislation`…). */
export interface Entity {
  type: string;
  name: string;
  sameAs: string[];
}

export interface Quote {
  text: string;
  spokenBy: { name: string; jobTitle?: string; affiliation?: string };
}

/** A dated notice of what was corrected in an article. */
export interface Correction {
  date: DateTime;
  text: string;
}

export interface Article {
  /** The record's file, relative to the working directory (`content/articles/x.md`). */
  sourcePath: string;
  slug: string;
  /** Immutable identifier: the feed guid and the JSON-LD `@id`. Defaults to `url`. */
  id: string;
  /** Output folder relative to the site root, with a trailing slash (`articles/<slug>/`). */
  path: string;
  /** Absolute URL of the article page. */
  url: string;
  title: string;
  /** The standfirst. */
  description: string;
  datePublished: DateTime;
  dateModified?: DateTime;
  authors: Person[];
  /** BCP 47 language of the article. */
  lang: string;
  /** The id of the article this one translates: the original of its translation set (translations.ts). */
  translationOf?: string;
  section?: string;
  tags: string[];
  image?: Image;
  citations: Citation[];
  /** Absolute URL of the work this article republishes or adapts. */
  isBasedOn?: string;
  mentions: Entity[];
  about: Entity[];
  quotes: Quote[];
  /** What was corrected, oldest first; the newest also dates `dateModified`. */
  corrections: Correction[];
  /** The Markdown body rendered to HTML, every link and image URL made absolute. */
  contentHtml: string;
  /** The images of the site the body shows, whose files the build checks exist (content/local-files.ts). */
  bodyImages: BodyImage[];
  /** The files of the site the body shows as pictures (markdown.ts), each once; none when empty. */
  bodyPictures?: BodyPicture[];
  /** The record says `draft: true` (built only with drafts); no output carries it, `depeche dev` shows it. */
  draft?: true;
  /**
   * The newsroom's own fields: the record's `extra:` and the top-level fields `site.yaml`'s `fields` declares,
   * by name, deeply frozen. Themes read them (`article.extra.kicker`); no feed, JSON-LD or default page carries them.
   */
  extra: Readonly<Record<string, FreeValue>>;
}

/** An image of an article's body: its absolute URL, and the line of the record's file it is on. */
export interface BodyImage {
  url: string;
  line: number;
}

/** A picture of an article's body, a file of `public/`: its page widths, as an article image has them. */
export interface BodyPicture {
  /** The source's site path (`images/chart.png`). */
  source: string;
  widths: LocalImage['widths'];
}

export interface Publisher {
  name: string;
  /** Absolute URL. */
  url: string;
  /** JSON-LD `@id` of the publisher node (`<site>#publisher`). */
  id: string;
  logo: Image;
}

/**
 * What an article page reads of the site: its settings, never the other articles (so a page depends on its record
 * alone).
 */
export type SiteSettings = Omit<Site, 'articles' | 'updated' | 'now'>;

export interface Site {
  /** Absolute base URL, always ending with `/`. */
  url: string;
  title: string;
  description: string;
  /** BCP 47 language tag. */
  language: string;
  /**
   * The newsroom's IANA time zone (`site.yaml` `timeZone`): the pages show every date's wall-clock time there;
   * without it, at the offset the record wrote. Feeds and `<time datetime>` keep the record's instant as written.
   */
  timeZone?: string;
  publisher: Publisher;
  /** The picture of the articles without one, in their JSON-LD, Open Graph and Twitter card (`image`). */
  image?: Image;
  /** The square logo shown in every page's header (`logo`), the same as `publisher.logo`. */
  logo?: Image;
  /** The icons every page links (`favicon`). */
  favicon?: Favicon;
  /** Number of newest articles the feeds carry. */
  feedLimit: number;
  /** Where `dist/` is served: at the path of `url` (`host`), or at a host's root behind a proxy (`site`). */
  deployRoot: 'host' | 'site';
  /** The WebSub hubs every feed names (`rel="hub"`), absolute URLs; empty when none. */
  hubs: readonly string[];
  /** Absolute URLs of the three feeds. */
  feeds: { rss: string; atom: string; json: string };
  /** How many articles a list page shows (`pages.size`). */
  pageSize: number;
  /** The kinds of stream that get feeds of their own (`feeds.streams`). */
  streamFeeds: readonly StreamKind[];
  /** The authors `site.yaml` declares, in its order: each gets a page, with or without articles. */
  authors: readonly Person[];
  /** The header's menu (`navigation` in site.yaml); none or empty: no menu. */
  navigation?: readonly NavigationEntry[];
  /** The theme's templates (docs/themes.md); none: the default look. */
  theme?: ThemeFiles;
  /**
   * The languages of a site that declares `languages` in `site.yaml`, the default first; none for a site of one
   * `language`. Each has its home page, streams and feeds under its folder (languages.ts).
   */
  languages?: readonly SiteLanguage[];
  /**
   * In one language's view of a site of several (languages.ts): the folder of that language from the site's root
   * (`en/`; empty for the default language at the root) and the site's root URL.
   */
  edition?: { path: string; root: string };
  /** False in a stream's view of the site (streams.ts): its feeds link no monthly archive. */
  archived?: false;
  /** Every article, newest first (ties broken by id). */
  articles: Article[];
  /** The newest `dateModified ?? datePublished` of all articles: the site's "last updated". */
  updated: DateTime;
  /**
   * The build's "now", in milliseconds since the epoch: the articles are those published by then, and
   * the News sitemap lists those of the 48 hours before it.
   */
  now: number;
}

/** One language of a site of several. */
export interface SiteLanguage {
  /** BCP 47 tag, as `site.yaml` writes it. */
  tag: string;
  /** Its folder from the site's root, with a trailing slash (`en/`); empty for the default language at the root. */
  path: string;
  /** The declared authors as this language's pages link them (their pages in its folder). */
  authors: ReadonlyMap<string, Person>;
}

/** The kinds of stream besides the home page's: each has a folder of its own (`sections/<slug>/`). */
export type StreamKind = 'sections' | 'tags' | 'authors';

/** One file of the built site, held in memory until the writer puts it on disk. */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated (`articles/x/index.html`). */
  path: string;
  contents: string | Uint8Array;
}

/** Output paths that an article slug must never claim. */
export const FEED_PATHS = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/** The outline of every feed of the site (render/opml.ts). */
export const OPML_PATH = 'feeds.opml';

/** The newest `limit` articles: what the feeds carry. */
export function feedArticles(site: Site): Article[] {
  return site.articles.slice(0, site.feedLimit);
}

/** Google's News sitemap window: the articles published in the 48 hours before now, at most 1,000. */
export const NEWS_WINDOW = { ms: 48 * 60 * 60 * 1000, limit: 1000 } as const;

/**
 * The articles the News sitemap lists: those published in the 48 hours up to the site's now (none
 * after it, which a build with `future` holds), newest first, at most `NEWS_WINDOW.limit`.
 */
export function newsArticles(site: Pick<Site, 'articles' | 'now'>): Article[] {
  const listed: Article[] = [];
  for (const article of site.articles) {
    const published = article.datePublished.epochMs;
    // Newest first: past the window's start, every article left is older still.
    if (published <= site.now - NEWS_WINDOW.ms || listed.length === NEWS_WINDOW.limit) break;
    if (published <= site.now) listed.push(article);
  }
  return listed;
}

/** The article's latest date: `dateModified` when set, else `datePublished`. */
export function lastUpdated(article: Article): DateTime {
  return article.dateModified ?? article.datePublished;
}

/**
 * An article as the site-wide files read it when it is not among the feeds' newest: its place, its
 * dates, its title, standfirst, section, tags, authors and language (the home page, the streams' pages and
 * feeds, the sitemaps, `_headers`, the 404 page), its images (`image`, `bodyImages`), whose files the
 * build checks exist (content/local-files.ts), and the pictures of its body, which the build encodes after
 * the records (images/encode.ts), and its own fields (`extra`); everything else emptied. A large build holds
 * its model so, and tests/render/index.test.ts checks that every site-wide file is the same from such articles
 * as from whole ones.
 */
export function listedArticle(article: Article): Article {
  return {
    sourcePath: article.sourcePath,
    slug: article.slug,
    id: article.id,
    path: article.path,
    url: article.url,
    title: article.title,
    description: article.description,
    datePublished: article.datePublished,
    ...(article.dateModified === undefined ? {} : { dateModified: article.dateModified }),
    authors: article.authors,
    lang: article.lang,
    ...(article.translationOf === undefined ? {} : { translationOf: article.translationOf }),
    ...(article.section === undefined ? {} : { section: article.section }),
    ...(article.image === undefined ? {} : { image: article.image }),
    ...(article.bodyPictures === undefined ? {} : { bodyPictures: article.bodyPictures }),
    tags: article.tags,
    citations: [],
    mentions: [],
    about: [],
    quotes: [],
    corrections: [],
    contentHtml: '',
    bodyImages: article.bodyImages,
    ...(article.draft === true ? { draft: true } : {}),
    // A theme's list pages may show them (a kicker over each title).
    extra: article.extra,
  };
}
