import { XMLParser } from 'fast-xml-parser';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/model.js';
import { renderRobots, robotsAdvice } from '../../src/render/robots.js';
import { renderSitemaps } from '../../src/render/sitemap.js';
import { dateTime, makeArticle, makeSite } from '../fixtures/factories.js';

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/**
 * The sitemaps.org 0.9 schemas (sitemap.xsd and siteindex.xsd) transcribed into one document,
 * without `changefreq`/`priority`, which depeche never writes, and with the `url`'s extension point only
 * (the image extension, read strictly in tests/images/sitemap.test.ts).
 */
const XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="${NS}" xmlns="${
  NS
}" elementFormDefault="qualified">
  <xsd:element name="urlset"><xsd:complexType><xsd:sequence>
    <xsd:element ref="url" minOccurs="0" maxOccurs="unbounded"/>
  </xsd:sequence></xsd:complexType></xsd:element>
  <xsd:element name="url"><xsd:complexType><xsd:sequence>
    <xsd:element name="loc" type="tLoc"/>
    <xsd:element name="lastmod" type="tLastmod" minOccurs="0"/>
    <xsd:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
  </xsd:sequence></xsd:complexType></xsd:element>
  <xsd:element name="sitemapindex"><xsd:complexType><xsd:sequence>
    <xsd:element ref="sitemap" minOccurs="0" maxOccurs="unbounded"/>
  </xsd:sequence></xsd:complexType></xsd:element>
  <xsd:element name="sitemap"><xsd:complexType><xsd:sequence>
    <xsd:element name="loc" type="tLoc"/>
    <xsd:element name="lastmod" type="tLastmod" minOccurs="0"/>
  </xsd:sequence></xsd:complexType></xsd:element>
  <xsd:simpleType name="tLoc"><xsd:restriction base="xsd:anyURI">
    <xsd:minLength value="12"/><xsd:maxLength value="2048"/>
  </xsd:restriction></xsd:simpleType>
  <xsd:simpleType name="tLastmod"><xsd:union>
    <xsd:simpleType><xsd:restriction base="xsd:date"/></xsd:simpleType>
    <xsd:simpleType><xsd:restriction base="xsd:dateTime">
      <xsd:pattern value="\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+\\-]\\d{2}:\\d{2})"/>
    </xsd:restriction></xsd:simpleType>
  </xsd:union></xsd:simpleType>
