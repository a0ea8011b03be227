/** Raw HTML in a body: the allowlist of src/markdown-html.ts, read back with parse5. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/markdown.js';
import { isEmbed } from '../src/markdown-html.js';
import { attr, dom, elements, one, type T } from './helpers/html-reading.js';

const BASE = 'https://news.example/articles/x/';

/** Known XSS payloads, mutation XSS and namespace confusions among them. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror="alert(1)">',
  '<body onload=alert(1)>',
  '<div onclick="alert(1)">clic</div>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="https://www.youtube-nocookie.com/embed/a" srcdoc="<script>alert(1)</script>" title="v"></iframe>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<noscript><noscript></noscript><img src=x onerror=alert(1)></noscript>',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<template><script>alert(1)</script></template>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<style>@import "javascript:alert(1)"</style>',
  '<span style="background:url(javascript:alert(1))">s</span>',
  '<details open ontoggle=alert(1)>',
  '<a href="https://ok.example/" onmouseover="alert(1)">ok</a>',
  '<<script>script>alert(1)<</script>/script>',
  '<img src="x` `<script>alert(1)</script>"` `>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<a href=" javascript:alert(1)">x</a>',
  // A refused iframe, then an embed: the embed must still be closed (found by the property tests).
  '<iframe src="https://evil.example/embed"></iframe> <iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>',
];

/** Every element under `node`. */
function all(node: T.ParentNode): T.Element[] {
  return node.childNodes.flatMap((child) => ('tagName' in child ? [child, ...all(child)] : []));
}

