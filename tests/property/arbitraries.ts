/**
 * fast-check arbitraries for hostile but legal content: site settings and article records whose
 * every text field may hold what copy-paste, imports and hurried hands put there. Each generated
 * value is what a record holds once its YAML is parsed; `site-files.ts` writes it as YAML with the
 * `yaml` package, so any string (control characters, lone surrogates included) reaches the loader.
 */
import fc from 'fast-check';

/** Characters XML 1.0 forbids (§2.2): every one of them, so that each is drawn now and then. */
export const XML_FORBIDDEN_CHARS: readonly string[] = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).filter((char) => !'\t\n\r'.includes(char)),
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
];

/** Markup, YAML, Markdown and JSON syntax that has broken publishers. */
const SYNTAX = [
  '&',
  '<',
  '>',
  '"',
  "'",
  ']]>',
  ']]>]]>]]>',
  '</script>',
  '</SCRIPT >',
  '<!--',
  '-->',
  '--',
  '<![CDATA[',
  '<?xml',
  '<b>',
  '</p>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&amp;',
  '&nbsp;',
  '&#60;',
  '&#x3C;',
  '&lt;',
  '&copy',
  '&#0;',
  '&#xD800;',
  ':',
  ': ',
  '#',
  ' #',
  '- ',
  '---',
  '...',
  '|',
  '>',
  '*',
  '**',
  '_',
  '__',
  '~',
  '`',
  '```',
  '\\',
  '\\n',
  '[',
  ']',
  '](',
  '![',
  '{',
  '}',
  ',',
  '?',
  '!',
  '%',
  '@',
  '&a',
  '*a',
  '!!str',
  'null',
  '~',
  'yes',
  'no',
  'NaN',
  '0x1F',
  '1e3',
  '0o17',
  '.inf',
  '=',
  '+',
  '\u2028',
  '\u2029',
  '\\u2028',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template's syntax as hostile text, meant literally
  '${x}',
  '{{x}}',
  'javascript:alert(1)',
  'data:text/html,<script>x</script>',
];

/**
 * Text that looks like markup or holds `&` and `<` (issue 10): what the feeds must escape so that a reader
 * and the W3C validator see text, and what every output must carry as the same string. Drawn often, so
 * that each text field of a site holds some in most runs.
 */
const MARKUP_LOOKING = [
  '<b>',
  '</b>',
  '<script>',
  '</script>',
  '</p>',
  ']]>',
  '&',
  '<',
  '&amp;',
  '&#x26;',
  '&#38;',
  '&nbsp;',
  '&lt;b&gt;',
  'AT&T <3 Bouygues',
  'Les balises <b> et <script> expliquées',
  '<b>Gras</b> & <i>italique</i>',
];

/** C0 controls but TAB and LF (NUL included: YAML's `\0` and a UTF-8 file both hold it), and DEL. */
const C0_CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).filter((char) => !'\t\n'.includes(char)),
  '\u007F',
];

/** Bidi controls, joiners and invisibles. */
const INVISIBLE = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
];

/** Emoji (with joiners, flags, skin tones, variation selectors) and combining marks. */
const EMOJI = ['😀', '👩‍👩‍👧‍👦', '🇫🇷', '👍🏽', '❤️', '🏳️‍🌈', '\u{1F9D1}\u200D\u{1F4BB}', '\u{10FFFD}', '\u{E0041}'];
const COMBINING = [
  '\u0301',
  'e\u0301',
  'a\u0308\u0304',
  'Z\u0336\u0335\u0334\u0333\u0332',
  '\u20DD',
  'ก\u0E33',
  'क\u094D\u0937',
];

/** The same words in NFC and NFD (and forms that normalisation would change). */
const NORMALISATION = [
  'é',
  'é'.normalize('NFD'),
  'Ångström',
  'Ångström'.normalize('NFD'),
  '\u212B',
  'ﬁ',
  '한국어',
  '한국어'.normalize('NFD'),
  'ṩ',
  'ṩ'.normalize('NFD'),
  'Œuvre',
];

