/**
 * What the HTML pages share: one escaping helper (through the `html` template tag, every value is
 * escaped unless it is already `SafeHtml`), the French/English labels, dates in words, and the
 * page shell (head, autodiscovery, style, header, subscribe block, footer).
 */
import MarkdownIt from 'markdown-it';
import { stripForHtml } from '../characters.js';
import type { DateTime, SiteSettings } from '../model.js';
import { PAGE_STYLE } from './style.js';
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

export interface Labels {
  skip: string;
  by: string;
  and: string;
  published: string;
  modified: string;
  tags: string;
  quotes: string;
  sources: string;
  /** The heading of one correction notice, and the colon that follows it (French sets a space before). */
  correction: string;
  colon: string;
  subscribe: string;
  subscribeHint: string;
  latest: string;
  /** The name of the header's menu (`navigation`), for assistive technologies. */
  menu: string;
  /** The list pages: their navigation, and the names of the streams' indexes. */
  lists: {
    page: (n: number, of: number) => string;
    previous: string;
    next: string;
    pages: string;
    sections: string;
    tags: string;
    authors: string;
    feeds: string;
    /** The home page's link to `feeds.opml`. */
    opml: string;
  };
  notFound: { title: string; text: (site: string) => string; home: string };
  feeds: { rss: string; atom: string; json: string };
  /** Date and time in words. */
  dateTime: (wall: Date) => string;
  date: (wall: Date) => string;
}

const FR_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const NBSP = '\u00a0';
const pad = (n: number): string => String(n).padStart(2, '0');

const frDate = (d: Date): string =>
  `${d.getUTCDate() === 1 ? '1er' : d.getUTCDate()} ${FR_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const enDate = (d: Date): string => `${d.getUTCDate()} ${EN_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

const LABELS: Record<string, Labels> = {
  fr: {
    skip: 'Aller au contenu',
    by: 'Par',
    and: 'et',
    published: 'Publié le',
    modified: 'Mis à jour le',
    tags: 'Mots-clés',
    quotes: 'Citations',
    sources: 'Sources',
    correction: 'Rectificatif',
    colon: '\u00a0:',
    subscribe: 'S’abonner',
    subscribeHint:
      'Recevez les nouveaux articles dans votre lecteur de flux\u00a0: ajoutez-y l’adresse de l’un de ces flux.',
    latest: 'Derniers articles',
    menu: 'Menu',
    lists: {
      page: (n, of) => `Page ${n} sur ${of}`,
      previous: 'Page précédente',
      next: 'Page suivante',
      pages: 'Pages',
      sections: 'Rubriques',
      tags: 'Mots-clés',
      authors: 'Auteurs',
      feeds: 'Flux de cette page',
      opml: 'Tous les flux du site (OPML)',
    },
    notFound: {
      title: 'Page introuvable',
      text: (site) =>
        `Aucune page de ${site} ne se trouve à cette adresse. L’article a peut-être changé d’adresse, ou le lien ` +
        `contient une faute de frappe.`,
      home: 'Revenir à l’accueil',
    },
    feeds: { rss: 'Flux RSS', atom: 'Flux Atom', json: 'JSON Feed' },
    dateTime: (d) => `${frDate(d)} à ${d.getUTCHours()}${NBSP}h${NBSP}${pad(d.getUTCMinutes())}`,
    date: frDate,
  },
  en: {
    skip: 'Skip to content',
    by: 'By',
    and: 'and',
    published: 'Published',
    modified: 'Updated',
    tags: 'Tags',
    quotes: 'Quotes',
    sources: 'Sources',
    correction: 'Correction',
    colon: ':',
    subscribe: 'Subscribe',
    subscribeHint: 'Get new articles in your feed reader: add the address of one of these feeds to it.',
    latest: 'Latest articles',
    menu: 'Menu',
    lists: {
      page: (n, of) => `Page ${n} of ${of}`,
      previous: 'Previous page',
      next: 'Next page',
      pages: 'Pages',
      sections: 'Sections',
      tags: 'Tags',
      authors: 'Authors',
      feeds: 'Feeds of this page',
      opml: 'Every feed of the site (OPML)',
    },
    notFound: {
      title: 'Page not found',
      text: (site) => `No page of ${site} is at this address. The article may have moved, or the link may have a typo.`,
      home: 'Go to the home page',
    },
    feeds: { rss: 'RSS feed', atom: 'Atom feed', json: 'JSON Feed' },
    dateTime: (d) => `${enDate(d)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    date: enDate,
  },
};

/** The labels for a BCP 47 tag: French for `fr`, `fr-CA`…; English otherwise. */
export function labelsFor(language: string): Labels {
  return LABELS[primaryLanguage(language)] ?? (LABELS.en as Labels);
}

function primaryLanguage(language: string): string {
  return language.toLowerCase().split('-')[0] ?? '';
}

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

/**
 * What makes a page correct whatever it looks like, in the order the default head has them: the
 * canonical link, the feeds' autodiscovery and the hubs, the page's meta (Open Graph, Twitter, robots),
 * and its JSON-LD. A theme places them (theme/render.ts); the default head holds them with its style.
 */
export interface Essentials {
  canonical: SafeHtml;
  feeds: SafeHtml;
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
${essentials.canonical}${essentials.feeds}${essentials.meta}<style>${raw(PAGE_STYLE)}</style>
${essentials.jsonLd}`;
}

/** The skip link and the site's header bar, with the menu when there is one. */
export function defaultHeader(site: SiteSettings, navigation: SafeHtml): SafeHtml {
  const labels = labelsFor(site.language);
  return html`<a class="skip" href="#content">${labels.skip}</a>
<header class="site-header"><div class="wrap bar"><a class="home" href="${site.url}" rel="home">${
    site.title
  }</a> ${navigation}<a class="follow" href="#subscribe">${labels.subscribe}</a></div></header>
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
