/**
 * `content/site.yaml` → the resolved site settings: the user's options checked once, then turned
 * into a read-only value with absolute URLs.
 */
import type { SourceImage } from './images/describe.js';
import { type PictureFiles, sitePictures } from './images/site-pictures.js';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Problem } from './errors.js';
import type { Favicon, Image, Person, Publisher, SiteLanguage, StreamKind } from './model.js';
import type { ThemeFiles } from './theme/files.js';
import { authorsIn } from './languages.js';
import { slugify } from './new/slug.js';
import { cleanText, uncarriedIn } from './content/clean-text.js';
import {
  expected,
  httpUrl,
  languageTag,
  positiveInteger,
  siteUrl,
  text,
  timeZone,
  pictureDetails,
  urlList,
} from './content/fields.js';
import { firstLine } from './content/frontmatter.js';
import { removedMessage } from './content/record-warnings.js';
import { resolveHttpUrl, withTrailingSlash } from './content/url.js';
import { fieldName, validateYaml } from './content/validate.js';
import { type FieldPath, offsetOf } from './content/yaml-position.js';
import { LOCALES, localeOf } from './locales/index.js';
import { DEFAULT_EMBED_HOSTS } from './markdown-html.js';
import { RECORD_FIELDS } from './content/article-schema.js';

/** An entry of `embeds.hosts`: a host name with a dot, and optionally a path. */
const EMBED_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s?#]*)?$/i;

/** A field name of the newsroom's own: a letter, then letters, digits, `_` or `-` (`kicker`, `sponsored`). */
const OWN_FIELD = /^[A-Za-z][A-Za-z0-9_-]*$/;

const ownField = z
  .string(expected('a field name'))
  .regex(OWN_FIELD, expected('a field name: a letter, then letters, digits, "_" or "-"'))
  .refine((name) => !RECORD_FIELDS.includes(name), expected('a name of your own, not a field every record has'));

const STREAM_KINDS = ['sections', 'tags', 'authors'] as const satisfies readonly StreamKind[];

/** A slug as `slugify` writes them: lowercase ASCII words joined by single hyphens. */
const slug = z
  .string(expected('a slug'))
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, expected('a slug: lowercase letters and digits in words joined by hyphens'));