/** White space of every kind. */
const SPACE = [' ', '  ', '\t', '\n', '\r', '\r\n', '\u00A0', '\u202F', '\u3000', '\u0085', '\u000C', '\u000B'];

/** Controls and noncharacters HTML reports as errors, beyond XML's list. */
const HTML_ONLY_FORBIDDEN = ['\u007F', '\u0080', '\u0085', '\u009F', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}'];

/** Ordinary words, so that values also look like news. */
const WORDS = [
  'Mistral AI',
  'Bruxelles',
  'l’Europe',
  'R&D',
  '« citation »',
  '100 %',
  'Zoë',
  'Ελλάδα',
  'Москва',
  'القاهرة',
  'ירושלים',
  '東京',
  'naïve café',
  'x',
  '0',
  'A',
];

/** A character no output drops and that is not white space: what makes a text visible. */
export const visibleChar: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'a',
    'Z',
    '7',
    'é',
    '&',
    '<',
    '>',
    '"',
    "'",
    '*',
    '_',
    '\\',
    '[',
    '`',
    '#',
    '-',
    '😀',
    '東',
    'ß',
    'Ω',
    '»',
    '«',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((char) => isVisible(char)),
);

/** True when every character of `text` shows: not white space, not a format character, not dropped by some output. */
export function isVisible(text: string): boolean {
  return [...text].every((char) => char.trim() !== '' && !/\p{Cf}/u.test(char) && !isDroppedAnywhere(char));
}

/** The oracle of what outputs drop, written from the specs rather than imported from src/. */
export function isXmlForbidden(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0xd800 && code <= 0xdfff) return true; // a lone surrogate: a pair is one astral code point
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  return code === 0xfffe || code === 0xffff;
}

export function isHtmlForbidden(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0xd800 && code <= 0xdfff) return true;
  if (code < 0x20) return !(code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d);
  if (code >= 0x7f && code <= 0x9f) return true;
  if (code >= 0xfdd0 && code <= 0xfdef) return true;
  return (code & 0xfffe) === 0xfffe;
}

function isDroppedAnywhere(char: string): boolean {
  return isXmlForbidden(char) || isHtmlForbidden(char);
}

/** One hostile piece of text. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP_LOOKING) },
  { weight: 2, arbitrary: fc.constantFrom(...C0_CONTROLS) },
  { weight: 2, arbitrary: fc.constantFrom(...XML_FORBIDDEN_CHARS) },
  { weight: 1, arbitrary: fc.constantFrom(...HTML_ONLY_FORBIDDEN) },
  { weight: 1, arbitrary: fc.constantFrom(...INVISIBLE) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...COMBINING) },
  { weight: 2, arbitrary: fc.constantFrom(...NORMALISATION) },
  { weight: 2, arbitrary: fc.constantFrom(...SPACE) },
  // Anything at all: every code point, lone surrogates included.
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
      maxLength: 2,
    }),
  },
);

/** Any text, possibly empty: hostile pieces joined. */
export const hostileText: fc.Arbitrary<string> = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));

/** Hostile text without line breaks (a Markdown paragraph's line). */
const lineText: fc.Arbitrary<string> = hostileText.map((text) => text.replace(/[\n\r]/g, ' '));

/** A required text: hostile, but with at least one visible character somewhere. */
export const requiredText: fc.Arbitrary<string> = fc
  .tuple(hostileText, visibleChar, hostileText)
  .map(([before, visible, after]) => before + visible + after);

/** A text that is refused as required text: empty, white space, or only characters outputs drop. */
export const blankText: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...SPACE, ...XML_FORBIDDEN_CHARS, ...HTML_ONLY_FORBIDDEN, ...INVISIBLE), { maxLength: 6 })
  .map((chars) => chars.join(''))
  // Two lone surrogates side by side make one visible character (`\uD800\uDC00` is U+10000).
  .filter((text) => ![...text].some(isVisible));

