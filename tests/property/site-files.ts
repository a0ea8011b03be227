/**
 * Writes a generated site as a content folder, so that the real loader and validator read it: the
 * YAML is emitted by the `yaml` package's `stringify`, which escapes whatever a string holds, and
 * each value is checked to come back identical before it is written.
 */
import { isDeepStrictEqual } from 'node:util';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import MarkdownIt, { type Token } from 'markdown-it';
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';
import { isHtmlForbidden, type GeneratedSite } from './arbitraries.js';

/**
 * YAML text for `value`; throws if the `yaml` package would not read the same value back from the
 * file's bytes. Two bugs of yaml 2.9's `stringify` are worked around:
 * - lines are never folded: it folds a long double-quoted string between the two halves of a
 *   surrogate pair (`\ud800\\\n  \udc00`), and each half, alone on its line, becomes U+FFFD in UTF-8;
 * - a block scalar is tried first, then double quotes, then double quotes with JSON escapes: `" \n"`
 *   comes out as `|+` over a line of spaces, which reads back as `"\n"`; and in double quotes,
 *   `"\n \nx\0"` comes out with its line of one space written `\\ ` (an escaped backslash, then a
 *   space, where `\ ` was meant), which reads back with a backslash.
 */
export function toYaml(value: unknown): string {
  const attempts = [{ blockQuote: true }, { blockQuote: false }, { blockQuote: false, doubleQuotedAsJSON: true }];
  for (const options of attempts) {
    const text = stringify(value, { lineWidth: 0, ...options });
    const back: unknown = parse(Buffer.from(text, 'utf8').toString('utf8'));
    if (isDeepStrictEqual(back, value)) return text;
  }
  throw new Error(`yaml does not round-trip ${JSON.stringify(value)}`);
}

/** The record file: front matter between `---` lines, then the Markdown body. */
export function recordText(record: object, markdown: string): string {
  return `---\n${toYaml(record)}---\n${markdown}`;
}

/**
 * Replaces the content of `contentDir` with the generated site (the folder is reused between cases),
 * with a file in `public/` for each logo or image reference (`image.src`, an image of a body, Markdown or raw
 * HTML) that names a file inside the site; returns those files' paths. A reference that names none (a refused
 * record's) is left for the build to report.
 */
export function writeContent(contentDir: string, site: GeneratedSite): string[] {
  const articles = join(contentDir, 'articles');
  const publicDir = join(contentDir, 'public');
  rmSync(publicDir, { recursive: true, force: true });
  mkdirSync(articles, { recursive: true });
  for (const name of readdirSync(articles)) rmSync(join(articles, name), { recursive: true, force: true });
  writeFileSync(join(contentDir, 'site.yaml'), toYaml(site.settings));
  for (const article of site.articles) {
    writeFileSync(join(articles, article.fileName), recordText(article.record, article.body.markdown));
  }
  const base = site.settings.url.endsWith('/') ? site.settings.url : `${site.settings.url}/`;
  // A record's image.src is read against the site's URL, as the logo is; a body's images against its page's.
  const references: [string | undefined, string][] = [
    [site.settings.publisher.logo.src, base],
    ...site.articles.flatMap((article) => {
      const page = `${base}articles/${article.record.slug ?? article.fileName.replace(/\.md$/, '')}/`;
      const body = bodyImages(article.body.markdown).map((reference): [string, string] => [reference, page]);
      return [[article.record.image?.src, base] as [string | undefined, string], ...body];
    }),
  ];
  const paths = new Set<string>();
  for (const [reference, from] of references) {
    const path = typeof reference === 'string' ? fileInSite(base, reference, from) : undefined;
    if (path === undefined || paths.has(path)) continue;
    mkdirSync(dirname(join(publicDir, path)), { recursive: true });
    writeFileSync(join(publicDir, path), 'png');
    paths.add(path);
  }
  return [...paths];
}

/**
 * The images a Markdown body shows, as CommonMark (markdown-it) reads it once the characters HTML forbids are
 * dropped (as the page shows it: HTML is the format that drops the most), and where the build looks for them.
 */
function bodyImages(markdown: string): string[] {
  const shown = [...markdown].filter((char) => !isHtmlForbidden(char)).join('');
  const images: string[] = [];
  const walk = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      const src = token.type === 'image' ? token.attrGet('src') : null;
      if (typeof src === 'string') images.push(src);
      if (token.children) walk(token.children);
    }
  };
  walk(commonMark.parse(shown, {}));
  return [...images, ...rawHtmlImages(shown)];
}

const commonMark = new MarkdownIt('commonmark', { html: false });
const withHtml = new MarkdownIt('commonmark', { html: true });

/** The `src` of each `<img>` in the body's raw HTML as a browser reads it (parse5): each piece, each paragraph. */
function rawHtmlImages(markdown: string): string[] {
  const images: string[] = [];
  type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];
  const visit = (node: Node): void => {
    const src = 'tagName' in node && node.tagName === 'img' ? node.attrs.find((a) => a.name === 'src') : undefined;
    if (src !== undefined) images.push(src.value.trim());
    for (const child of 'content' in node ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [])
      visit(child);
  };
  const walk = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      if (token.type === 'html_block' || token.type === 'html_inline') visit(parseFragment(token.content));
      // A paragraph's pieces of HTML read together, as the page has them: a `</noscript>` inside one piece's
      // attribute closes a `<noscript>` another piece opened, and what follows it becomes markup.
      if (token.type === 'inline' && token.children)
        visit(parseFragment(withHtml.renderer.renderInline(token.children, withHtml.options, {})));
      if (token.children) walk(token.children);
    }
  };
  walk(withHtml.parse(markdown, {}));
  return images;
}

/**
 * The file (`a/b.png`) that `reference`, read against the page at `from`, names under the site's URL `siteUrl`
 * (ending in `/`), by the WHATWG URL parser; else undefined.
 */
function fileInSite(siteUrl: string, reference: string, from: string): string | undefined {
  // `new URL` in a try, not `URL.canParse`: on Node 20, once optimised, `canParse` answered false for
  // `https://café.example/actu` after many calls in one test file.
  try {
    const base = new URL(siteUrl);
    const url = new URL(reference, from);
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
    const path = url.pathname.slice(base.pathname.length);
    if (!/^[^/]+(?:\/[^/]+)*$/.test(path)) return undefined;
    // A name no file can have (a NUL, a `..` made of escapes) is left for the build to refuse.
    const decoded = decodeURIComponent(path);
    const named = decoded.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
    return named && !decoded.includes('\0') ? decoded : undefined;
  } catch {
    return undefined;
  }
}
