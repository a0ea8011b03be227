/**
 * The picture the three feeds attach to an item: the 16:9 crop of a local image, whose length in
 * bytes the encoder measured (images/encode.ts). A remote image has no length the build knows, so
 * it is attached nowhere but JSON Feed's `image`, as before.
 */
import type { Article } from '../model.js';

export interface FeedImage {
  url: string;
  type: 'image/jpeg';
  length: number;
  width: number;
  height: number;
}

export function feedImage(article: Article): FeedImage | undefined {
  const wide = article.image?.local?.crops[0];
  if (wide?.bytes === undefined) return undefined;
  return { url: wide.url, type: 'image/jpeg', length: wide.bytes, width: wide.width, height: wide.height };
}
