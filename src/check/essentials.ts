/**
 * The pages depeche makes must carry what makes the site correct whatever the theme (theme/render.ts):
 * the feeds' autodiscovery on every page; the canonical link, the JSON-LD and Open Graph on every page
 * with an address of its own; Twitter's card on the article and list pages; `noindex` on the 404 page.
 * Their HTML must parse without error. A page's kind is read from its path, so a page of `public/` at
 * another path is not held to them.
 */
import type { PageKind } from '../theme/files.js';
import { error, type Finding } from './finding.js';
import type { HtmlFacts } from './html.js';

/** What `check` knows of the theme the site was built with (from the content folder). */
export interface CheckedTheme {
  /** The theme's folder as messages name it (`content/theme`). */
  folder: string;
  /** Its templates' paths (`layouts/article.liquid`). */
  templates: readonly string[];
}

/** A page's kind, and whether it is an index of streams (`sections/`), by its path; none for another page. */
function pageKindOf(path: string): { kind: PageKind; index: boolean } | undefined {
  if (path === '404.html') return { kind: '404', index: false };
  if (/^articles\/[^/]+\/index\.html$/.test(path)) return { kind: 'article', index: false };
  if (/^(page\/\d+\/)?index\.html$/.test(path)) return { kind: 'home', index: false };
  if (/^(sections|tags|authors)\/index\.html$/.test(path)) return { kind: 'list', index: true };
  if (/^authors\/[^/]+\/(page\/\d+\/)?index\.html$/.test(path)) return { kind: 'author', index: false };
  if (/^(sections|tags)\/[^/]+\/(page\/\d+\/)?index\.html$/.test(path)) return { kind: 'list', index: false };
  return undefined;
}

const FEEDS = ['application/rss+xml', 'application/atom+xml', 'application/feed+json'];

/** Each essential a page of the kind carries, with its name in words. */
function expectedOf(kind: PageKind, index: boolean): Array<[key: string, words: string]> {
  const feeds = FEEDS.map((type): [string, string] => [`alternate ${type}`, `<link rel="alternate" type="${type}">`]);
  if (kind === '404') return [...feeds, ['robots noindex', '<meta name="robots" content="noindex">']];
  return [
    ['canonical', '<link rel="canonical">'],
    ...feeds,
    ['jsonld', 'the JSON-LD (<script type="application/ld+json">)'],
    ['meta og:title', '<meta property="og:title">'],
    ['meta og:url', '<meta property="og:url">'],
    ...(index ? [] : ([['meta twitter:card', '<meta name="twitter:card">']] as Array<[string, string]>)),
  ];
}

export function checkEssentials(path: string, file: string, facts: HtmlFacts, theme?: CheckedTheme): Finding[] {
  const page = pageKindOf(path);
  if (page === undefined) return [];
  const made = madeBy(page.kind, theme);
  const findings: Finding[] = facts.parseErrors.map((parseError) =>
    error(
      'html',
      { file, field: '', line: parseError.line },
      `expected valid HTML in this ${page.kind} page, found the parse error ${parseError.code}${made}`,
    ),
  );
  const missing = expectedOf(page.kind, page.index).filter(([key]) => !facts.head.has(key));
  if (missing.length > 0) {
    findings.push(
      error(
        'page-essentials',
        { file, field: 'head' },
        `expected in the <head> of this ${page.kind} page ${missing.map(([, words]) => words).join(', ')}, ` +
          `found none${made}`,
        'place {{ depeche.head }} in the head of the layout, or each of depeche.canonical, .feeds, .meta, .jsonld',
      ),
    );
  }
  return findings;
}

/** `, made by the theme's content/theme/layouts/article.liquid` (the layout, else its head partial). */
function madeBy(kind: PageKind, theme: CheckedTheme | undefined): string {
  if (theme === undefined) return '';
  const layout = `layouts/${kind}.liquid`;
  const head = 'partials/head.liquid';
  const own = [layout, head].filter((template) => theme.templates.includes(template));
  if (own.length === 0) return `, made by the theme ${theme.folder} (with the default ${layout})`;
  return `, made by the theme's ${own.map((template) => `${theme.folder}/${template}`).join(' and ')}`;
}