/** A segment of URL path or query: what a URL may hold as written (no space, no control). */
const urlSegment = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'a',
        'b',
        '1',
        '-',
        '_',
        '.',
        '~',
        '%20',
        '%3C',
        'é',
        '東',
        '😀',
        '&',
        '<',
        '>',
        '"',
        "'",
        ']]>',
        '(',
        ')',
        '*',
        '!',
        '$',
        ',',
        ';',
        '=',
        '+',
        '@',
        ':',
        '[',
        ']',
        '{',
        '}',
        '|',
        '^',
        '`',
        '\\',
      ),
      fc.constantFrom('&amp;', '&lt;', '</script>', '<!--', '-->'),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** An absolute http(s) URL as an editor pastes it, hostile characters included. */
export const httpUrl: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('https', 'http', 'HTTPS'),
    fc.constantFrom(
      'source.example',
      'xn--caf-dma.example',
      'café.example',
      'sub.source.example:8443',
      '[::1]',
      '192.0.2.1',
    ),
    fc.array(urlSegment, { maxLength: 3 }),
    fc.option(urlSegment, { nil: undefined }),
    fc.option(urlSegment, { nil: undefined }),
  )
  .map(
    ([scheme, host, path, query, fragment]) =>
      `${scheme}://${host}/${path.join('/')}${query === undefined ? '' : `?${query}`}${
        fragment === undefined ? '' : `#${fragment}`
      }`,
  )
  .filter((url) => URL.canParse(url));

/** A reference relative to the site, or an absolute URL. */
export const siteUrl: fc.Arbitrary<string> = fc.oneof(
  httpUrl,
  fc
    .tuple(fc.constantFrom('', '/', './', '../'), fc.array(urlSegment, { minLength: 1, maxLength: 3 }))
    .map(([prefix, path]) => prefix + path.join('/'))
    // `a:b` is a URL of scheme `a`, and `//host` a URL of another site: neither is relative.
    .filter((reference) => !/^[a-z][a-z0-9+.-]*:/i.test(reference) && !reference.startsWith('//')),
);

/**
 * A file's URL (a logo, an image): `siteUrl` ending in `.png` and without an empty segment, so that a
 * reference inside the site names one file (never a folder, never one a segment also names), which
 * `writeContent` writes to `public/`.
 */
export const fileUrl: fc.Arbitrary<string> = siteUrl
  .filter((url) => !/[/\\]{2}/.test(url.replace(/^[a-z]+:\/\//i, '')))
  .map((url) => `${url}.png`);

/** A "now" after every date `dateTime` makes: a build at it schedules no generated record. */
export const AFTER_EVERY_DATE = new Date('2100-01-02T00:00:00Z');
/**
 * An article image's URL: as `fileUrl`, ending in `.bin`. A raster file of the site named as an article
 * image is decoded and encoded by the build (src/images/), and must be a real picture of 1,200 × 1,200 or
 * more; these properties are about the URLs and the text, so their files are ones the build copies as
 * they are (tests/images/ builds real pictures).
 */
export const pictureUrl: fc.Arbitrary<string> = fileUrl.map((url) => `${url.slice(0, -'.png'.length)}.bin`);

/** A date-time with its UTC offset, as ISO 8601 writes it (seconds and fraction optional). */
export const dateTime: fc.Arbitrary<string> = fc
  .record({
    year: fc.integer({ min: 1971, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    zone: fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 13 }), fc.constantFrom(0, 15, 30, 45))
        .map(([sign, hours, minutes]) => `${sign}${pad(hours)}:${pad(minutes)}`),
      fc.constantFrom('+14:00', '-00:00', '+00:00'),
    ),
  })
  .map(({ year, month, day, hour, minute, second, fraction, zone }) => {
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const time = `${pad(hour)}:${pad(minute)}${
      second === undefined ? '' : `:${pad(second)}${fraction === undefined ? '' : `.${fraction}`}`
    }`;
    return `${year}-${pad(month)}-${pad(Math.min(day, lastDay))}T${time}${zone}`;
  });

/** A calendar date (`2024-02-27`). */
const calendarDate = dateTime.map((value) => value.slice(0, 10));

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

const CREATIVE_WORK_TYPES = [
  'NewsArticle',
  'Report',
  'ScholarlyArticle',
  'Legislation',
  'WebPage',
  'Dataset',
  'BlogPosting',
  'VideoObject',
  'CreativeWork',
];
const THING_TYPES = [
  'Organization',
  'GovernmentOrganization',
  'Person',
  'Place',
  'Product',
  'SoftwareApplication',
  'Legislation',
  'Event',
];
const LANGUAGES = ['fr', 'fr-CA', 'en', 'en-GB', 'de', 'ar', 'he', 'zh-Hant', 'ja'];

/** An optional text that may be empty (`publisher`, `jobTitle`, an image's `alt`): mostly not. */
const emptyOrText = fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 3, arbitrary: hostileText });