function unsafe(html: string): string[] {
  const { document } = dom(`<!doctype html><html lang="fr"><title>t</title><body>${html}</body></html>`);
  const found: string[] = [];
  for (const element of all(one(document, 'body'))) {
    if (['script', 'style', 'noscript', 'svg', 'math', 'template', 'object', 'embed'].includes(element.tagName))
      found.push(`<${element.tagName}>`);
    for (const { name, value } of element.attrs) {
      if (/^on/i.test(name) || name === 'srcdoc') found.push(`${name}=`);
      if (/^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${name}="${value}"`);
    }
    if (element.tagName === 'iframe' && !isEmbed(attr(element, 'src') ?? '', ['youtube-nocookie.com/embed/']))
      found.push('iframe');
  }
  return found;
}

describe('raw HTML', () => {
  it.each(PAYLOADS)('lets nothing run through %s, alone, in a paragraph and in a table', (payload) => {
    for (const source of [payload, `Du texte ${payload} et encore.`, `| a |\n|---|\n| ${payload} |`]) {
      const { html, removals } = renderMarkdown(source, BASE);
      expect(unsafe(html), html).toEqual([]);
      expect(
        dom(`<!doctype html><html lang="fr"><title>t</title><body>${html}<p>après</p></body></html>`).errors,
      ).toEqual([]);
      // Inside a paragraph, what CommonMark does not read as a tag stays text: nothing to remove.
      if (source === payload) expect(removals.length, source).toBeGreaterThan(0);
    }
  });

  it('keeps ordinary markup, an embed with its policy and a social post without its script, and says what went', () => {
    const source = [
      'Un <span class="x" onclick="go()">mot</span> <abbr title="Agence France-Presse">AFP</abbr>.', // 1
      '', // 2
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315" title="Le discours"', // 3
      '  allowfullscreen></iframe>', // 4
      '', // 5
      '<blockquote class="twitter-tweet"><p lang="fr">Un tweet</p>— X <a href="/x">1 mai</a></blockquote>', // 6
      '<script async src="https://platform.twitter.com/widgets.js"></script>', // 7
      '', // 8
      '<iframe src="https://player.vimeo.com/video/1"></iframe>', // 9
      '', // 10
      '<iframe src="https://evil.example/embed/" title="x"></iframe>', // 11
    ].join('\n');
    const { html, removals } = renderMarkdown(source, BASE);
    const { document, errors } = dom(`<!doctype html><html lang="fr"><title>t</title><body>${html}</body></html>`);
    expect(errors).toEqual([]);
    expect(attr(one(document, 'span'), 'class')).toBe('x');
    expect(attr(one(document, 'abbr'), 'title')).toBe('Agence France-Presse');
    const frames = elements(document, 'iframe');
    expect(frames.map((frame) => attr(frame, 'src'))).toEqual([
      'https://www.youtube-nocookie.com/embed/abc',
      'https://player.vimeo.com/video/1',
    ]);
    for (const frame of frames) {
      expect(attr(frame, 'loading')).toBe('lazy');
      expect(attr(frame, 'sandbox')).toBe('allow-scripts allow-same-origin allow-popups');
      expect(attr(frame, 'referrerpolicy')).toBe('strict-origin-when-cross-origin');
    }
    expect(attr(frames[0] as T.Element, 'title')).toBe('Le discours');
    const quote = one(document, 'blockquote');
    expect(attr(quote, 'class')).toBe('twitter-tweet');
    expect(attr(one(quote, 'a'), 'href')).toBe('https://news.example/x');
    expect(elements(document, 'script')).toEqual([]);
    expect(removals).toEqual([
      { line: 1, removed: 'removed onclick on <span>' },
      { line: 6, removed: 'removed <script>' },
      { line: 9, removed: '<iframe> without a title: add one, screen readers announce it' },
      { line: 11, removed: 'removed <iframe> from https://evil.example/embed/, not an embed host' },
    ]);
  });

  it('shows as text a <script> that its paragraph names but never closes, and keeps the text after it', () => {
    const { html, removals } = renderMarkdown('La balise <script> d’un formulaire.\n\nLa suite.\n', BASE);
    expect(removals).toEqual([]);
    expect(html).toBe('<p>La balise &lt;script&gt; d’un formulaire.</p>\n<p>La suite.</p>\n');
  });

  it('drops the characters HTML forbids that raw HTML writes as references (the sanitizer decodes them)', () => {
    // `&#1;` and `&#xFFFE;` must not come out as U+0001 and U+FFFE.
    const body = '<iframe src="javascript:alert(1)"></iframe>\n&#0; &#xD800; &#x110000; &#1; &#12; &#128; &#xFFFE;\n';
    const { html } = renderMarkdown(body, 'https://depeche.example/articles/a/');
    expect(html).not.toMatch(/[\u0001\uFFFE\uFFFF]/);
    expect(dom(`<!doctype html><html lang="fr"><title>x</title><body>${html}`).errors).toEqual([]);
  });

  it('renders a body without raw HTML as markdown-it alone does, with no removal', () => {
    const source = '# T\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\nUn fait[^1].\n\n```js\nx < 1\n```\n\n[^1]: Note.\n';
    const plain = renderMarkdown(source, BASE);
    expect(plain.removals).toEqual([]);
    const withHtml = renderMarkdown(`<b>gras</b>\n\n${source}`, BASE);
    expect(withHtml.html).toBe(`<p><b>gras</b></p>\n${plain.html}`);
  });

  it('matches an embed host with its subdomains and under its path only, over https', () => {
    const hosts = ['youtube-nocookie.com/embed/', 'flo.uri.sh'];
    expect(isEmbed('https://www.youtube-nocookie.com/embed/a', hosts)).toBe(true);
    expect(isEmbed('https://youtube-nocookie.com/watch?v=a', hosts)).toBe(false);
    expect(isEmbed('http://flo.uri.sh/visualisation/1', hosts)).toBe(false);
    expect(isEmbed('https://flo.uri.sh.evil.example/', hosts)).toBe(false);
    expect(isEmbed('https://evilflo.uri.sh/', hosts)).toBe(false);
    expect(isEmbed('https://public.flo.uri.sh/story/1', hosts)).toBe(true);
  });
});
