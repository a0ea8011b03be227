/**
 * What the HTML pages share: one escaping helper (through the `html` template tag, every value is
 * escaped unless it is already `SafeHtml`), the labels of the page's language (labels.ts), and the
 * page shell (head, autodiscovery, style, header, subscribe block, footer).
 */
import MarkdownIt from 'markdown-it';
import { stripForHtml } from '../characters.js';
import type { DateTime, SiteSettings } from '../model.js';
import { type Labels, labelsFor } from './labels.js';
import { PAGE_STYLE } from './style.js';
import { bindPunctuation } from './typography.js';

const markdownEscape = new MarkdownIt().utils.escapeHtml;

/**
 * Escapes `& < > " '`: safe in text and in quoted attribute values alike. Drops the characters HTML
 * forbids (U+0000, controls, noncharacters, lone surrogates: see src/characters.ts), so no value can
 * make a page invalid.
 */
export function escapeHtml(value: string): string {
  return markdownEscape(stripForHtml(value)).replace(/'/g, '&#39;');
}

declare const safeBrand: unique symbol;
/** Markup that is already HTML: produced by `html` or vouched for by `raw`. */
export interface SafeHtml {
  readonly [safeBrand]: true;
  readonly text: string;
}
export type HtmlValue = string | number | SafeHtml | false | null | undefined | readonly HtmlValue[];

/** Trusts `markup` as HTML as it is (the article body, the JSON-LD that `serializeJsonLd` made safe). */
export function raw(markup: string): SafeHtml {
  return { text: markup } as SafeHtml;
}

function render(value: HtmlValue): string {
  if (value === false || value === null || value === undefined) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return (value as SafeHtml).text;
}

/** Template tag: the literal parts are markup, every `${value}` is escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

/** Escapes `text` and keeps French punctuation on the line of its word (see `bindPunctuation`). */
export function typeset(text: string): SafeHtml {
  return raw(bindPunctuation(escapeHtml(text)));
}

export { type Labels, labelsFor } from './labels.js';

/** The wall-clock time where the date was written, as a Date to read with `getUTC…`. */
export function wallClock(dateTime: DateTime): Date {
  return new Date(dateTime.epochMs + dateTime.offsetMinutes * 60_000);
}

/** `<time datetime>` with the date-time in words. */
export function timeElement(dateTime: DateTime, labels: Labels): SafeHtml {
  return html`<time datetime="${dateTime.iso}">${labels.dateTime(wallClock(dateTime))}</time>`;
}

const LOCALES: Record<string, string> = {
  en: 'en_US',
  pt: 'pt_PT',
  zh: 'zh_CN',
  ja: 'ja_JP',
  ko: 'ko_KR',
  sv: 'sv_SE',
  da: 'da_DK',
  cs: 'cs_CZ',
  el: 'el_GR',
};

/** Open Graph locale (`fr` → `fr_FR`, `fr-CA` → `fr_CA`, `en` → `en_US`). */
export function ogLocale(language: string): string {
  const [lang = '', region] = language.split('-');
  const primary = lang.toLowerCase();
  if (region !== undefined && /^[A-Za-z]{2}$/.test(region)) return `${primary}_${region.toUpperCase()}`;
  return LOCALES[primary] ?? `${primary}_${primary.toUpperCase()}`;
}

export interface PageParts {
  site: SiteSettings;
  /** The year of the footer's copyright line. */
  year: string;
  /** The page's language (`<html lang>`). */
  lang: string;
  title: string;
  description: string;
  /** Absolute URL of the page; none for a page with no address of its own (the 404 page). */
  canonical?: string;
  /** Open Graph, Twitter and other head elements. */
  meta: SafeHtml;
  /** JSON-LD from `serializeJsonLd`, embedded as is; none for a page that describes nothing. */
  jsonLd?: string;
  main: SafeHtml;
}

/** The three feeds, in the order the pages offer them. */
function feedLinks(site: SiteSettings, labels: Labels): { href: string; type: string; label: string }[] {
  return [
    { href: site.feeds.rss, type: 'application/rss+xml', label: labels.feeds.rss },
    { href: site.feeds.atom, type: 'application/atom+xml', label: labels.feeds.atom },
    { href: site.feeds.json, type: 'application/feed+json', label: labels.feeds.json },
  ];
}

/**
 * A whole HTML document: `<!doctype html>` to `</html>`, ending with a newline. Every URL in it is
 * absolute, so the same markup works at any address (the 404 page is served at all of them).
 */
export function renderPage(parts: PageParts): string {
  const { site } = parts;
  if (parts.jsonLd?.includes('<')) throw new Error('JSON-LD must be serialized with serializeJsonLd');
  const labels = labelsFor(site.language);
  const feeds = feedLinks(site, labels);
  return html`<!doctype html>
<html lang="${parts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<meta name="description" content="${parts.description}">
${parts.canonical !== undefined && html`<link rel="canonical" href="${parts.canonical}">\n`}${feeds.map(
  (f) => html`<link rel="alternate" type="${f.type}" title="${site.title} — ${f.label}" href="${f.href}">\n`,
)}${site.hubs.map((hub) => html`<link rel="hub" href="${hub}">\n`)}${parts.meta}<style>${raw(PAGE_STYLE)}</style>
${parts.jsonLd !== undefined && html`<script type="application/ld+json">${raw(parts.jsonLd)}</script>\n`}</head>
<body>
<a class="skip" href="#content">${labels.skip}</a>
<header class="site-header"><div class="wrap bar"><a class="home" href="${site.url}" rel="home">${
    site.title
  }</a> <a class="follow" href="#subscribe">${labels.subscribe}</a></div></header>
<main id="content" class="wrap">
${parts.main}</main>
<aside class="subscribe wrap" aria-labelledby="subscribe">
<h2 id="subscribe">${labels.subscribe}</h2>
<p>${labels.subscribeHint}</p>
<ul class="feeds">
${feeds.map((f) => html`<li><a href="${f.href}" type="${f.type}">${f.label}</a></li>\n`)}</ul>
</aside>
<footer class="site-footer"><div class="wrap"><p>© ${parts.year} <a href="${site.publisher.url}">${
    site.publisher.name
  }</a></p></div></footer>
</body>
</html>
`.text;
}
