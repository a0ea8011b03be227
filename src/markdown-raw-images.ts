/**
 * The images of a body's raw HTML (`<img src="/images/x.jpg">`), with the line of each tag, so that the build
 * checks their files as it checks a Markdown image's (content/local-files.ts). Read with an HTML parser
 * (parse5, with source locations), as the browser reads the tag. Pure.
 */
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];

/**
 * Each `<img src>` of `html` (a piece of raw HTML that starts on `line` of the body), its URL resolved against
 * `baseUrl` as the sanitizer resolves it (src/markdown-html.ts); a URL that cannot be resolved is left to it.
 */
export function rawHtmlImages(html: string, line: number, baseUrl: string): { url: string; line: number }[] {
  const found: { url: string; line: number }[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node && node.tagName === 'img') {
      const src = node.attrs.find((attribute) => attribute.name === 'src')?.value.trim();
      const at = node.sourceCodeLocation?.startLine ?? 1;
      if (src !== undefined && src !== '' && URL.canParse(src, baseUrl))
        found.push({ url: new URL(src, baseUrl).href, line: line + at - 1 });
    }
    // A template's content is a fragment of its own, as the browser parses it.
    const children = 'content' in node ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
    for (const child of children) visit(child);
  };
  visit(parseFragment(html, { sourceCodeLocationInfo: true }));
  return found;
}
