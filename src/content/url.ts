/** URL rules of the record contract: sources are absolute http(s); site assets may be relative. */

/**
 * Whether `text` parses as a URL (against `base`). `new URL` in a try, not `URL.canParse`: on Node
 * 20, once optimised, `canParse` answers false for valid URLs with a non-ASCII host
 * (`https://café.example/`) on most calls (tests/content/url.test.ts).
 */
export function canParseUrl(text: string, base?: string): boolean {
  return parsedUrl(text, base) !== undefined;
}

/** `new URL(text, base)`, or undefined when it throws: each URL is parsed once. */
export function parsedUrl(text: string, base?: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/** The URL when `text` is an absolute http(s) URL, else undefined. */
export function parseHttpUrl(text: string): URL | undefined {
  const url = parsedUrl(text);
  return url?.protocol === 'http:' || url?.protocol === 'https:' ? url : undefined;
}

/**
 * Resolves `text` against `base`: an absolute http(s) URL stays as it is, a relative reference
 * (`images/a.jpg`, `/logo.png`) is resolved; any other scheme (`javascript:`, `data:`) is refused.
 */
export function resolveHttpUrl(text: string, base: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return parseHttpUrl(text)?.href;
  if (text.startsWith('//')) return undefined;
  return parsedUrl(text, base)?.href;
}

/** True for an absolute URI of any scheme (`https:`, `urn:`, `tag:`): what an Atom id needs. */
export function isAbsoluteUri(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(text) && canParseUrl(text);
}

/** `url` without query or fragment, its path ending with `/`: a base URL to resolve against. */
export function withTrailingSlash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  parsed.search = '';
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.href;
}