export interface InlineAuthor {
  name: string;
  url?: string;
  sameAs?: string[];
}

export interface CitationRecord {
  type: string;
  name: string;
  url: string;
  publisher?: string;
  author?: string;
  datePublished?: string;
  inLanguage?: string;
}

export interface EntityRecord {
  type: string;
  name: string;
  sameAs?: string[];
}

export interface QuoteRecord {
  text: string;
  spokenBy: { name: string; jobTitle?: string; affiliation?: string };
}

/** An article record's front matter, as the YAML parser returns it. */
export interface ArticleRecord {
  title: string;
  description: string;
  datePublished: string;
  dateModified?: string;
  authors?: (string | InlineAuthor)[];
  slug?: string;
  id?: string;
  lang?: string;
  section?: string;
  tags?: string[];
  image?: { src: string; alt: string; width: number; height: number };
  citations?: CitationRecord[];
  isBasedOn?: string;
  mentions?: EntityRecord[];
  about?: EntityRecord[];
  quotes?: QuoteRecord[];
}

/**
 * The body: plain paragraphs whose Markdown escapes every ASCII punctuation character (so the text a
 * reader sees is the paragraph's, exactly), or hostile Markdown (raw HTML, scripts, links of every
 * scheme) of which only safety can be asserted.
 */
export type GeneratedBody =
  | { kind: 'paragraphs'; paragraphs: string[]; markdown: string }
  | { kind: 'hostile'; markdown: string };

export interface GeneratedArticle {
  /** The file name in `articles/`. */
  fileName: string;
  record: ArticleRecord;
  body: GeneratedBody;
}

export interface SiteSettings {
  url: string;
  title: string;
  description: string;
  language: string;
  publisher: { name: string; url: string; logo: { src: string; width: number; height: number } };
  authors?: Record<string, InlineAuthor>;
  feed?: { limit: number };
}

export interface GeneratedSite {
  settings: SiteSettings;
  articles: GeneratedArticle[];
}

/** Backslash-escapes every ASCII punctuation character: CommonMark then reads the text literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
}

/** A paragraph line: visible at both ends (Markdown trims a paragraph), hostile inside. */
const paragraph = fc.tuple(visibleChar, lineText, visibleChar).map(([first, middle, last]) => first + middle + last);

export const paragraphsBody: fc.Arbitrary<GeneratedBody> = fc
  .array(paragraph, { minLength: 1, maxLength: 4 })
  .map((paragraphs) => ({
    kind: 'paragraphs',
    paragraphs,
    markdown: `${paragraphs.map(escapeMarkdown).join('\n\n')}\n`,
  }));

