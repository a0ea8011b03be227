/**
 * What the HTML pages share: one escaping helper (through the `html` template tag, every value is
 * escaped unless it is already `SafeHtml`), the labels of the page's language (labels.ts), and the
 * page shell (head, autodiscovery, style, header, subscribe block, footer).
 */
import MarkdownIt from 'markdown-it';
import { stripForHtml } from '../characters.js';
import { offsetMinutesIn } from '../content/time-zone.js';
import type { DateTime, Image, SiteSettings } from '../model.js';
import { type Labels, labelsFor } from './labels.js';
import { LOGO_STYLE, PAGE_STYLE } from './style.js';
import { renderThemedPage } from '../theme/render.js';
import type { ThemePage } from '../theme/data.js';
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

/**
 * The wall-clock time of the instant in the site's `timeZone` (a record written `+00:00` in a Paris newsroom
 * shows Paris time, summer time included), else where the date was written; a Date to read with `getUTC…`.
 */
export function wallClock(dateTime: DateTime, timeZone?: string): Date {
  const offset = timeZone === undefined ? dateTime.offsetMinutes : offsetMinutesIn(timeZone, dateTime.epochMs);
  return new Date(dateTime.epochMs + offset * 60_000);
}

/** `<time datetime>` with the instant as the record wrote it, and the date-time in words in the site's zone. */
export function timeElement(dateTime: DateTime, labels: Labels, timeZone: string | undefined): SafeHtml {
  return html`<time datetime="${dateTime.iso}">${labels.dateTime(wallClock(dateTime, timeZone))}</time>`;
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
  /** What a theme's layout is given of the page besides these parts: its kind, its article or list. */
  theme: ThemePage;
}

/** The three feeds, in the order the pages offer them. */
function feedLinks(site: SiteSettings, labels: Labels): { href: string; type: string; label: string }[] {
  return [
    { href: site.feeds.rss, type: 'application/rss+xml', label: labels.feeds.rss },
    { href: site.feeds.atom, type: 'application/atom+xml', label: labels.feeds.atom },
    { href: site.feeds.json, type: 'application/feed+json', label: labels.feeds.json },
  ];
}

/** The icons made from `favicon` (model.ts), the SVG source too when it is one; none without the setting. */
function iconLinks(site: SiteSettings): HtmlValue {
  const icons = site.favicon;
  if (icons === undefined) return undefined;
  return [
    html`<link rel="icon" href="${icons.ico.url}" sizes="16x16 32x32">\n`,
    html`<link rel="icon" type="image/png" href="${icons.png.url}" sizes="32x32">\n`,
    icons.svg !== undefined && html`<link rel="icon" type="image/svg+xml" href="${icons.svg}" sizes="any">\n`,
    html`<link rel="apple-touch-icon" href="${icons.touch.url}" sizes="180x180">\n`,
  ];
}

/**
 * The logo before the site's name in the home link. Its text alternative is the publisher's name, or nothing when
 * the link's text says that name already (read twice otherwise: axe-core's `image-redundant-alt`).
 */
function headerLogo(logo: Image, title: string): SafeHtml {
  const alt = logo.alt === title ? '' : logo.alt;
  return html`<img class="logo" src="${logo.url}" alt="${alt}" width="${logo.width}" height="${logo.height}"> `;
}

/**
 * What makes a page correct whatever it looks like, in the order the default head has them: the
 * canonical link, the feeds' autodiscovery and the hubs, the icons, the page's meta (Open Graph, Twitter,
 * robots), and its JSON-LD. A theme places them (theme/render.ts); the default head holds them
 * with its style.
 */
export interface Essentials {
  canonical: SafeHtml;
  feeds: SafeHtml;
  icons: SafeHtml;
  meta: SafeHtml;
  jsonLd: SafeHtml;
}

export function pageEssentials(parts: PageParts): Essentials {
  const { site } = parts;
  if (parts.jsonLd?.includes('<')) throw new Error('JSON-LD must be serialized with serializeJsonLd');
  const labels = labelsFor(site.language);
  return {
    canonical: html`${parts.canonical !== undefined && html`<link rel="canonical" href="${parts.canonical}">\n`}`,
    feeds: html`${feedLinks(site, labels).map(
      (f) => html`<link rel="alternate" type="${f.type}" title="${site.title} — ${f.label}" href="${f.href}">\n`,
    )}${site.hubs.map((hub) => html`<link rel="hub" href="${hub}">\n`)}`,
    icons: html`${iconLinks(site)}`,
    meta: parts.meta,
    jsonLd: html`${
      parts.jsonLd !== undefined && html`<script type="application/ld+json">${raw(parts.jsonLd)}</script>\n`
    }`,
  };
}

/** The default head's content, from `<meta charset>` to the JSON-LD: the essentials, and the style among them. */
export function defaultHead(parts: PageParts, essentials: Essentials): SafeHtml {
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<meta name="description" content="${parts.description}">
${essentials.canonical}${essentials.feeds}${essentials.icons}${essentials.meta}<style>${raw(PAGE_STYLE)}${
    parts.site.logo && raw(LOGO_STYLE)
  }</style>
${essentials.jsonLd}`;
}

/** The skip link and the site's header bar, with the logo and the menu when there are. */
export function defaultHeader(site: SiteSettings, navigation: SafeHtml): SafeHtml {
  const labels = labelsFor(site.language);
  return html`<a class="skip" href="#content">${labels.skip}</a>
<header class="site-header"><div class="wrap bar"><a class="home" href="${site.url}" rel="home">${
    site.logo && headerLogo(site.logo, site.title)
  }${site.title}</a> ${navigation}<a class="follow" href="#subscribe">${labels.subscribe}</a></div></header>
`;
}

/** The menu of the `navigation` setting; nothing when it is empty. */
export function defaultNavigation(site: SiteSettings): SafeHtml {
  const entries = site.navigation ?? [];
  if (entries.length === 0) return html``;
  return html`<nav class="menu" aria-label="${labelsFor(site.language).menu}"><ul class="feeds">${entries.map(
    (entry) => html`<li><a href="${entry.url}">${entry.label}</a></li>`,
  )}</ul></nav> `;
}

/** The subscribe block and the footer. */
export function defaultFooter(site: SiteSettings, year: string): SafeHtml {
  const labels = labelsFor(site.language);
  return html`<aside class="subscribe wrap" aria-labelledby="subscribe">
<h2 id="subscribe">${labels.subscribe}</h2>
<p>${labels.subscribeHint}</p>
<ul class="feeds">
${feedLinks(site, labels).map((f) => html`<li><a href="${f.href}" type="${f.type}">${f.label}</a></li>\n`)}</ul>
</aside>
<footer class="site-footer"><div class="wrap"><p>© ${year} <a href="${site.publisher.url}">${
    site.publisher.name
  }</a></p></div></footer>
`;
}

/**
 * A whole HTML document: `<!doctype html>` to `</html>`, ending with a newline. Every URL in it is
 * absolute, so the same markup works at any address (the 404 page is served at all of them). A site
 * with a theme gets the theme's layout for the page's kind instead (theme/render.ts).
 */
export function renderPage(parts: PageParts): string {
  const { site } = parts;
  const essentials = pageEssentials(parts);
  if (site.theme !== undefined) return renderThemedPage(site.theme, parts, essentials);
  return html`<!doctype html>
<html lang="${parts.lang}">
<head>
${defaultHead(parts, essentials)}</head>
<body>
${defaultHeader(site, defaultNavigation(site))}<main id="content" class="wrap">
${parts.main}</main>
${defaultFooter(site, parts.year)}</body>
</html>
`.text;
}