const siteFields = z.strictObject(
  {
    /** The site's public base URL, absolute. */
    url: httpUrl,
    title: text,
    description: text,
    /** BCP 47 language of the site; articles default to it. Default: the first of `languages`. */
    language: languageTag.optional(),
    /** The site's languages, each with its pages and feeds in its folder (`en/`): docs/languages.md. */
    languages: z
      .array(languageTag, expected('a list of BCP 47 language tags'))
      .min(1, expected('at least one language'))
      .refine(
        (tags) => new Set(tags.map((tag) => tag.toLowerCase())).size === tags.length,
        expected('each language once'),
      )
      .optional(),
    /** Whether the default language's pages are at the root (true) or in its folder too (`fr/`). Default true. */
    defaultLanguageAtRoot: z.boolean(expected('true or false')).optional(),
    /**
     * IANA time zone of the newsroom (`Europe/Paris`): the UTC offset that `depeche new` and
     * `depeche import` write in `datePublished`. Default: the machine's.
     */
    timeZone: timeZone.optional(),
    /**
     * Fields of the newsroom's own that a record may write at its top level (`kicker`, `sponsored`),
     * with any value, as it may under `extra:`; both reach the themes as `article.extra`. Default: none.
     */
    fields: z
      .array(ownField, expected('a list of field names'))
      .refine((names) => new Set(names).size === names.length, expected('each field once'))
      .optional(),
    publisher: z.strictObject(
      {
        name: text,
        url: httpUrl,
        /** The publisher's logo as declared, any shape (a masthead); not needed when `logo` below is given. */
        logo: z
          .strictObject(
            { src: siteUrl, width: positiveInteger, height: positiveInteger },
            { error: 'expected a mapping with src, width and height' },
          )
          .optional(),
      },
      { error: 'expected a mapping with name, url and logo' },
    ),
    /**
     * The default picture of the articles that have none, a file of `public/`: their JSON-LD `image`, `og:image`
     * and Twitter card (images/site-pictures.ts). The feeds do not carry it.
     */
    image: z
      .strictObject(
        {
          src: siteUrl,
          alt: z.string(expected('a text alternative (may be empty)')),
          ...pictureDetails,
        },
        { error: 'expected a mapping with src and alt' },
      )
      .optional(),
    /** The publisher's square logo, a raster file of `public/` of at least 112 × 112 pixels, shown in the header. */
    logo: siteUrl.optional(),
    /** The source of the icons (`favicon.ico`, 32 and 180 px PNG), a square PNG, JPEG or WebP, or an SVG. */
    favicon: siteUrl.optional(),
    /** Author ids → people. */
    authors: z
      .record(
        z.string(),
        z.strictObject(
          {
            name: text,
            url: siteUrl.optional(),
            sameAs: urlList.optional(),
            /** The author's role, as the author page and the JSON-LD `jobTitle` show it. */
            jobTitle: text.optional(),
            /** A short biography, plain text, shown on the author page. */
            bio: text.optional(),
            /** A portrait, shown on the author page. */
            image: z
              .strictObject(
                {
                  src: siteUrl,
                  alt: z.string(expected('a string')),
                  width: positiveInteger,
                  height: positiveInteger,
                },
                { error: 'expected a mapping with src, alt, width and height' },
              )
              .optional(),
            /** The author page's slug (`authors/<slug>/`). Default: the name's (`Élise Durand` → `elise-durand`). */
            slug: slug.optional(),
          },
          { error: 'expected a mapping with name, url, sameAs, jobTitle, bio, image and slug' },
        ),
        { error: 'expected a mapping from author ids to authors' },
      )
      .optional(),
    feed: z
      .strictObject(
        {
          /** How many of the newest articles the feeds carry. Default 50. */
          limit: positiveInteger.optional(),
        },
        { error: 'expected a mapping with limit' },
      )
      .optional(),
    pages: z
      .strictObject(
        {
          /** How many articles each list page shows (the home page, a section's, a tag's, an author's). Default 20. */
          size: positiveInteger.optional(),
        },
        { error: 'expected a mapping with size' },
      )
      .optional(),
    feeds: z
      .strictObject(
        {
          /** The kinds of stream that get RSS, Atom and JSON feeds of their own. Default: all three. */
          streams: z
            .array(z.enum(STREAM_KINDS, { error: 'expected sections, tags or authors' }), expected('a list'))
            .refine((kinds) => new Set(kinds).size === kinds.length, expected('each kind once')),
        },
        { error: 'expected a mapping with streams' },
      )
      .optional(),
    websub: z
      .strictObject(
        {
          /** The WebSub hubs the feeds name, and `depeche ping` tells of each change. */
          hubs: z
            .array(httpUrl, expected('a list of absolute http(s) URLs'))
            .min(1, expected('at least one hub URL'))
            .refine((hubs) => new Set(hubs).size === hubs.length, expected('each hub once')),
        },
        { error: 'expected a mapping with hubs' },
      )
      .optional(),
    embeds: z
      .strictObject(
        {
          /**
           * The hosts an `<iframe>` of a body may come from, replacing the default list
           * (src/markdown-html.ts): `host` (and its subdomains), or `host/path/` (URLs under that path).
           */
          hosts: z
            .array(z.string().regex(EMBED_HOST, expected('a host, or a host and a path: "player.vimeo.com/video/"')), {
              error: 'expected a list of hosts',
            })
            .min(1, expected('at least one host')),
        },
        { error: 'expected a mapping with hosts' },
      )
      .optional(),
    /**
     * The theme's folder (docs/themes.md), relative to the content folder. Default: `theme/` when it
     * exists, else the default look alone.
     */
    theme: z.string(expected('a folder path')).min(1, expected('a folder path')).optional(),
    /** The menu of the site header: each entry a label and a URL, absolute http(s) or relative to the site. */
    navigation: z
      .array(
        z.strictObject({ label: text, url: siteUrl }, { error: 'expected a mapping with label and url' }),
        expected('a list of menu entries (label and url)'),
      )
      .optional(),
    deploy: z
      .strictObject(
        {
          /**
           * Where `dist/` is served. `host` (default): at the path of `url` on its host, as a project
           * page of a static host serves it, so `_headers` rules carry that path. `site`: at the root of
           * a host of its own, with a proxy adding the path, so the rules start at `/`.
           */
          root: z.enum(['host', 'site'], { error: 'expected "host" or "site"' }).optional(),
        },
        { error: 'expected a mapping with root' },
      )
      .optional(),
  },
  { error: 'expected a mapping of site settings' },
);

