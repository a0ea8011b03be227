/**
 * Markdown → HTML with markdown-it in CommonMark mode. Raw HTML in a record is shown as text, never
 * passed through (as Hugo does by default), so no record can break a page's structure. Every link
 * and image URL is made absolute against the article's URL, as feed readers need.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { stripForHtml } from './characters.js';
import { parsedUrl } from './content/url.js';
import type { BodyImage, LocalImage } from './model.js';
import { figure } from './render/figure.js';

const markdown = new MarkdownIt('commonmark', { html: false });

/** markdown-it exports its Token class as a type only; its core state holds the class itself. */
const BlockToken = new markdown.core.State('', markdown, {}).Token;

/** Attributes that hold a URL, per token type. */
const URL_ATTRIBUTES: Readonly<Record<string, string>> = { link_open: 'href', image: 'src' };

export interface RenderedMarkdown {
  html: string;
  /** The images, in the order of the source, with their line in it (Markdown images only: raw HTML is text). */
  images: BodyImage[];
}

/**
 * Renders `source` to HTML; relative URLs are resolved against `baseUrl` (the article URL). The
 * characters HTML forbids are dropped from the source first (markdown-it would turn U+0000 into
 * U+FFFD and pass the others through), and the character references it decodes never yield them.
 */
export function renderMarkdown(source: string, baseUrl: string, pictures?: Pictures): RenderedMarkdown {
  const tokens = markdown.parse(stripForHtml(source), {});
  absolutize(tokens, baseUrl);
  const images: BodyImage[] = [];
  for (const token of tokens) if (token.type === 'inline' && token.map) imagesOf(token, token.map[0] + 1, images);
  const shown = pictures === undefined ? tokens : withFigures(tokens, pictures);
  return { html: markdown.renderer.render(shown, markdown.options, {}), images };
}

/** What the body may show as a `<picture>`: the variants of a file of the site, by its absolute URL. */
export type Pictures = (url: string) => { width: number; height: number; widths: LocalImage['widths'] } | undefined;

/**
 * An image alone in its paragraph (`![alt](/images/x.jpg "caption")`) whose file has variants becomes a
 * `<figure>` with its `<picture>` and, from the title, its `<figcaption>`, as the article's image is shown.
 * An image among words stays an `<img>`: a figure cannot stand inside a paragraph.
 */
function withFigures(tokens: Token[], pictures: Pictures): Token[] {
  const out: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const [open, inline, close] = [tokens[index], tokens[index + 1], tokens[index + 2]];
    const image = inline?.children?.length === 1 ? inline.children[0] : undefined;
    const src = image?.type === 'image' ? image.attrGet('src') : null;
    const url = typeof src === 'string' ? src : undefined;
    const picture = url === undefined ? undefined : pictures(url);
    if (open?.type !== 'paragraph_open' || open.hidden || close?.type !== 'paragraph_close' || !url || !picture) {
      if (open !== undefined) out.push(open);
      continue;
    }
    const title = image?.attrGet('title');
    const shown = figure(
      {
        url,
        alt: markdown.renderer.renderInlineAsText(image?.children ?? [], markdown.options, {}),
        width: picture.width,
        height: picture.height,
        ...(typeof title === 'string' && title !== '' ? { caption: title } : {}),
      },
      picture.widths,
    );
    // Rendered as it is by markdown-it's renderer, whatever its `html` option: our markup, every value escaped.
    const block = new BlockToken('html_block', '', 0);
    block.content = shown.text;
    out.push(block);
    index += 2;
  }
  return out;
}

function absolutize(tokens: Token[], baseUrl: string): void {
  for (const token of tokens) {
    const attribute = URL_ATTRIBUTES[token.type];
    if (attribute !== undefined) {
      const value = token.attrGet(attribute);
      const url = typeof value === 'string' ? parsedUrl(value, baseUrl) : undefined;
      if (url !== undefined) token.attrSet(attribute, url.href);
    }
    if (token.children) absolutize(token.children, baseUrl);
  }
}

/**
 * The images of one block's inline content, which starts on `line`: markdown-it gives a block its
 * lines, not an inline token, so each line break before an image counts one line (a line break
 * inside a code span, which markdown-it turns into a space, is not seen). An image inside another's
 * text is only alt text: not an image of the page.
 */
function imagesOf(inline: Token, line: number, found: BodyImage[]): void {
  let current = line;
  for (const child of inline.children ?? []) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') current++;
    else if (child.type === 'image') {
      const url = child.attrGet('src');
      if (typeof url === 'string') found.push({ url, line: current });
      current += lineBreaks(child.children ?? []);
    }
  }
}

function lineBreaks(tokens: readonly Token[]): number {
  return tokens.filter((token) => token.type === 'softbreak' || token.type === 'hardbreak').length;
}