/** Markdown that tries to inject markup, scripts and dangerous links. */
const HOSTILE_MARKDOWN = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror="alert(1)">',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<div onclick="alert(1)">clic</div>',
  '<!-- comment --> after',
  '<![CDATA[ ]]> ]]>',
  '<?php echo 1; ?>',
  '<style>body{display:none}</style>',
  '<a href="javascript:alert(1)">lien</a>',
  '[lien](javascript:alert(1))',
  '[lien](JaVaScRiPt:alert(1))',
  '[lien](vbscript:msgbox(1))',
  '[lien](data:text/html;base64,PHNjcmlwdD4=)',
  '[lien](file:///etc/passwd)',
  '![image](data:image/png;base64,iVBORw0KGgo=)',
  '![image](javascript:alert(1) "t")',
  // Images of the site, whose files writeContent writes (the build refuses one that names no file).
  '![photo](/images/photo.png)',
  '![relative <b>](photo.png "t & <t>")',
  '![](../autre/photo%20une.png)',
  '<javascript:alert(1)>',
  '<https://ok.example/a?b=<c>>',
  '[relatif](../autre/ "titre \\"q\\"")',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '[ok](https://ok.example/?q=</script>)',
  '`</script>` and `<!--`',
  '```\n</script><!-- ]]>\n```',
  '```"><script>alert(1)</script>\ncode\n```',
  '    <script>indented code</script>',
  '&#0; &#xD800; &#x110000; &#1; &#12; &#13; &#128; &#xFFFE;',
  '&nbsp;&amp;&lt;&copy;&NotAnEntity;',
  '> <script>quote</script>',
  '- <b>list</b>\n- [x](javascript:1)',
  '# <i>heading</i>',
  '*emphase <u>u</u>* __fort__',
  '\\<script\\>',
  'line  \nbreak',
  // Mutation XSS and namespace tricks: markup that one parser reads as text and another as tags.
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<noscript><noscript></noscript><img src=x onerror=alert(1)></noscript>',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<iframe src="https://www.youtube-nocookie.com/embed/x" srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="https://evil.example/embed"></iframe>',
  '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a> <img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<a href="java\tscript:alert(1)">t</a> <a href=" javascript:alert(1)">s</a> <a href="&#106;avascript:alert(1)">e</a>',
  '<template><script>alert(1)</script></template><object data="x.swf"></object><embed src="x.swf">',
  '<span onclick="alert(1)" style="background:url(javascript:alert(1))">s</span>',
  '<blockquote class="twitter-tweet"><p>tweet</p></blockquote>' +
    '<script async src="https://platform.twitter.com/widgets.js"></script>',
  '| a | b |\n|---|---|\n| <b onmouseover=alert(1)>1</b> | ~~2~~ |',
  'note[^1]\n\n[^1]: <script>alert(1)</script>',
  '![fig](/images/photo.png "légende <b> — Photo : <i>AFP</i>")',
];

export const hostileBody: fc.Arbitrary<GeneratedBody> = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_MARKDOWN), hostileText), { minLength: 1, maxLength: 6 })
  .chain((parts) =>
    fc
      .array(fc.constantFrom('\n', '\n\n', ' '), { minLength: parts.length, maxLength: parts.length })
      .map((separators) => ({ parts, separators })),
  )
  .map(({ parts, separators }) => ({
    kind: 'hostile',
    markdown: parts.map((part, i) => part + (separators[i] ?? '')).join(''),
  }));

const inlineAuthor: fc.Arbitrary<InlineAuthor> = fc.record(
  { name: requiredText, url: siteUrl, sameAs: fc.array(httpUrl, { maxLength: 2 }) },
  { noNullPrototype: true, requiredKeys: ['name'] },
);

/**
 * An author that site.yaml declares: its url is any URL but a folder of the site that the build could
 * not write a page into (`&amp;/`, `É/`), which site.yaml refuses (tests/config.test.ts); or such a folder.
 */
const declaredAuthor: fc.Arbitrary<InlineAuthor> = fc.record(
  {
    name: requiredText,
    url: fc.oneof(
      httpUrl,
      siteUrl.filter((reference) => !/(^|[\\/])(\.\.?)?$|[\\/]$/.test(reference)),
      fc.stringMatching(/^\/?[a-z0-9]{1,6}\/[a-z0-9][a-z0-9._-]{0,6}\/$/),
    ),
    sameAs: fc.array(httpUrl, { maxLength: 2 }),
  },
  { noNullPrototype: true, requiredKeys: ['name'] },
);