</xsd:schema>`;

/** Validates with libxml2 and returns the texts an XPath selects. */
function validate(xml: string, xpath: string): string[] {
  const schemaDoc = XmlDocument.fromString(XSD);
  const validator = XsdValidator.fromDoc(schemaDoc);
  const doc = XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
    return doc.find(xpath, { sm: NS }).map((node) => node.content);
  } finally {
    doc.dispose();
    validator.dispose();
    schemaDoc.dispose();
  }
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap' });
interface Entry {
  loc: string;
  lastmod: string;
}
function read(file: OutputFile | undefined): {
  urlset?: { url: Entry[]; '@_xmlns': string };
  sitemapindex?: { sitemap: Partial<Entry>[]; '@_xmlns': string };
} {
  if (typeof file?.contents !== 'string') throw new Error('expected a text file');
  return parser.parse(file.contents) as ReturnType<typeof read>;
}
/** The article sitemaps' tests: their articles are in no stream, so that the streams' sitemap (below) is not made. */
const NO_STREAMS = { section: undefined, tags: [] };
const W3C_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/;

function articles(count: number) {
  return Array.from({ length: count }, (_, i) =>
    makeArticle({
      ...NO_STREAMS,
      slug: `a-${count - i}`,
      datePublished: dateTime(`2024-01-${String(count - i).padStart(2, '0')}T08:00:00+01:00`),
    }),
  );
}

describe('renderSitemaps', () => {
  it('writes one urlset with the home page and every article, under the index', () => {
    const site = makeSite({
      articles: [
        makeArticle({
          ...NO_STREAMS,
          slug: 'b',
          datePublished: dateTime('2024-03-01T10:00:00+01:00'),
          dateModified: dateTime('2024-03-02T11:30:00+01:00'),
        }),
        makeArticle({ ...NO_STREAMS, slug: 'a', datePublished: dateTime('2024-02-01T07:30:00Z') }),
      ],
    });
    const files = renderSitemaps(site);
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml']);
    const { sitemapindex } = read(files[0]);
    expect(sitemapindex?.sitemap).toEqual([
      { loc: 'https://depeche.example/sitemap-1.xml', lastmod: '2024-03-02T11:30:00+01:00' },
      { loc: 'https://depeche.example/news-sitemap.xml' },
    ]);
    expect(validate(files[0]?.contents as string, '/sm:sitemapindex/sm:sitemap/sm:loc')).toHaveLength(2);
    const { urlset } = read(files[1]);
    expect(urlset?.['@_xmlns']).toBe(NS);
    // Each article's picture (the factory's remote one), Google's image extension.
    const image = { 'image:loc': 'https://depeche.example/images/a.jpg' };
    expect(urlset?.url).toEqual([
      { loc: 'https://depeche.example/', lastmod: '2024-03-02T11:30:00+01:00' },
      { loc: 'https://depeche.example/articles/b/', lastmod: '2024-03-02T11:30:00+01:00', 'image:image': image },
      { loc: 'https://depeche.example/articles/a/', lastmod: '2024-02-01T07:30:00Z', 'image:image': image },
    ]);
    for (const entry of urlset?.url ?? []) expect(entry.lastmod).toMatch(W3C_DATETIME);
    expect(validate(files[1]?.contents as string, '/sm:urlset/sm:url/sm:loc')).toHaveLength(3);
    expect(String(files[1]?.contents).startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset')).toBe(true);
  });

  it('escapes what XML must escape in a URL', () => {
    const site = makeSite({ articles: [makeArticle({ url: 'https://depeche.example/a/?x=1&y=<2>' })] });
    const [, file] = renderSitemaps(site);
    expect(file?.contents).toContain('?x=1&amp;y=&lt;2&gt;');
    expect(validate(file?.contents as string, '//sm:loc')).toContain('https://depeche.example/a/?x=1&y=<2>');
  });

  it('keeps a URL that holds an entity-like sequence (`&amp;`) exactly', () => {
    const site = makeSite({
      url: 'https://depeche.example/a&amp;b/',
      articles: [makeArticle({ ...NO_STREAMS, url: 'https://depeche.example/a&amp;b/articles/x/' })],
    });
    const [, file] = renderSitemaps(site);
    expect(validate(file?.contents as string, '//sm:loc')).toEqual([
      'https://depeche.example/a&amp;b/',
      'https://depeche.example/a&amp;b/articles/x/',
    ]);
    const [index] = renderSitemaps(site, { maxUrls: 1 });
    expect(validate(index?.contents as string, '//sm:loc')).toEqual([
      'https://depeche.example/a&amp;b/sitemap-1.xml',
      'https://depeche.example/a&amp;b/sitemap-2.xml',
      'https://depeche.example/a&amp;b/news-sitemap.xml',
    ]);
  });

  it('splits past the limit into numbered sitemaps under a sitemapindex', () => {
    const site = makeSite({ articles: articles(6) });
    const files = renderSitemaps(site, { maxUrls: 3 });
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
    const { sitemapindex } = read(files[0]);
    expect(sitemapindex?.['@_xmlns']).toBe(NS);
    expect(sitemapindex?.sitemap.map((s) => s.loc)).toEqual([
      'https://depeche.example/sitemap-1.xml',
      'https://depeche.example/sitemap-2.xml',
      'https://depeche.example/sitemap-3.xml',
      'https://depeche.example/news-sitemap.xml',
    ]);
    expect(validate(files[0]?.contents as string, '/sm:sitemapindex/sm:sitemap/sm:lastmod')).toEqual([
      '2024-01-06T08:00:00+01:00',
      '2024-01-04T08:00:00+01:00',
      '2024-01-01T08:00:00+01:00',
    ]);
    const locs = files.slice(1).map((file) => validate(file.contents as string, '/sm:urlset/sm:url/sm:loc'));
    expect(locs.map((l) => l.length)).toEqual([3, 3, 1]);
    expect(locs.flat()).toEqual(['https://depeche.example/', ...site.articles.map((a) => a.url)]);
  });

  it('keeps a single urlset when the URLs exactly fill it', () => {
    expect(renderSitemaps(makeSite({ articles: articles(2) }), { maxUrls: 3 }).map((f) => f.path)).toEqual([
      'sitemap.xml',
      'sitemap-1.xml',
    ]);
  });

  it('defaults to 50,000 URLs a file', () => {
    const site = makeSite({ articles: Array.from({ length: 50_000 }, () => makeArticle(NO_STREAMS)) });
    expect(renderSitemaps(site).map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
  });

  it('is deterministic', () => {
    const site = makeSite({ articles: articles(5) });
    expect(renderSitemaps(site, { maxUrls: 2 })).toEqual(renderSitemaps(site, { maxUrls: 2 }));
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => renderSitemaps(makeSite(), { maxUrls: 0 })).toThrow(RangeError);
  });
});

describe('renderRobots', () => {
  it('allows every crawler everywhere and names the absolute sitemap URL', () => {
    expect(renderRobots(makeSite())).toEqual([
      {
        path: 'robots.txt',
        contents: 'User-agent: *\nAllow: /\n\nSitemap: https://depeche.example/sitemap.xml\n',
      },
    ]);
    expect(robotsAdvice('https://depeche.example/')).toBeUndefined();
  });

  it('writes none for a site under a path, where crawlers never look, and says what the root one needs', () => {
    expect(renderRobots(makeSite({ url: 'https://example.org/news/' }))).toEqual([]);
    expect(robotsAdvice('https://example.org/news/')).toBe('Sitemap: https://example.org/news/sitemap.xml');
  });
});

describe('the streams’ sitemap', () => {
  const camille = {
    name: 'Camille Dupont',
    sameAs: [],
    page: 'authors/camille/',
    url: 'https://depeche.example/authors/camille/',
  };
  const site = makeSite({
    pageSize: 2,
    authors: [camille],
    articles: [3, 2, 1].map((day) =>
      makeArticle({
        slug: `a-${day}`,
        section: 'Économie',
        tags: day === 1 ? ['IA'] : [],
        authors: [camille],
        datePublished: dateTime(`2024-01-0${day}T08:00:00+01:00`),
        ...(day === 1 ? { dateModified: dateTime('2024-01-09T08:00:00+01:00') } : {}),
      }),
    ),
  });
  const files = renderSitemaps(site);

  it('lists each stream’s first page and the indexes, valid, and is in the index', () => {
    const streams = files.find((file) => file.path === 'sitemap-streams.xml');
    expect(validate(String(streams?.contents), '/sm:urlset/sm:url/sm:loc')).toEqual([
      'https://depeche.example/sections/',
      'https://depeche.example/sections/economie/',
      'https://depeche.example/tags/',
      'https://depeche.example/tags/ia/',
      'https://depeche.example/authors/',
      'https://depeche.example/authors/camille/',
    ]);
    const { urlset } = read(streams);
    // A first page's lastmod: the last update among the articles it lists (page 1 of Économie: the 3rd and 2nd).
    expect(urlset?.url.find((url) => url.loc.endsWith('/economie/'))?.lastmod).toBe('2024-01-03T08:00:00+01:00');
    expect(urlset?.url.find((url) => url.loc.endsWith('/ia/'))?.lastmod).toBe('2024-01-09T08:00:00+01:00');
    const { sitemapindex } = read(files[0]);
    expect(sitemapindex?.sitemap.map((entry) => entry.loc)).toEqual([
      'https://depeche.example/sitemap-1.xml',
      'https://depeche.example/sitemap-streams.xml',
      'https://depeche.example/news-sitemap.xml',
    ]);
    expect(sitemapindex?.sitemap[1]?.lastmod).toBe('2024-01-09T08:00:00+01:00');
  });

  it('is left out of a site without streams', () => {
    const bare = makeSite({ articles: [makeArticle({ slug: 'a', section: undefined, tags: [], authors: [] })] });
    expect(renderSitemaps(bare).map((file) => file.path)).not.toContain('sitemap-streams.xml');
  });
});
