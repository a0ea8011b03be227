/**
 * Figures: an image alone in its paragraph, with a title, becomes
 * `<figure><img …><figcaption>caption <small class="credit">credit</small></figcaption></figure>`.
 * The title is the caption; its end after the last ` — ` (a space, an em dash, a space) is the credit,
 * as a French caption writes it: `![Manifestants](a.jpg "Place de la République — Photo : AFP")`.
 * Only the markup changes here: the image's URL is left to whoever handles URLs.
 */
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

const CREDIT_SEPARATOR = ' — ';

type FigureMeta = {
  caption: string;
  credit?: string;
};

export const figures = (md: InstanceType<typeof MarkdownIt>): void => {
  md.core.ruler.push('figures', (state) => {
    const { tokens } = state;
    for (let index = 0; index + 2 < tokens.length; index++) {
      const [open, inline, close] = [tokens[index], tokens[index + 1], tokens[index + 2]];
      if (open?.type !== 'paragraph_open' || open.hidden || inline?.type !== 'inline' || close === undefined) continue;
      const image = aloneImage(inline.children ?? []);
      const title = image?.attrGet('title');
      if (image === undefined || typeof title !== 'string' || title.trim() === '') continue;
      image.attrs = (image.attrs ?? []).filter(([name]) => name !== 'title');
      open.type = 'figure_open';
      open.tag = 'figure';
      close.type = 'figure_close';
      close.tag = 'figure';
      close.meta = splitCredit(title.trim());
    }
  });
  md.renderer.rules.figure_open = () => '<figure>';
  md.renderer.rules.figure_close = (tokens, index) => {
    const meta = tokens[index]?.meta as unknown as FigureMeta | undefined;
    const caption = meta?.caption ?? '';
    const credit = meta?.credit;
    const escapeHtml = md.utils.escapeHtml;
    const small =
      credit === undefined ? '' : `${caption === '' ? '' : ' '}<small class="credit">${escapeHtml(credit)}</small>`;
    return `<figcaption>${escapeHtml(caption)}${small}</figcaption></figure>\n`;
  };
};

/** The paragraph's only image, white space around it aside. */
function aloneImage(children: readonly Token[]): Token | undefined {
  const visible = children.filter((child) => !(child.type === 'text' && child.content.trim() === ''));
  const [only] = visible;
  return visible.length === 1 && only?.type === 'image' ? only : undefined;
}

export function splitCredit(title: string): FigureMeta {
  const at = title.lastIndexOf(CREDIT_SEPARATOR);
  if (at === -1) return { caption: title };
  const credit = title.slice(at + CREDIT_SEPARATOR.length).trim();
  const caption = title.slice(0, at).trim();
  return credit === '' ? { caption: title } : { caption, credit };
}