const citation: fc.Arbitrary<CitationRecord> = fc.record(
  {
    type: fc.constantFrom(...CREATIVE_WORK_TYPES),
    name: requiredText,
    url: httpUrl,
    publisher: emptyOrText,
    author: emptyOrText,
    datePublished: fc.oneof(calendarDate, dateTime),
    inLanguage: fc.constantFrom(...LANGUAGES),
  },
  { noNullPrototype: true, requiredKeys: ['type', 'name', 'url'] },
);

const entity: fc.Arbitrary<EntityRecord> = fc.record(
  { type: fc.constantFrom(...THING_TYPES), name: requiredText, sameAs: fc.array(httpUrl, { maxLength: 2 }) },
  { noNullPrototype: true, requiredKeys: ['type', 'name'] },
);

const quote: fc.Arbitrary<QuoteRecord> = fc.record(
  {
    text: requiredText,
    spokenBy: fc.record(
      { name: requiredText, jobTitle: emptyOrText, affiliation: emptyOrText },
      { noNullPrototype: true, requiredKeys: ['name'] },
    ),
  },
  { noNullPrototype: true },
);

/** An id that is an absolute URI; `index` keeps ids of one site apart. */
function uri(index: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.uuid().map((uuid) => `urn:uuid:${uuid}`),
    fc.constant(`tag:depeche.example,2024:article-${index}`),
    httpUrl.map((url) => `${url.split('#')[0]}#id-${index}`),
  );
}

/** A record whose authors may still be numbers, standing for ids site.yaml declares. */
type DraftRecord = Omit<ArticleRecord, 'authors'> & { authors?: (number | InlineAuthor)[] };

/**
 * A record; `index` makes its slug and id unique in its site. An author is a mapping, or a number
 * that `generatedSite` turns into one of the ids site.yaml declares (the arbitraries are built once,
 * not per site: building them is what costs).
 */
export function articleRecord(index: number): fc.Arbitrary<DraftRecord> {
  return fc
    .record(
      {
        title: requiredText,
        description: requiredText,
        datePublished: dateTime,
        dateModified: dateTime,
        authors: fc.array(fc.oneof(fc.nat(), inlineAuthor), { minLength: 1, maxLength: 3 }),
        slug: fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/).map((slug) => `${slug}-${index}`),
        id: uri(index),
        lang: fc.constantFrom(...LANGUAGES),
        section: requiredText,
        tags: fc.array(requiredText, { maxLength: 4 }),
        image: fc.record(
          {
            src: pictureUrl,
            alt: emptyOrText,
            width: fc.integer({ min: 1, max: 5000 }),
            height: fc.integer({ min: 1, max: 5000 }),
          },
          { noNullPrototype: true },
        ),
        citations: fc.array(citation, { maxLength: 3 }),
        isBasedOn: httpUrl,
        mentions: fc.array(entity, { maxLength: 2 }),
        about: fc.array(entity, { maxLength: 2 }),
        quotes: fc.array(quote, { maxLength: 2 }),
      },
      { noNullPrototype: true, requiredKeys: ['title', 'description', 'datePublished'] },
    )
    .map((record) => {
      const dated =
        record.dateModified === undefined || Date.parse(record.dateModified) >= Date.parse(record.datePublished)
          ? record
          : { ...record, datePublished: record.dateModified, dateModified: record.datePublished };
      return dropUndefined(dated);
    });
}

