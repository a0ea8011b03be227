/** Google's Article recommendations: warnings only, each at the JSON path of what to add or change. */
import { describe, expect, it } from 'vitest';
import { siteContext } from '../../src/check/context.js';
import { checkGoogleArticle } from '../../src/check/google-article.js';
import { siteFiles } from '../../src/check/site-files.js';
import type { OutputFile } from '../../src/model.js';
import { jpegHeader, pngHeader } from './images.js';

const BASE = 'https://depeche.example/';

function findings(
  article: Record<string, unknown>,
  files: OutputFile[] = [],
  publisher: Record<string, unknown> = { logo: { '@type': 'ImageObject', url: `${BASE}logo.png` } },
  now?: number,
) {
  const document = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'NewsArticle', '@id': `${BASE}articles/a/`, publisher: { '@id': `${BASE}#publisher` }, ...article },
      { '@type': 'NewsMediaOrganization', '@id': `${BASE}#publisher`, name: 'Dépêche', url: BASE, ...publisher },
    ],
  };
  const context = siteContext(siteFiles(files), BASE, now);
  return checkGoogleArticle(context, document, (field) => ({ file: 'page.html', field })).map((finding) => {
    expect(finding.severity).toBe('warning');
    return `${finding.field}: ${finding.message}`;
  });
}

const complete = {
  headline: 'Un titre',
  datePublished: '2024-02-28T09:00:00+01:00',
  dateModified: '2024-02-28T09:00:00+01:00',
  author: [{ '@type': 'Person', name: 'Camille Dupont', url: `${BASE}auteurs/camille/` }],
  image: {
    '@type': 'ImageObject',
    url: `${BASE}une.jpg`,
    width: { '@type': 'QuantitativeValue', value: 1200, unitCode: 'E37' },
    height: { '@type': 'QuantitativeValue', value: 675, unitCode: 'E37' },
  },
};

describe('Google Article recommendations', () => {
  it('has nothing to say about an article with headline, image, dates, author URL and publisher logo', () => {
    expect(findings(complete)).toEqual([]);
  });

  it('asks for an image, a headline, a publication date and an author', () => {
    expect(findings({})).toEqual([
      "$['@graph'][0].headline: expected a headline, found none",
      "$['@graph'][0].image: expected an image: Google shows articles with one more prominently",
      "$['@graph'][0].datePublished: expected datePublished, found none",
      "$['@graph'][0].dateModified: expected dateModified, found none",
      "$['@graph'][0].author: expected an author, found none",
    ]);
  });

  it('warns about a page dated after now: it was built with --future, or too early', () => {
    const publisher = { logo: { '@type': 'ImageObject', url: `${BASE}logo.png` } };
    const before = Date.parse('2024-02-28T07:59:59Z');
    expect(findings(complete, [], publisher, before)).toEqual([
      "$['@graph'][0].datePublished: expected a page published by now (2024-02-28T07:59:59.000Z), found it dated " +
        '2024-02-28T09:00:00+01:00',
    ]);
    expect(findings(complete, [], publisher, before + 1000)).toEqual([]);
  });

  it('asks for dateModified alone when only it is missing', () => {
    const { dateModified: _left, ...withoutModified } = complete;
    expect(findings(withoutModified)).toEqual(["$['@graph'][0].dateModified: expected dateModified, found none"]);
  });

  it("asks for the author's URL, following an @id to the node it names", () => {
    expect(
      findings({ ...complete, author: [{ '@type': 'Person', name: 'Jean' }, { '@id': `${BASE}#publisher` }] }),
    ).toEqual(['$[\'@graph\'][0].author[0].url: expected a url for the author "Jean": a page that identifies them']);
  });

  it("asks for the time and zone of a date given alone, and for the publisher's logo", () => {
    expect(findings({ ...complete, datePublished: '2024-02-28' }, [], {})).toEqual([
      '$[\'@graph\'][0].datePublished: expected a date-time with its time zone, found the date "2024-02-28" alone',
      "$['@graph'][0].publisher.logo: expected a logo for the publisher, found none",
    ]);
  });

  it('measures a declared image: 50,000 pixels, 1200 px wide, 16:9, 4:3 or 1:1', () => {
    const image = (width: number, height: number) => ({
      ...complete,
      image: { '@type': 'ImageObject', url: `${BASE}x.jpg`, width, height },
    });
    expect(findings(image(1200, 900))).toEqual([]);
    expect(findings(image(1600, 1600))).toEqual([]);
    expect(findings(image(200, 200))).toEqual([
      "$['@graph'][0].image: expected at least 50,000 pixels (width × height), found 200 × 200",
      "$['@graph'][0].image: expected a width of at least 1200 pixels for large previews (Google Discover), found 200",
    ]);
    expect(findings(image(1200, 600))).toEqual([
      "$['@graph'][0].image: expected an aspect ratio of 16:9, 4:3 or 1:1, found 1200 × 600",
    ]);
  });

  it('measures the image file itself when the site has it, and says when the declared size is wrong', () => {
    const files = [{ path: 'une.jpg', contents: jpegHeader(800, 600) }];
    expect(findings(complete, files)).toEqual([
      "$['@graph'][0].image: declares 1200 × 675 pixels, but https://depeche.example/une.jpg is 800 × 600",
      "$['@graph'][0].image: expected a width of at least 1200 pixels for large previews (Google Discover), found 800",
    ]);
    expect(findings(complete, [{ path: 'une.jpg', contents: pngHeader(1200, 675) }])).toEqual([]);
  });

  it("leaves nested articles alone: a cited NewsArticle is not the page's article", () => {
    expect(
      findings({ ...complete, citation: [{ '@type': 'NewsArticle', name: 'Source', url: 'https://source.example/' }] }),
    ).toEqual([]);
  });
});