/** One logo: the square one, or the declared one of the publisher. */
const siteSchema = siteFields.superRefine((settings, context) => {
  if ((settings.publisher.logo === undefined) === (settings.logo === undefined))
    context.addIssue({
      code: 'custom',
      path: settings.logo === undefined ? ['publisher', 'logo'] : ['logo'],
      message:
        settings.logo === undefined
          ? 'expected a logo: give a square one as logo (or a declared one as publisher.logo)'
          : 'expected one logo, not both this one and publisher.logo (remove publisher.logo)',
    });
});

/** The site settings after validation: URLs absolute, defaults applied. */
export interface SiteConfig {
  url: string;
  title: string;
  description: string;
  language: string;
  /** The languages of a site that declares `languages`, the default first; none for a site of one `language`. */
  languages?: readonly SiteLanguage[];
  /** The `timeZone` setting; undefined: the machine's. */
  timeZone: string | undefined;
  /** The `fields` setting: the newsroom's own top-level record fields; empty when none. */
  ownFields: readonly string[];
  publisher: Publisher;
  authors: ReadonlyMap<string, Person>;
  feedLimit: number;
  /** How many articles a list page shows. */
  pageSize: number;
  /** The kinds of stream that get feeds of their own. */
  streamFeeds: readonly StreamKind[];
  /** Where `dist/` is served: at the path of `url` (`host`), or at a host's root behind a proxy (`site`). */
  deployRoot: DeployRoot;
  /** Where a body's `<iframe>` may come from (`embeds.hosts`; default: src/markdown-html.ts). */
  embedHosts: readonly string[];
  /** The WebSub hubs (`websub.hubs`), absolute URLs; empty when none. */
  hubs: readonly string[];
  /** The default picture of the articles without one (`image`), processed as theirs are; none when not set. */
  image?: Image;
  /** The square logo (`logo`), also `publisher.logo`: shown in every page's header. None when not set. */
  logo?: Image;
  /** The icons made from `favicon`, linked from every page; none when not set. */
  favicon?: Favicon;
  /** One per text setting that held characters not every output can carry, which were removed (as a record's). */
  warnings: readonly Problem[];
  /**
   * The images of `public/` by site path, as the build found them (images/describe.ts); an article
   * image among them is processed into its variants. Not a setting of `site.yaml`: the pipeline adds
   * it once the content is listed; without it a file of the site is used as a remote image is.
   */
  images?: ReadonlyMap<string, SourceImage>;
  /**
   * False: a local image is checked and sized from its file, then shown as it is, with no variants
   * (`depeche dev`, which encodes nothing). Default true.
   */
  imageVariants?: boolean;
  /** The `theme` setting: the folder as written, and its line in `site.yaml`; undefined when none. */
  themeSetting?: { folder: string; line: number };
  /** The `navigation` setting, its URLs absolute; empty when none (the header shows no menu). */
  navigation: readonly NavigationEntry[];
  /**
   * The theme's templates, as the build read them (theme/load.ts); none for the default look. Not a
   * setting of `site.yaml`: the pipeline adds it, as it adds `images`.
   */
  theme?: ThemeFiles;
}

/** One entry of the site's menu. */
export interface NavigationEntry {
  label: string;
  url: string;
}

/** The `deploy.root` setting: see `siteSchema`. */
export type DeployRoot = 'host' | 'site';

/** Default number of articles on each list page. */
export const DEFAULT_PAGE_SIZE = 20;

/** Default number of items in each feed. */
export const DEFAULT_FEED_LIMIT = 50;

