/**
 * The one allowlist for raw HTML in a body (sanitize-html). Ordinary inline and block markup is
 * kept; `<iframe>` only from an embed host, with `loading`, `sandbox` and `referrerpolicy` set;
 * social posts' `<blockquote>` kept, their `<script>` dropped. Everything else that could run code
 * goes: `<script>`, `on*` attributes, URLs of any scheme but http(s), mailto and tel, and whole
 * subtrees whose parsing differs between parsers (`<noscript>`, `<svg>`, `<math>`, `<template>`…),
 * the ground of mutation XSS. Relative URLs are made absolute, as the feeds need.
 */
import sanitizeHtml from 'sanitize-html';

/** The default `embeds.hosts`: a host matches itself and its subdomains; a path, its prefix. */
export const DEFAULT_EMBED_HOSTS: readonly string[] = [
  'youtube-nocookie.com/embed/',
  'player.vimeo.com/video/',
  'dailymotion.com/embed/',
  'datawrapper.dwcdn.net',
  'flo.uri.sh',
  'flourish.studio',
  'arte.tv/embeds/',
];

const GLOBAL_ATTRIBUTES = ['id', 'class', 'title', 'lang', 'dir'];
const TAG_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'hreflang', 'rel'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
  // The body's pictures of the site (render/figure.ts), which the whole body is sanitized with.
  source: ['type', 'srcset', 'sizes', 'media', 'width', 'height'],
  blockquote: ['cite', 'data-*'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  th: ['colspan', 'rowspan', 'scope', 'style'],
  td: ['colspan', 'rowspan', 'style'],
  iframe: ['src', 'width', 'height', 'allow', 'allowfullscreen', 'loading', 'sandbox', 'referrerpolicy'],
};
const TAGS = [
  ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'var'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'picture', 'source', 'div', 'span', 'section'],
  'aside',
  ...['a', 'img', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'q', 'cite'],
  ...['abbr', 'dfn', 'time', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'details', 'summary'],
  'iframe',
];
/** Dropped with everything inside them: they hide markup a browser would parse otherwise, or run code. */
export const DROPPED_WHOLE: readonly string[] = [
  ...['script', 'style', 'textarea', 'option', 'noscript', 'noembed', 'noframes', 'xmp', 'svg', 'math'],
  ...['template', 'object', 'embed', 'title', 'select'],
];
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const IFRAME_POLICY = {
  loading: 'lazy',
  sandbox: 'allow-scripts allow-same-origin allow-popups',
  referrerpolicy: 'strict-origin-when-cross-origin',
};

/**
 * `html` sanitized, its relative URLs resolved against `baseUrl`, and what the sanitizer did about it,
 * each once, in words (`removed onclick on <div>`). `embedHosts`: the `embeds.hosts` setting.
 */
export function sanitizeBodyHtml(
  html: string,
  baseUrl: string,
  embedHosts: readonly string[],
): { html: string; removed: string[] } {
  const removed = new Set<string>();
  const clean = sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: { '*': GLOBAL_ATTRIBUTES, ...TAG_ATTRIBUTES } as Record<string, string[]>,
    allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesAppliedToAttributes: [...URL_ATTRIBUTES],
    allowProtocolRelative: false,
    nonTextTags: [...DROPPED_WHOLE],
    disallowedTagsMode: 'discard',
    exclusiveFilter: (frame) => frame.tag === 'iframe' && frame.attribs.src === undefined,
    transformTags: {
      '*': (tagName, attribs) => {
        if (!TAGS.includes(tagName)) {
          removed.add(`removed <${tagName}>`);
          return { tagName, attribs: {} };
        }
        const kept = keptAttributes(tagName, attribs, baseUrl, removed);
        if (tagName !== 'iframe') return { tagName, attribs: kept };
        if (kept.src === undefined || !isEmbed(kept.src, embedHosts)) {
          const from = attribs.src === undefined ? 'no URL' : describeUrl(attribs.src);
          removed.add(`removed <iframe> from ${from}, not an embed host`);
          // Left without attributes for exclusiveFilter to drop: a renamed tag would confuse
          // sanitize-html's matching of closing tags.
          return { tagName, attribs: {} };
        }
        if (kept.title === undefined || kept.title.trim() === '')
          removed.add('<iframe> without a title: add one, screen readers announce it');
        return { tagName, attribs: { ...kept, ...IFRAME_POLICY } };
      },
    },
  });
  return { html: clean, removed: [...removed] };
}

function keptAttributes(
  tagName: string,
  attribs: Readonly<Record<string, string>>,
  baseUrl: string,
  removed: Set<string>,
): Record<string, string> {
  const allowed = [...GLOBAL_ATTRIBUTES, ...(TAG_ATTRIBUTES[tagName] ?? [])];
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(attribs)) {
    const ok = allowed.includes(name) || (name.startsWith('data-') && allowed.includes('data-*'));
    if (!ok || (name === 'style' && !/^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$/i.test(value))) {
      removed.add(`removed ${name} on <${tagName}>`);
      continue;
    }
    if (!URL_ATTRIBUTES.has(name)) {
      kept[name] = value;
      continue;
    }
    const url = safeUrl(value, baseUrl);
    if (url === undefined) removed.add(`removed ${name}="${describeUrl(value)}" on <${tagName}>`);
    else kept[name] = url;
  }
  return kept;
}

/** The URL resolved against `baseUrl`, or undefined when its scheme could run code or read files. */
function safeUrl(value: string, baseUrl: string): string | undefined {
  // Browsers ignore these characters in a URL: `java\tscript:` is `javascript:`.
  const trimmed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (trimmed.startsWith('//')) return undefined;
  if (!URL.canParse(trimmed, baseUrl)) return undefined;
  const url = new URL(trimmed, baseUrl);
  return SCHEMES.has(url.protocol) ? url.href : undefined;
}

/** An https URL of an embed host: `host` or a subdomain of it, under the entry's path when it has one. */
export function isEmbed(src: string, embedHosts: readonly string[]): boolean {
  if (!URL.canParse(src)) return false;
  const url = new URL(src);
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  return embedHosts.some((entry) => {
    const slash = entry.indexOf('/');
    const host = slash === -1 ? entry : entry.slice(0, slash);
    const path = slash === -1 ? '/' : entry.slice(slash);
    return (url.hostname === host || url.hostname.endsWith(`.${host}`)) && url.pathname.startsWith(path);
  });
}

/** A URL shortened for a message: never a whole long `data:` payload. */
function describeUrl(value: string): string {
  const shown = value.trim().slice(0, 100);
  return shown.length < value.trim().length ? `${shown}…` : shown;
}
