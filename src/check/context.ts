/**
 * What every check of one site shares: the files, the site's public URL (from which absolute URLs
 * are recognised as internal), the URL of each file, and each HTML page read once.
 */
import { readHtmlDocument, type HtmlFacts } from './html.js';
import type { SiteFiles } from './site-files.js';
import { withTrailingSlash } from '../content/url.js';
import { canParseUrl } from '../content/url.js';

/** Stands for the site's URL when none is known: relative links still resolve inside the site. */
const UNKNOWN_BASE = 'https://site.invalid/';

export interface SiteContext {
  readonly files: SiteFiles;
  /** The site's public base URL, ending with `/`. */
  readonly baseUrl: string;
  /** Whether `baseUrl` is the real one (given, or found in the home page); else absolute links are not checked. */
  readonly baseKnown: boolean;
  /** The check's "now", in ms since the epoch: a page dated after it was published too early. */
  readonly now: number;
  /** The public URL of a file (`articles/x/index.html` → `https://…/articles/x/`). */
  urlOf(path: string): string;
  /** The file a URL points at inside the site, or why it does not. */
  locate(url: URL): Located;
  /** The facts of an HTML page, read on first use. */
  page(path: string): HtmlFacts | undefined;
}

/** `external`: outside the site. `missing`: inside, but no file answers it. `found`: the file that does. */
export type Located = { kind: 'external' } | { kind: 'missing'; path: string } | { kind: 'found'; path: string };

export function siteContext(files: SiteFiles, baseUrl?: string, now = Date.now()): SiteContext {
  const pages = new Map<string, HtmlFacts | undefined>();
  const page = (path: string): HtmlFacts | undefined => {
    if (!pages.has(path)) {
      const text = /\.html?$/i.test(path) ? files.text(path) : undefined;
      pages.set(path, text === undefined ? undefined : readHtmlDocument(text));
    }
    return pages.get(path);
  };
  const found = baseUrl ?? discoverBaseUrl(files, page);
  const base = new URL(withTrailingSlash(found ?? UNKNOWN_BASE));
  return {
    files,
    baseUrl: base.href,
    baseKnown: found !== undefined,
    now,
    urlOf: (path) => new URL(path.replace(/(^|\/)index\.html$/, '$1'), base).href,
    locate(url) {
      if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return { kind: 'external' };
      let path = url.pathname.slice(base.pathname.length);
      try {
        path = decodeURIComponent(path);
      } catch {
        // A malformed escape: look for the path as written.
      }
      const candidates =
        path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`, `${path}.html`];
      const hit = candidates.find((candidate) => files.has(candidate));
      return hit === undefined ? { kind: 'missing', path: candidates[0] ?? path } : { kind: 'found', path: hit };
    },
    page,
  };
}

/** The home page's canonical URL, or failing that the RSS channel's link. */
function discoverBaseUrl(files: SiteFiles, page: (path: string) => HtmlFacts | undefined): string | undefined {
  const canonical = page('index.html')?.canonical;
  if (canonical !== undefined && canParseUrl(canonical)) return canonical;
  const rss = files.text('feed.xml');
  const link = rss === undefined ? undefined : /<channel>[\s\S]*?<link>([^<]+)<\/link>/.exec(rss)?.[1]?.trim();
  return link !== undefined && canParseUrl(link) ? link : undefined;
}