/**
 * Parses and validates the text of `site.yaml`. `baseUrl`, when given, replaces the `url` setting
 * (for previews and staging builds). `pictures`: the images of `public/` (images/describe.ts), which the
 * `image`, `logo` and `favicon` settings must name; without it, none is found.
 */
export function parseSiteConfig(
  file: string,
  source: string,
  baseUrl?: string,
  pictures: Omit<PictureFiles, 'publicDir'> = { images: new Map() },
): SiteConfig | Problem[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, strict: true });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  if (document.errors.length > 0) {
    return document.errors.map((error) => {
      const position = lineCounter.linePos(error.pos[0]);
      return {
        file,
        line: position.line,
        column: position.col,
        field: '(yaml)',
        message: `expected valid YAML, found ${firstLine(error.message)} (column ${position.col})`,
      };
    });
  }
  const result = validateYaml(file, { document, lineAt }, siteSchema);
  if ('problems' in result) return result.problems;
  const settings = result.value;
  const url = withTrailingSlash(baseUrl ?? settings.url);
  const resolve = (reference: string): string => resolveHttpUrl(reference, url) ?? url;
  // The settings' text is cleaned as a record's is (content/clean-text.ts): every output carries the same string.
  const warnings: Problem[] = [];
  const clean = (path: FieldPath, value: string): string => {
    const removed = uncarriedIn(value);
    if (removed.length > 0) {
      const line = lineAt(offsetOf(document, path));
      warnings.push({ file, line, field: fieldName(path), message: removedMessage(removed) });
    }
    return cleanText(value);
  };
  const tags = siteLanguages(file, settings, (path) => lineAt(offsetOf(document, path)));
  if ('problems' in tags) return tags.problems;
  const labelled = settings.languages === undefined ? ['language'] : ['languages'];
  for (const tag of tags.languages ?? [tags.language]) {
    if (localeOf(tag) === undefined)
      warnings.push(unlabelled(file, lineAt(offsetOf(document, labelled)), labelled[0] as string, tag));
  }
  const title = clean(['title'], settings.title);
  const description = clean(['description'], settings.description);
  const publisherName = clean(['publisher', 'name'], settings.publisher.name);
  // `public/` beside the settings file, as the caller names that file.
  const publicDir = `${file.slice(0, file.lastIndexOf('/') + 1)}public`;
  const found = sitePictures(
    url,
    publisherName,
    { ...pictures, publicDir },
    {
      ...(settings.image === undefined ? {} : { image: { ...settings.image, src: resolve(settings.image.src) } }),
      ...(settings.logo === undefined ? {} : { logo: resolve(settings.logo) }),
      ...(settings.favicon === undefined ? {} : { favicon: resolve(settings.favicon) }),
    },
  );
  if ('problems' in found)
    return found.problems.map(({ path, message }) => ({
      file,
      line: lineAt(offsetOf(document, path)),
      field: fieldName(path),
      message,
    }));
  const declaredLogo = settings.publisher.logo;
  const logo =
    found.logo ??
    (declaredLogo && {
      url: resolve(declaredLogo.src),
      alt: publisherName,
      width: declaredLogo.width,
      height: declaredLogo.height,
    });
  if (logo === undefined) throw new Error('a site has a logo: the schema says so');
  const authors = new Map<string, Person>();
  const authorSlugs = new Map<string, string>();
  const authorPages = new Map<string, string>();
  for (const [id, author] of Object.entries(settings.authors ?? {})) {
    const name = clean(['authors', id, 'name'], author.name);
    // A written slug is the page's; else the name's, or the id's when the name has none or another author has it.
    const made = [slugify(name), slugify(id)].find((candidate) => candidate !== '' && !authorSlugs.has(candidate));
    const authorSlug = author.slug ?? made ?? slugify(name);
    const problem = authorSlugProblem(authorSlug, authorSlugs.get(authorSlug), author.slug !== undefined);
    if (problem !== undefined) {
      const path = author.slug === undefined ? ['authors', id, 'name'] : ['authors', id, 'slug'];
      return [{ file, line: lineAt(offsetOf(document, path)), field: fieldName(path), message: problem }];
    }
    authorSlugs.set(authorSlug, id);
    const named = author.url === undefined ? undefined : resolve(author.url);
    // A page that the url names inside the site is the author page; with no url, the author page stands for
    // the author (Google's author best practice: a url or sameAs on every author).
    const inSite = named !== undefined && isFolderIn(named, url) ? named.slice(url.length) : undefined;
    if (inSite !== undefined && !isPagePath(inSite)) {
      const path = ['authors', id, 'url'];
      return [
        {
          file,
          line: lineAt(offsetOf(document, path)),
          field: fieldName(path),
          message:
            `expected a folder of the site whose names hold only lowercase letters, digits, "-", "_" and "." ` +
            `(such as ${url}authors/${authorSlug}/), found "${author.url}"`,
          hint: 'leave out the url and give a slug: the author page is then authors/<slug>/',
        },
      ];
    }
    const page = inSite ?? `authors/${authorSlug}/`;
    const pageOf = authorPages.get(page);
    if (pageOf !== undefined) {
      const path = inSite === undefined ? ['authors', id, 'name'] : ['authors', id, 'url'];
      return [
        {
          file,
          line: lineAt(offsetOf(document, path)),
          field: fieldName(path),
          message: `expected an author page of its own, found ${page}, the page of author ${pageOf}`,
        },
      ];
    }
    authorPages.set(page, id);
    authors.set(id, {
      name,
      url: named ?? url + page,
      sameAs: author.sameAs ?? [],
      page,
      ...(author.jobTitle === undefined ? {} : { jobTitle: clean(['authors', id, 'jobTitle'], author.jobTitle) }),
      ...(author.bio === undefined ? {} : { bio: clean(['authors', id, 'bio'], author.bio) }),
      ...(author.image === undefined
        ? {}
        : {
            image: {
              url: resolve(author.image.src),
              alt: cleanText(author.image.alt),
              width: author.image.width,
              height: author.image.height,
            },
          }),
    });
  }
  const atRoot = settings.defaultLanguageAtRoot ?? true;
  const languages = tags.languages?.map((tag, index): SiteLanguage => {
    const path = index === 0 && atRoot ? '' : `${tag.toLowerCase()}/`;
    return { tag, path, authors: path === '' ? authors : authorsIn(authors, url, path) };
  });
  return {
    url,
    title,
    description,
    language: tags.language,
    ...(languages === undefined ? {} : { languages }),
    timeZone: settings.timeZone,
    ownFields: settings.fields ?? [],
    publisher: {
      name: publisherName,
      url: settings.publisher.url,
      id: `${url}#publisher`,
      logo,
    },
    ...(found.image === undefined ? {} : { image: found.image }),
    ...(found.logo === undefined ? {} : { logo: found.logo }),
    ...(found.favicon === undefined ? {} : { favicon: found.favicon }),
    authors,
    feedLimit: settings.feed?.limit ?? DEFAULT_FEED_LIMIT,
    pageSize: settings.pages?.size ?? DEFAULT_PAGE_SIZE,
    streamFeeds: settings.feeds?.streams ?? STREAM_KINDS,
    deployRoot: settings.deploy?.root ?? 'host',
    hubs: settings.websub?.hubs ?? [],
    navigation: (settings.navigation ?? []).map((entry, index) => ({
      label: clean(['navigation', index, 'label'], entry.label),
      url: resolve(entry.url),
    })),
    ...(settings.theme === undefined
      ? {}
      : { themeSetting: { folder: settings.theme, line: lineAt(offsetOf(document, ['theme'])) } }),
    embedHosts: settings.embeds?.hosts.map((host) => host.toLowerCase()) ?? DEFAULT_EMBED_HOSTS,
    warnings,
  };
}

