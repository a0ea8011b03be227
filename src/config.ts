/**
 * `content/site.yaml` → the resolved site settings: the user's options checked once, then turned
 * into a read-only value with absolute URLs.
 */
import type { SourceImage } from './images/describe.js';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Problem } from './errors.js';
import type { Person, Publisher } from './model.js';
import { cleanText, uncarriedIn } from './content/clean-text.js';
import { expected, httpUrl, languageTag, positiveInteger, siteUrl, text, timeZone, urlList } from './content/fields.js';
import { firstLine } from './content/frontmatter.js';
import { removedMessage } from './content/record-warnings.js';
import { resolveHttpUrl, withTrailingSlash } from './content/url.js';
import { fieldName, validateYaml } from './content/validate.js';
import { type FieldPath, offsetOf } from './content/yaml-position.js';
import { DEFAULT_EMBED_HOSTS } from './markdown-html.js';

/** An entry of `embeds.hosts`: a host name with a dot, and optionally a path. */
const EMBED_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s?#]*)?$/i;

const siteSchema = z.strictObject(
  {
    /** The site's public base URL, absolute. */
    url: httpUrl,
    title: text,
    description: text,
    /** BCP 47 language of the site; articles default to it. */
    language: languageTag,
    /**
     * IANA time zone of the newsroom (`Europe/Paris`): the UTC offset that `depeche new` and
     * `depeche import` write in `datePublished`. Default: the machine's.
     */
    timeZone: timeZone.optional(),
    publisher: z.strictObject(
      {
        name: text,
        url: httpUrl,
        logo: z.strictObject(
          { src: siteUrl, width: positiveInteger, height: positiveInteger },
          { error: 'expected a mapping with src, width and height' },
        ),
      },
      { error: 'expected a mapping with name, url and logo' },
    ),
    /** Author ids → people. */
    authors: z
      .record(
        z.string(),
        z.strictObject(
          { name: text, url: siteUrl.optional(), sameAs: urlList.optional() },
          { error: 'expected a mapping with name, url and sameAs' },
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

/** The site settings after validation: URLs absolute, defaults applied. */
export interface SiteConfig {
  url: string;
  title: string;
  description: string;
  language: string;
  /** The `timeZone` setting; undefined: the machine's. */
  timeZone: string | undefined;
  publisher: Publisher;
  authors: ReadonlyMap<string, Person>;
  feedLimit: number;
  /** Where `dist/` is served: at the path of `url` (`host`), or at a host's root behind a proxy (`site`). */
  deployRoot: DeployRoot;
  /** Where a body's `<iframe>` may come from (`embeds.hosts`; default: src/markdown-html.ts). */
  embedHosts: readonly string[];
  /** The WebSub hubs (`websub.hubs`), absolute URLs; empty when none. */
  hubs: readonly string[];
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
}

/** The `deploy.root` setting: see `siteSchema`. */
export type DeployRoot = 'host' | 'site';

/** Default number of items in each feed. */
export const DEFAULT_FEED_LIMIT = 50;

/**
 * Parses and validates the text of `site.yaml`. `baseUrl`, when given, replaces the `url` setting
 * (for previews and staging builds).
 */
export function parseSiteConfig(file: string, source: string, baseUrl?: string): SiteConfig | Problem[] {
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
  const title = clean(['title'], settings.title);
  const description = clean(['description'], settings.description);
  const publisherName = clean(['publisher', 'name'], settings.publisher.name);
  const authors = new Map<string, Person>();
  for (const [id, author] of Object.entries(settings.authors ?? {})) {
    authors.set(id, {
      name: clean(['authors', id, 'name'], author.name),
      ...(author.url === undefined ? {} : { url: resolve(author.url) }),
      sameAs: author.sameAs ?? [],
    });
  }
  return {
    url,
    title,
    description,
    language: settings.language,
    timeZone: settings.timeZone,
    publisher: {
      name: publisherName,
      url: settings.publisher.url,
      id: `${url}#publisher`,
      logo: {
        url: resolve(settings.publisher.logo.src),
        alt: publisherName,
        width: settings.publisher.logo.width,
        height: settings.publisher.logo.height,
      },
    },
    authors,
    feedLimit: settings.feed?.limit ?? DEFAULT_FEED_LIMIT,
    deployRoot: settings.deploy?.root ?? 'host',
    hubs: settings.websub?.hubs ?? [],
    embedHosts: settings.embeds?.hosts.map((host) => host.toLowerCase()) ?? DEFAULT_EMBED_HOSTS,
    warnings,
  };
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

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