/** Author numbers become ids site.yaml declares; with none declared, they are left out. */
function withDeclaredAuthors(record: DraftRecord, ids: readonly string[], basedOnCitation: boolean): ArticleRecord {
  const authors = record.authors
    ?.map((author) => (typeof author === 'number' ? ids[author % Math.max(1, ids.length)] : author))
    .filter((author): author is string | InlineAuthor => author !== undefined);
  const firstCitation = record.citations?.[0]?.url;
  return dropUndefined({
    ...record,
    authors: authors === undefined || authors.length === 0 ? undefined : authors,
    // Now and then the work the article is based on is one of its citations.
    isBasedOn: basedOnCitation && firstCitation !== undefined ? firstCitation : record.isBasedOn,
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export const siteSettings: fc.Arbitrary<SiteSettings> = fc
  .record(
    {
      url: fc.constantFrom(
        'https://depeche.example/',
        'https://news.example/fr/',
        'http://localhost:8080/a%20b/',
        'https://café.example/actu',
        'https://x.example/a&amp;b/',
      ),
      title: requiredText,
      description: requiredText,
      language: fc.constantFrom(...LANGUAGES),
      publisher: fc.record(
        {
          name: requiredText,
          url: httpUrl,
          logo: fc.record(
            { src: fileUrl, width: fc.integer({ min: 1, max: 1000 }), height: fc.integer({ min: 1, max: 1000 }) },
            { noNullPrototype: true },
          ),
        },
        { noNullPrototype: true },
      ),
      authors: fc
        .dictionary(fc.constantFrom('camille', 'jean-2', 'é', 'a b', 'null', 'x:y'), declaredAuthor, {
          maxKeys: 3,
          noNullPrototype: true,
        })
        // Two authors' pages in one folder are refused (tests/streams.test.ts): each folder gets its own name.
        .map((authors) =>
          Object.fromEntries(
            Object.entries(authors).map(([id, author], index) => [
              id,
              author.url?.endsWith('/') ? { ...author, url: `${author.url}p${index}/` } : author,
            ]),
          ),
        ),
      feed: fc.record({ limit: fc.integer({ min: 1, max: 3 }) }, { noNullPrototype: true }),
    },
    { noNullPrototype: true, requiredKeys: ['url', 'title', 'description', 'language', 'publisher'] },
  )
  .map(dropUndefined);

/** A body: mostly plain paragraphs, whose text can be checked exactly; else hostile Markdown. */
export const body: fc.Arbitrary<GeneratedBody> = fc.oneof(
  { weight: 3, arbitrary: paragraphsBody },
  { weight: 2, arbitrary: hostileBody },
);

const records = [articleRecord(0), articleRecord(1), articleRecord(2)] as const;

/** A site of 1 to 3 articles: small, so that a thousand of them build in well under a minute. */
export const generatedSite: fc.Arbitrary<GeneratedSite> = fc
  .tuple(
    siteSettings,
    fc.integer({ min: 1, max: 3 }),
    fc.tuple(...records),
    fc.tuple(body, body, body),
    fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
  )
  .map(([settings, count, generated, bodies, basedOnCitation]) => {
    const ids = Object.keys(settings.authors ?? {});
    return {
      settings,
      articles: generated.slice(0, count).map((record, index) => ({
        fileName: `article-${index}.md`,
        record: withDeclaredAuthors(record, ids, basedOnCitation[index] ?? false),
        body: bodies[index] as GeneratedBody,
      })),
    };
  });

/** Explicit large cases: a 1 MB body, a 10,000-character title. */
export function largeSite(): GeneratedSite {
  const line = 'Une phrase & <une autre> « citée » \u0001 ]]> 😀 e\u0301 ';
  const paragraphs = Array.from(
    { length: 100 },
    (_, i) => `${`P${i} ${line.repeat(Math.ceil(10_240 / line.length))}`.trimEnd()}.`,
  );
  const title = `${`T ${'Titre très long & <hostile> ]]> \u000B '.repeat(300)}`.slice(0, 9_999)}!`;
  return {
    settings: {
      url: 'https://depeche.example/',
      title: 'Dépêche',
      description: 'Un site.',
      language: 'fr',
      publisher: {
        name: 'Dépêche',
        url: 'https://depeche.example/',
        logo: { src: '/logo.png', width: 60, height: 60 },
      },
    },
    articles: [
      {
        fileName: 'long.md',
        record: {
          title,
          description: 'Un corps d’un mégaoctet.',
          datePublished: '2024-02-28T09:00:00+01:00',
          tags: [title],
        },
        body: { kind: 'paragraphs', paragraphs, markdown: `${paragraphs.map(escapeMarkdown).join('\n\n')}\n` },
      },
    ],
  };
}