/**
 * The default language and, when `site.yaml` declares `languages`, every language, the default first: `language`
 * when given, which must be one of `languages`, else the first of them.
 */
function siteLanguages(
  file: string,
  settings: { language?: string | undefined; languages?: string[] | undefined },
  lineOf: (path: FieldPath) => number,
): { language: string; languages?: string[] } | { problems: Problem[] } {
  const { language, languages } = settings;
  if (languages === undefined) {
    if (language !== undefined) return { language };
    return {
      problems: [{ file, line: 1, field: 'language', message: 'expected language or languages, found neither' }],
    };
  }
  const chosen = language ?? (languages[0] as string);
  const index = languages.findIndex((tag) => tag.toLowerCase() === chosen.toLowerCase());
  if (index === -1) {
    const message = `expected one of languages (${languages.join(', ')}), found "${chosen}"`;
    return { problems: [{ file, line: lineOf(['language']), field: 'language', message }] };
  }
  const tag = languages[index] as string;
  return { language: tag, languages: [tag, ...languages.filter((_, i) => i !== index)] };
}

/** The one warning for a language the pages have no labels in (src/locales/): they are labelled in English. */
function unlabelled(file: string, line: number, field: string, language: string): Problem {
  return {
    file,
    line,
    field,
    message: `expected a language with labels, found "${language}": its pages are labelled in English`,
    hint: `labels exist for ${Object.keys(LOCALES).join(', ')}; add src/locales/<language>.ts`,
  };
}

