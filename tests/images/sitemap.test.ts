/**
 * The image sitemap extension in the articles' sitemap, validated by libxml2 against the sitemaps.org urlset
 * and an image schema written from Google's rules (tests/fixtures/schemas/sitemap-image.xsd), read back with
 * fast-xml-parser: each article's pictures as its page shows them, the namespace declared once, at most 1,000.
 */
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { BuildResult } from '../../src/build-types.js';
import { MAX_IMAGES_PER_URL, pageImages, renderSitemaps } from '../../src/render/sitemap.js';
import { makeArticle, makeSite } from '../fixtures/factories.js';
import { validateNewsSitemap as validateUrlset } from '../helpers/news-sitemap.js';
import { gradientJpeg, imageSite, RECORD_FILE } from './site.js';

const SITE = 'https://depeche.example/';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'url' });

type Url = { loc: string; 'image:image'?: { 'image:loc': string } | { 'image:loc': string }[] };
const imagesOf = (url: Url | undefined): string[] => {
  const images = url?.['image:image'];
  return images === undefined ? [] : (Array.isArray(images) ? images : [images]).map((image) => image['image:loc']);
};

let root: string;
let result: BuildResult;
beforeAll(async () => {
  root = imageSite('{ src: /images/hero.jpg, alt: Une place }', {
    'images/hero.jpg': await gradientJpeg(2000, 1500),
    'images/chart.jpg': await gradientJpeg(1000, 600),
    'images/schema.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
  });
  appendFileSync(
    join(root, 'content', RECORD_FILE),
    '\n![Un graphique](/images/chart.jpg "Le graphique")\n\n![Un schéma](/images/schema.svg)\n\n' +
      '![Le même graphique](/images/chart.jpg "Encore")\n',
  );
  result = await build({ contentDir: join(root, 'content'), write: false });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function text(path: string): string {
  const found = result.files.find((output) => output.path === path);
  if (found === undefined) throw new Error(`no ${path}`);
  return String(found.contents);
}

describe('the image sitemap', () => {
  it('is valid against the urlset and the image schema, the namespace declared once', () => {
    const xml = text('sitemap-1.xml');
    expect(validateUrlset(xml)).toBe(3);
    expect(xml.match(/xmlns:image=/g)).toHaveLength(1);
    const parsed = parser.parse(xml) as { urlset: Record<string, string> };
    expect(parsed.urlset['xmlns:image']).toBe('http://www.google.com/schemas/sitemap-image/1.1');
  });

  it("lists each page's pictures: its image, then its body's, each once, as the largest JPEG the page offers", () => {
    const urls = (parser.parse(text('sitemap-1.xml')) as { urlset: { url: Url[] } }).urlset.url;
    const article = result.site.articles.find((candidate) => candidate.slug === 'tous-les-champs');
    const hero = article?.image?.local?.widths.at(-1)?.jpeg.url;
    const chart = article?.bodyPictures?.[0]?.widths.at(-1)?.jpeg.url;
    expect(hero).toMatch(/^https:\/\/depeche\.example\/images\/hero-[0-9a-f]{16}-1600\.jpg$/);
    expect(chart).toMatch(/^https:\/\/depeche\.example\/images\/chart-[0-9a-f]{16}-1000\.jpg$/);
    expect(imagesOf(urls.find((url) => url.loc === `${SITE}articles/tous-les-champs/`))).toEqual([
      hero,
      chart,
      `${SITE}images/schema.svg`,
    ]);
    // Every one is a file the build writes.
    for (const url of [hero, chart])
      expect(result.files.some((file) => file.path === url?.slice(SITE.length))).toBe(true);
    expect(imagesOf(urls.find((url) => url.loc === `${SITE}articles/windows-crlf-bom/`))).toEqual([
      `${SITE}images/b.png`,
    ]);
    expect(imagesOf(urls.find((url) => url.loc === SITE))).toEqual([]);
  });

  it('holds at most 1,000 pictures a URL, and no namespace in a file without any', () => {
    const many = makeArticle({
      image: undefined,
      bodyImages: Array.from({ length: 1200 }, (_, index) => ({ url: `${SITE}images/${index}.png`, line: index })),
    });
    const images = pageImages({ url: SITE }, many);
    expect(images).toHaveLength(MAX_IMAGES_PER_URL);
    expect(images.at(-1)).toBe(`${SITE}images/999.png`);
    const plain = renderSitemaps(makeSite({ articles: [makeArticle({ image: undefined })] })).find(
      (file) => file.path === 'sitemap-1.xml',
    );
    expect(String(plain?.contents)).not.toContain('image');
  });
});
