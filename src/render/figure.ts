/**
 * A picture in its `<figure>`: a remote one (or one without variants) as an `<img>`; one with page
 * widths (images/variants.ts) as a `<picture>` of them, WebP first and the JPEG for browsers without
 * it, with the width and height of its largest so that the page does not shift as it loads. The
 * article's image and the pictures of its body (markdown.ts) are both shown so.
 */
import type { Image, LocalImage } from '../model.js';
import { html, type SafeHtml } from './html.js';

type FigureImage = Pick<Image, 'url' | 'alt' | 'width' | 'height' | 'caption' | 'credit'>;

export function figure(image: FigureImage, widths: LocalImage['widths'] | undefined): SafeHtml {
  const caption =
    (image.caption !== undefined || image.credit !== undefined) &&
    html`<figcaption>${image.caption}${image.caption !== undefined && image.credit !== undefined && ' '}${
      image.credit !== undefined && html`<span class="credit">${image.credit}</span>`
    }</figcaption>`;
  const largest = widths?.at(-1);
  if (widths === undefined || largest === undefined) {
    const { url, alt, width, height } = image;
    return html`<figure><img src="${url}" alt="${alt}" width="${width}" height="${height}">${caption}</figure>\n`;
  }
  const srcset = (format: 'webp' | 'jpeg'): string =>
    widths.map((width) => `${width[format].url} ${width.width}w`).join(', ');
  const fallback = widths.find((width) => width.width >= FALLBACK_WIDTH) ?? largest;
  return html`<figure><picture><source type="image/webp" srcset="${srcset('webp')}" sizes="${SIZES}"><img src="${
    fallback.jpeg.url
  }" srcset="${srcset('jpeg')}" sizes="${SIZES}" width="${largest.width}" height="${largest.height}" alt="${
    image.alt
  }"></picture>${caption}</figure>\n`;
}

/** How wide the picture is shown: the column of style.ts (`.wrap`, 60ch of the body's font, 2.5rem of margins). */
const SIZES = '(min-width: 40rem) 38rem, calc(100vw - 2.5rem)';

/** The JPEG of a browser that reads neither `srcset` nor WebP: a width near the column's on a large screen. */
const FALLBACK_WIDTH = 800;