/** Whether `target` is a folder of the site at `site` (`https://x.example/auteurs/a/`), not the site itself. */
function isFolderIn(target: string, site: string): boolean {
  return target.startsWith(site) && target.length > site.length && target.endsWith('/') && !/[?#]/.test(target);
}

/** Whether `path` (`team/elise/`) is a folder that the build can write a page into, as it names its own pages. */
function isPagePath(path: string): boolean {
  return /^([a-z0-9_][a-z0-9._-]*\/)+$/.test(path);
}

/** Why an author's page cannot have `slug` (`claimedBy`: the author id that has it already); none when it can. */
function authorSlugProblem(slug: string, claimedBy: string | undefined, written: boolean): string | undefined {
  if (slug === '') return "expected a name with a letter or a digit, for the author page's slug (or give a slug)";
  if (claimedBy !== undefined)
    return `expected a slug of its own for the author page, found "${slug}", the slug of author ${claimedBy}${
      written ? '' : ' (give a slug)'
    }`;
  return undefined;
}

/**
 * The `timeZone` of `site.yaml` alone, for the commands that write records (`new`, `import`): the
 * rest of the file may be broken, `build` reports that. Undefined when there is no such setting or
 * the file does not parse; problems when the setting is not a time zone.
 */
export function declaredTimeZone(file: string, source: string): { timeZone: string | undefined } | Problem[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, strict: true });
  if (document.errors.length > 0) return { timeZone: undefined };
  try {
    if (!isMapping(document.toJS({ maxAliasCount: 100 }))) return { timeZone: undefined };
  } catch {
    return { timeZone: undefined };
  }
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const result = validateYaml(file, { document, lineAt }, z.object({ timeZone: timeZone.optional() }));
  return 'problems' in result ? result.problems : { timeZone: result.value.timeZone };
}

/**
 * The author ids `site.yaml` declares, read as far as it can be when the settings are broken, so
 * that the records are still checked in the same run; undefined when the file cannot be read that
 * far (it does not parse, or `authors` is not a mapping).
 */
export function declaredAuthorIds(source: string): ReadonlySet<string> | undefined {
  const document = parseDocument(source, { uniqueKeys: true, strict: true });
  if (document.errors.length > 0) return undefined;
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  if (!isMapping(data)) return undefined;
  const authors = data.authors;
  if (authors === undefined || authors === null) return new Set();
  return isMapping(authors) ? new Set(Object.keys(authors)) : undefined;
}

/**
 * The `fields` of `site.yaml`, read as far as it can be when the settings are broken (as
 * `declaredAuthorIds`), so that a record's own fields are not refused as well: the names that are
 * well formed, none when the file does not parse that far.
 */
export function declaredOwnFields(source: string): readonly string[] {
  const document = parseDocument(source, { uniqueKeys: true, strict: true });
  if (document.errors.length > 0) return [];
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (!isMapping(data) || !Array.isArray(data.fields)) return [];
  return data.fields.filter((name): name is string => ownField.safeParse(name).success);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
