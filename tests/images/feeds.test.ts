/**
 * The feeds of an article with a local image, read back with fast-xml-parser and JSON.parse: the RSS
 * `enclosure` and Media RSS `media:content` (credit, description; the namespace declared once), the
 * Atom `link rel="enclosure"`, JSON Feed's `image` and `banner_image`, each naming the 16:9 crop with
 * the length of the file the build wrote.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { BuildResult } from '../../src/build-types.js';
import { gradientJpeg, imageSite } from './site.js';

let root: string;
let result: BuildResult;
beforeAll(async () => {
  root = imageSite('{ src: /images/hero.jpg, alt: Une place, caption: La place au matin, credit: Jeanne Martin }', {
    'images/hero.jpg': await gradientJpeg(1600, 1200),
  });
  result = await build({ contentDir: join(root, 'content'), write: false });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string): string | Uint8Array {
  const found = result.files.find((output) => output.path === path);
  if (found === undefined) throw new Error(`no ${path}`);
  return found.contents;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
type Attributes = Record<string, string>;

/** The 16:9 crop as the build wrote it: its URL and its length on disk. */
function wideCrop(): { url: string; length: number } {
  const crop = result.site.articles.find((article) => article.image?.local)?.image?.local?.crops[0];
  if (crop === undefined) throw new Error('no local image');
  return { url: crop.url, length: file(crop.path).length };
}

describe('the feeds of an article with a local image', () => {
  it('RSS: one enclosure and a media:content with its credit and description, the namespace declared once', () => {
    const text = String(file('feed.xml'));
    expect(text.match(/xmlns:media=/g)).toHaveLength(1);
    const rss = parser.parse(text) as {
      rss: Attributes & { channel: { item: Record<string, unknown>[] } };
    };
    expect(rss.rss['xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    const items = rss.rss.channel.item.filter((item) => item.enclosure !== undefined);
    expect(items).toHaveLength(1);
    const [item] = items;
    const { url, length } = wideCrop();
    expect(item?.enclosure).toEqual({ url, length: String(length), type: 'image/jpeg' });
    expect(item?.['media:content']).toEqual({
      url,
      type: 'image/jpeg',
      medium: 'image',
      fileSize: String(length),
      width: '1200',
      height: '675',
      'media:credit': 'Jeanne Martin',
      'media:description': { '#text': 'La place au matin', type: 'plain' },
    });
  });

  it('Atom: a link rel="enclosure" with its type and length', () => {
    const atom = parser.parse(String(file('atom.xml'))) as { feed: { entry: { link: Attributes | Attributes[] }[] } };
    const enclosures = atom.feed.entry
      .flatMap((entry) => (Array.isArray(entry.link) ? entry.link : [entry.link]))
      .filter((link) => link.rel === 'enclosure');
    const { url, length } = wideCrop();
    expect(enclosures).toEqual([{ rel: 'enclosure', type: 'image/jpeg', length: String(length), href: url }]);
  });

  it('JSON Feed: image and banner_image, the 16:9 crop', () => {
    const feed = JSON.parse(String(file('feed.json'))) as { items: { image?: string; banner_image?: string }[] };
    const { url } = wideCrop();
    expect(feed.items.filter((item) => item.banner_image !== undefined)).toEqual([
      expect.objectContaining({ image: url, banner_image: url }),
    ]);
  });
});
