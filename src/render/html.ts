/**
 * What the HTML pages share: one escaping helper (through the `html` template tag, every value is
 * escaped unless it is already `SafeHtml`), the French/English labels, dates in words, and the
 * page shell (head, autodiscovery, style, header, subscribe block, footer).
 */
import MarkdownIt from 'markdown-it';
import type { DateTime, Site } from '../model.js';

const markdownEscape = new MarkdownIt().utils.escapeHtml;

/** Escapes `& < > " '`: safe in text and in quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return markdownEscape(value).replace(/'/g, '&#39;');
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

export interface Labels {
  skip: string;
  by: string;
  and: string;
  published: string;
  modified: string;
  section: string;
  tags: string;
  sources: string;
  subscribe: string;
  subscribeHint: string;
  latest: string;
  feeds: { rss: string; atom: string; json: string };
  /** Date and time in words. */
  dateTime: (wall: Date) => string;
  date: (wall: Date) => string;
}

const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
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
    section: 'Rubrique',
    tags: 'Mots-clés',
    sources: 'Sources',
    subscribe: 'S’abonner',
    subscribeHint: 'Recevez les nouveaux articles dans votre lecteur de flux.',
    latest: 'Derniers articles',
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
    section: 'Section',
    tags: 'Tags',
    sources: 'Sources',
    subscribe: 'Subscribe',
    subscribeHint: 'Get new articles in your feed reader.',
    latest: 'Latest articles',
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

const LOCALES: Record<string, string> = { en: 'en_US', pt: 'pt_PT', zh: 'zh_CN', ja: 'ja_JP', ko: 'ko_KR', sv: 'sv_SE', da: 'da_DK', cs: 'cs_CZ', el: 'el_GR' };

/** Open Graph locale (`fr` → `fr_FR`, `fr-CA` → `fr_CA`, `en` → `en_US`). */
export function ogLocale(language: string): string {
  const [lang = '', region] = language.split('-');
  const primary = lang.toLowerCase();
  if (region !== undefined && /^[A-Za-z]{2}$/.test(region)) return `${primary}_${region.toUpperCase()}`;
  return LOCALES[primary] ?? `${primary}_${primary.toUpperCase()}`;
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#5c5c5c;--bg:#fcfcfa;--accent:#a3161b;--rule:#dcdcd6;--quote:#f3f2ee}
@media (prefers-color-scheme:dark){:root{--fg:#e9e7e2;--muted:#a9a59d;--bg:#151515;--accent:#ff8f87;--rule:#393836;--quote:#1f1f1e}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:70ch;margin:0 auto;padding:0 1.25rem}
a{color:var(--accent);text-underline-offset:.15em}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
.site-header{border-bottom:1px solid var(--rule);padding-block:1rem}
.site-header a{color:var(--fg);font-weight:800;font-size:1.25rem;text-decoration:none;letter-spacing:-.01em}
main{padding-block:2rem}
h1,h2,h3{line-height:1.2;text-wrap:balance}
h1{font-size:clamp(1.75rem,4.5vw + .5rem,2.6rem);margin:0 0 1rem;letter-spacing:-.015em}
h2{font-size:1.3rem;margin:2.5rem 0 .75rem}
p,li{overflow-wrap:break-word;hyphens:auto}
.standfirst{font-size:1.25rem;line-height:1.5;color:var(--muted);margin:0 0 1.25rem}
.meta{font-size:.9375rem;color:var(--muted);margin:.25rem 0}
.tags{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.5rem 0}
.tags li{border:1px solid var(--rule);border-radius:1rem;padding:0 .6rem;font-size:.875rem}
figure{margin:1.5rem 0}
img{display:block;max-width:100%;height:auto}
figcaption{font-size:.9375rem;color:var(--muted);margin-top:.4rem}
blockquote{margin:0;padding:.75rem 1rem;border-left:4px solid var(--accent);background:var(--quote);font-size:1.125rem}
blockquote p{margin:0}
.sources li,.articles li{margin-bottom:.75rem}
.articles{list-style:none;padding:0}
.articles h3{font-size:1.25rem;margin:0}
.articles h3 a{color:var(--fg);text-decoration:none}.articles h3 a:hover{text-decoration:underline}
.subscribe,.site-footer{border-top:1px solid var(--rule);padding-block:1rem}
.subscribe h2{margin-top:.5rem}
.site-footer{font-size:.875rem;color:var(--muted)}
@media (max-width:30rem){body{font-size:1rem}.standfirst{font-size:1.125rem}}
`;

export interface PageParts {
  site: Site;
  /** The page's language (`<html lang>`). */
  lang: string;
  title: string;
  description: string;
  /** Absolute URL of the page. */
  canonical: string;
  /** Open Graph, Twitter and other head elements. */
  meta: SafeHtml;
  /** JSON-LD from `serializeJsonLd`, embedded as is. */
  jsonLd: string;
  main: SafeHtml;
}

/** A whole HTML document: `<!doctype html>` to `</html>`, ending with a newline. */
export function renderPage(parts: PageParts): string {
  const { site } = parts;
  if (parts.jsonLd.includes('<')) throw new Error('JSON-LD must be serialized with serializeJsonLd');
  const labels = labelsFor(site.language);
  const feeds = [
    { href: site.feeds.rss, type: 'application/rss+xml', label: labels.feeds.rss },
    { href: site.feeds.atom, type: 'application/atom+xml', label: labels.feeds.atom },
    { href: site.feeds.json, type: 'application/feed+json', label: labels.feeds.json },
  ];
  const year = site.updated.iso.slice(0, 4);
  return html`<!doctype html>
<html lang="${parts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<meta name="description" content="${parts.description}">
<link rel="canonical" href="${parts.canonical}">
${feeds.map((f) => html`<link rel="alternate" type="${f.type}" title="${site.title} — ${f.label}" href="${f.href}">\n`)}${parts.meta}<style>${raw(STYLE)}</style>
<script type="application/ld+json">${raw(parts.jsonLd)}</script>
</head>
<body>
<a class="skip" href="#content">${labels.skip}</a>
<header class="site-header"><div class="wrap"><a href="${site.url}" rel="home">${site.title}</a></div></header>
<main id="content" class="wrap">
${parts.main}</main>
<aside class="subscribe wrap" aria-labelledby="subscribe">
<h2 id="subscribe">${labels.subscribe}</h2>
<p>${labels.subscribeHint}</p>
<ul>
${feeds.map((f) => html`<li><a href="${f.href}" type="${f.type}">${f.label}</a></li>\n`)}</ul>
</aside>
<footer class="site-footer wrap"><p>© ${year} <a href="${site.publisher.url}">${site.publisher.name}</a></p></footer>
</body>
</html>
`.text;
}
