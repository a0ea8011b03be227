/**
 * Footnotes (`markdown-it-footnote`) whose links carry the article's absolute URL: the body HTML is
 * shared by the page and the feeds, and a feed reader shows it away from the page, where `#fn1`
 * alone would point nowhere. On the page, `https://…/articles/x/#fn1` is the same document.
 */
import type MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';

/** What `renderMarkdown` passes to markdown-it as its `env`. */
export type MarkdownEnv = {
  /** The article's absolute URL. */
  baseUrl: string;
};

export const footnotes = (md: InstanceType<typeof MarkdownIt>): void => {
  md.use(footnote);
  for (const rule of ['footnote_ref', 'footnote_anchor'] as const) {
    const original = md.renderer.rules[rule];
    if (original === undefined) throw new Error(`markdown-it-footnote has no ${rule} rule`);
    md.renderer.rules[rule] = (tokens, index, options, env, self) =>
      original(tokens, index, options, env, self).replace(
        'href="#',
        `href="${md.utils.escapeHtml((env as MarkdownEnv).baseUrl.split('#')[0] ?? '')}#`,
      );
  }
};
