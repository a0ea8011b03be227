/**
 * An `id` on every body heading from h2 to h6, so that a section can be linked to. The slug is the
 * heading's text as French is written in URLs: accents dropped (`é` → `e`), `œ` and `æ` spelled out,
 * anything else than a letter or a digit a hyphen; `Qu'a dit l'élu ?` → `qu-a-dit-l-elu`. A slug
 * already used in the body (or one that footnotes use, `fn1`, `fnref1`) gets `-2`, `-3`…
 */
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

const LEVELS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
/** Footnote ids (markdown-it-footnote): a heading must not take one. */
const FOOTNOTE_ID = /^fn(ref)?\d+$/;

export const headingIds = (md: InstanceType<typeof MarkdownIt>): void => {
  md.core.ruler.push('heading_ids', (state) => {
    const used = new Set<string>();
    const { tokens } = state;
    for (const [index, token] of tokens.entries()) {
      if (token.type !== 'heading_open' || !LEVELS.has(token.tag)) continue;
      const base = slugify(plainText(tokens[index + 1]?.children ?? [])) || 'section';
      let slug = base;
      for (let n = 2; used.has(slug) || FOOTNOTE_ID.test(slug); n++) slug = `${base}-${n}`;
      used.add(slug);
      token.attrSet('id', slug);
    }
  });
};

/** `Qu'a dit l'élu ?` → `qu-a-dit-l-elu`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) =>
      token.type === 'text' || token.type === 'code_inline' ? token.content : plainText(token.children ?? []),
    )
    .join('');
}
