/**
 * Markdown → HTML with markdown-it in CommonMark mode, with GFM tables and strikethrough, footnotes,
 * heading ids and figures. Raw HTML goes through the allowlist of src/markdown-html.ts: what it drops
 * is reported with its line. Every link and image URL is made absolute against the article's URL, as
 * feed readers need.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { stripForHtml } from './characters.js';
import { parsedUrl } from './content/url.js';
import { figures } from './markdown-figure.js';
import { footnotes, type MarkdownEnv } from './markdown-footnotes.js';
import { headingIds } from './markdown-headings.js';
import { DEFAULT_EMBED_HOSTS, DROPPED_WHOLE, sanitizeBodyHtml } from './markdown-html.js';
import { rawHtmlImages } from './markdown-raw-images.js';
import type { BodyImage, LocalImage } from './model.js';
import { figure } from './render/figure.js';

const markdown = new MarkdownIt('commonmark', { html: true })
  .enable(['table', 'strikethrough'])
  .use(footnotes)
  .use(headingIds)
  .use(figures);

/** markdown-it exports its Token class as a type only; its core state holds the class itself. */
const BlockToken = new markdown.core.State('', markdown, {}).Token;

/** Attributes that hold a URL, per token type. */
const URL_ATTRIBUTES: Readonly<Record<string, string>> = { link_open: 'href', image: 'src' };

export interface RenderedMarkdown {
  html: string;
  /** The images, Markdown's and raw HTML's `<img src>`, in the order of the source's lines, with their line in it. */
  images: BodyImage[];
  /** What the sanitizer removed from the raw HTML, at the line of the source where its HTML starts. */
  removals: { line: number; removed: string }[];
}

/**
 * Renders `source` to HTML; relative URLs are resolved against `baseUrl` (the article URL). The
 * characters HTML forbids are dropped from the source first (markdown-it would turn U+0000 into
 * U+FFFD and pass the others through), and the character references it decodes never yield them.
 */
export interface MarkdownOptions {
  /** The `embeds.hosts` setting. Default: DEFAULT_EMBED_HOSTS. */
  embedHosts?: readonly string[];
  /** The files of the site the body may show as a `<picture>` of their variants. Default: none. */
  pictures?: Pictures;
}

export function renderMarkdown(source: string, baseUrl: string, options: MarkdownOptions = {}): RenderedMarkdown {
  const embedHosts = options.embedHosts ?? DEFAULT_EMBED_HOSTS;
  const env: MarkdownEnv = { baseUrl };
  const tokens = markdown.parse(stripForHtml(source), env);
  absolutize(tokens, baseUrl);
  const images: BodyImage[] = [];
  const raw: { line: number; html: string }[] = [];
  // A table cell's inline token has no lines of its own: it takes its row's.
  let line = 1;
  for (const token of tokens) {
    if (token.map) line = token.map[0] + 1;
    if (token.type === 'html_block') raw.push({ line, html: token.content });
    if (token.type === 'inline') inlineItems(token, line, images, raw);
  }
  const shown = options.pictures === undefined ? tokens : withFigures(tokens, options.pictures);
  const html = markdown.renderer.render(shown, markdown.options, env);
  // Without raw HTML, markdown-it's output is safe as it is; with it, each piece is audited alone (for
  // its line), and the whole is sanitized at once, since an inline tag may close in another piece.
  if (raw.length === 0) return { html, images, removals: [] };
  for (const piece of raw) images.push(...rawHtmlImages(piece.html, piece.line, baseUrl));
  images.sort((a, b) => a.line - b.line);
  const removals = raw.flatMap(({ line, html: piece }) =>
    sanitizeBodyHtml(piece, baseUrl, embedHosts).removed.map((removed) => ({ line, removed })),
  );
  // The sanitizer decodes character references, so raw HTML's `&#1;` or `&#xFFFE;` comes out as the character
  // itself, which HTML forbids: those are dropped, as from the source.
  return { html: stripForHtml(sanitizeBodyHtml(html, baseUrl, embedHosts).html), images, removals };
}

/** What the body may show as a `<picture>`: the variants of a file of the site, by its absolute URL. */
export type Pictures = (url: string) => { width: number; height: number; widths: LocalImage['widths'] } | undefined;

/**
 * An image alone in its paragraph (`![alt](/images/x.jpg "caption — credit")`) whose file has variants
 * becomes a `<figure>` with its `<picture>` and, from the title, its `<figcaption>` (caption and credit as
 * markdown-figure.ts reads them), as the article's image is shown.
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
    const titled = open?.type === 'figure_open' && close?.type === 'figure_close';
    const alone = open?.type === 'paragraph_open' && !open.hidden && close?.type === 'paragraph_close';
    if (!(alone || titled) || !url || !picture) {
      if (open !== undefined) out.push(open);
      continue;
    }
    // A titled image is a figure already (markdown-figure.ts): its caption and credit are the close's.
    const meta = titled ? (close?.meta as { caption?: string; credit?: string } | undefined) : undefined;
    const title = titled ? meta?.caption : image?.attrGet('title');
    const shown = figure(
      {
        url,
        alt: markdown.renderer.renderInlineAsText(image?.children ?? [], markdown.options, {}),
        width: picture.width,
        height: picture.height,
        ...(typeof title === 'string' && title !== '' ? { caption: title } : {}),
        ...(meta?.credit === undefined ? {} : { credit: meta.credit }),
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
 * The images and raw HTML of one block's inline content, which starts on `line`: markdown-it gives a block its
 * lines, not an inline token, so each line break before an image counts one line (a line break
 * inside a code span, which markdown-it turns into a space, is not seen). An image inside another's
 * text is only alt text: not an image of the page.
 */
function inlineItems(inline: Token, line: number, found: BodyImage[], raw: { line: number; html: string }[]): void {
  let current = line;
  const children = inline.children ?? [];
  for (const [index, child] of children.entries()) {
    if (child.type === 'html_inline' && isMention(child, children.slice(index + 1))) child.type = 'text';
    if (child.type === 'softbreak' || child.type === 'hardbreak') current++;
    else if (child.type === 'html_inline') raw.push({ line: current, html: child.content });
    else if (child.type === 'image') {
      const url = child.attrGet('src');
      if (typeof url === 'string') found.push({ url, line: current });
      current += lineBreaks(child.children ?? []);
    }
  }
}

/** `<name` of an element the sanitizer drops with its content: `<script>`, `<style>`… */
const DROPPED_OPENING = new RegExp(`^<(${DROPPED_WHOLE.join('|')})[\\s/>]`, 'i');

/**
 * An opening `<script>` (or another element dropped with its content) that its paragraph never
 * closes: prose that names the tag ("la balise <script> d'un formulaire"), shown as text. As markup,
 * it would swallow the rest of the body.
 */
function isMention(tag: Token, after: readonly Token[]): boolean {
  const name = DROPPED_OPENING.exec(tag.content)?.[1]?.toLowerCase();
  if (name === undefined) return false;
  const closing = new RegExp(`^</${name}\\s*>$`, 'i');
  return !after.some((token) => token.type === 'html_inline' && closing.test(token.content));
}

function lineBreaks(tokens: readonly Token[]): number {
  return tokens.filter((token) => token.type === 'softbreak' || token.type === 'hardbreak').length;
}
