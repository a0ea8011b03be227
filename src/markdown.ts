/**
 * Markdown → HTML with markdown-it in CommonMark mode. Raw HTML in a record is shown as text, never
 * passed through (as Hugo does by default), so no record can break a page's structure. Every link
 * and image URL is made absolute against the article's URL, as feed readers need.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { stripForHtml } from './characters.js';
import { canParseUrl } from './content/url.js';

const markdown = new MarkdownIt('commonmark', { html: false });

/** Attributes that hold a URL, per token type. */
const URL_ATTRIBUTES: Readonly<Record<string, string>> = { link_open: 'href', image: 'src' };

/**
 * Renders `source` to HTML; relative URLs are resolved against `baseUrl` (the article URL). The
 * characters HTML forbids are dropped from the source first (markdown-it would turn U+0000 into
 * U+FFFD and pass the others through), and the character references it decodes never yield them.
 */
export function renderMarkdown(source: string, baseUrl: string): string {
  const tokens = markdown.parse(stripForHtml(source), {});
  absolutize(tokens, baseUrl);
  return markdown.renderer.render(tokens, markdown.options, {});
}

function absolutize(tokens: Token[], baseUrl: string): void {
  for (const token of tokens) {
    const attribute = URL_ATTRIBUTES[token.type];
    if (attribute !== undefined) {
      const value = token.attrGet(attribute);
      if (typeof value === 'string' && canParseUrl(value, baseUrl))
        token.attrSet(attribute, new URL(value, baseUrl).href);
    }
    if (token.children) absolutize(token.children, baseUrl);
  }
}
