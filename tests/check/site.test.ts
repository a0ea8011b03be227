/**
 * `checkFiles` on the seed site built in memory, then on copies of it with one thing broken each:
 * every rule must find what it is for, at the right file and path, with the right severity.
 */
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { Finding } from '../../src/check/finding.js';
import { checkFiles } from '../../src/check/site.js';
import type { OutputFile } from '../../src/model.js';

const root = join(import.meta.dirname, '../..');
const SLUG = 'le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement';
const PAGE = `articles/${SLUG}/index.html`;
let seed: OutputFile[];

beforeAll(async () => {
  seed = (await build({ contentDir: join(root, 'content'), write: false })).files;
});

const text = (files: readonly OutputFile[], path: string): string => {
  const file = files.find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`no ${path}`);
  return typeof file.contents === 'string' ? file.contents : new TextDecoder().decode(file.contents);
};

/** The seed with `path` replaced (or removed when `change` returns undefined). */
function changed(path: string, change: (contents: string) => string | undefined): OutputFile[] {
  const contents = change(text(seed, path));
  const others = seed.filter((file) => file.path !== path);
  return contents === undefined ? others : [...others, { path, contents }];
}

/** `change` must alter the file: a replacement that matches nothing would make a test pass for nothing. */
function replaced(path: string, from: string | RegExp, to: string): OutputFile[] {
  return changed(path, (contents) => {
    const next = contents.replace(from, to);
    if (next === contents) throw new Error(`${String(from)} is not in ${path}`);
    return next;
  });
}

const errors = (files: readonly OutputFile[]): Finding[] =>
  checkFiles(files, { folder: 'dist' }).findings.filter((finding) => finding.severity === 'error');
const rules = (findings: readonly Finding[]): string[] => [...new Set(findings.map((finding) => finding.rule))];

describe('the seed site', () => {
  it("has nothing to say: its article has the site's default image, its publisher a square logo", () => {
    const result = checkFiles(seed, { folder: 'dist' });
    expect(result.findings).toEqual([]);
    expect(result.files).toBe(seed.length);
    expect(result.baseUrl).toBe('https://depeche.example/');
  });
});

describe('XML and the feeds', () => {
  it('reports XML that is not well formed, with its line', () => {
    const found = errors(replaced('feed.xml', '</channel>', ''));
    expect(found).toEqual([expect.objectContaining({ file: 'dist/feed.xml', rule: 'xml', line: expect.any(Number) })]);
    expect(found[0]?.message).toMatch(/^expected well-formed XML: /);
  });

  it('validates Atom against the RFC 4287 schema', () => {
    const found = errors(replaced('atom.xml', /<id>https:\/\/depeche\.example\/articles\/[^<]*<\/id>/, ''));
    expect(rules(found)).toContain('atom-schema');
    expect(found.find((finding) => finding.rule === 'atom-schema')).toMatchObject({
      file: 'dist/atom.xml',
      line: expect.any(Number),
    });
  });

  it('requires an Atom author in every entry when the feed has none', () => {
    const files = replaced(
      'atom.xml',
      /<author>\s*<name>Dépêche<\/name>\s*<uri>https:\/\/depeche\.example\/<\/uri>\s*<\/author>/g,
      '',
    );
    expect(errors(files).filter((finding) => finding.rule === 'atom')).toEqual([
      expect.objectContaining({ field: '/feed/entry[1]/author', message: expect.stringContaining('RFC 4287 §4.1.1') }),
    ]);
  });

  it('requires the RSS channel elements, RFC 822 dates, and a URL in a permalink guid', () => {
    const files = changed('feed.xml', (xml) =>
      xml
        .replace(/<description>L’actualité[^<]*<\/description>/, '')
        .replace('<pubDate>Wed, 28 Feb 2024 09:00:00 +0100</pubDate>', '<pubDate>2024-02-28T09:00:00+01:00</pubDate>')
        .replace(/<guid isPermaLink="true">[^<]*<\/guid>/, '<guid isPermaLink="true">article-1</guid>'),
    );
    const found = errors(files);
    expect(found.map((finding) => `${finding.rule} ${finding.field}`)).toEqual(
      expect.arrayContaining([
        'rss /rss/channel/description',
        'rss-date /rss/channel/item[1]/pubDate',
        'rss /rss/channel/item[1]/guid',
      ]),
    );
  });

  it('warns of a two-digit year and of a missing guid and self link (RSS profile)', () => {
    const files = changed('feed.xml', (xml) =>
      xml
        .replace(
          '<pubDate>Wed, 28 Feb 2024 09:00:00 +0100</pubDate>',
          '<pubDate>Wed, 28 Feb 24 09:00:00 +0100</pubDate>',
        )
        .replace(/<guid isPermaLink="true">[^<]*<\/guid>/, '')
        .replace(/<atom:link [^>]*\/>/, ''),
    );
    const { findings } = checkFiles(files);
    expect(
      findings
        .filter((finding) => finding.file === 'feed.xml')
        .map((finding) => `${finding.severity} ${finding.field}`),
    ).toEqual(
      expect.arrayContaining([
        'warning /rss/channel/item[1]/pubDate',
        'warning /rss/channel/item[1]/guid',
        'warning /rss/channel/atom:link',
      ]),
    );
    expect(findings.filter((finding) => finding.file === 'feed.xml' && finding.severity === 'error')).toEqual([]);
  });

  it('checks JSON Feed 1.1: required members, types, dates, extensions', () => {
    const files = changed('feed.json', (json) => {
      const feed = JSON.parse(json) as { items: Record<string, unknown>[] } & Record<string, unknown>;
      const [item] = feed.items;
      if (item === undefined) throw new Error('no item');
      delete item.content_html;
      item.date_published = '2024-02-28 09:00';
      item.tags = 'IA';
      feed.bogus = true;
      feed._depeche = { ok: true };
      return JSON.stringify(feed);
    });
    const { findings } = checkFiles(files);
    const jsonFeed = findings
      .filter((finding) => finding.file === 'feed.json')
      .map((finding) => `${finding.severity} ${finding.field}`);
    expect(jsonFeed).toEqual([
      'warning $.bogus',
      'error $.items[0]',
      'error $.items[0].date_published',
      'error $.items[0].tags',
    ]);
  });

  it('requires the JSON Feed version, and knows feed.json without one', () => {
    const files = changed('feed.json', (json) =>
      JSON.stringify({ ...(JSON.parse(json) as object), version: undefined }),
    );
    expect(errors(files)).toEqual([
      expect.objectContaining({
        file: 'dist/feed.json',
        field: '$.version',
        rule: 'jsonfeed',
        message: 'expected "https://jsonfeed.org/version/1.1", found nothing',
      }),
    ]);
  });

  it('reports items that disagree between the feeds on the feed that differs', () => {
    const files = replaced('atom.xml', '<title type="html">Le partenariat', '<title type="html">LE partenariat');
    expect(errors(files)).toEqual([
      expect.objectContaining({
        file: 'dist/atom.xml',
        field: '/feed/entry[1]',
        rule: 'feeds-agree',
        message: expect.stringContaining('differs from dist/feed.json and dist/feed.xml'),
      }),
    ]);
  });

  it('reads an Atom type="html" title as HTML and RSS character references as text: the feeds agree', () => {
    // What the renderers write for a title `AT&T <3 …`; fast-xml-parser, below, reads it back.
    const title = 'AT&T <3 Le partenariat';
    let files = replaced(
      'atom.xml',
      '<title type="html">Le partenariat',
      '<title type="html">AT&amp;amp;T &amp;lt;3 Le partenariat',
    );
    const swap = (path: string, from: string, to: string): void => {
      const contents = text(files, path).replace(from, to);
      files = [...files.filter((file) => file.path !== path), { path, contents }];
    };
    swap('feed.xml', '<title>Le partenariat', '<title>AT&#x26;T &#x3C;3 Le partenariat');
    swap('feed.json', '"title": "Le partenariat', '"title": "AT&T <3 Le partenariat');
    expect(text(files, 'feed.json')).toContain(title);
    const rss = new XMLParser({ htmlEntities: true }).parse(text(files, 'feed.xml')) as {
      rss: { channel: { item: { title: string } } };
    };
    expect(rss.rss.channel.item.title.startsWith(title)).toBe(true);
    expect(errors(files).filter((finding) => finding.rule === 'feeds-agree')).toEqual([]);
    // The same text as type="text" in Atom (`&lt;3` meaning `<3` twice escaped) does disagree.
    const plain = replaced(
      'atom.xml',
      '<title type="html">Le partenariat',
      '<title type="text">AT&amp;amp;T Le partenariat',
    );
    expect(rules(errors(plain))).toContain('feeds-agree');
  });

  it('reports an item missing from one feed', () => {
    const files = changed('feed.json', (json) => JSON.stringify({ ...(JSON.parse(json) as object), items: [] }));
    expect(errors(files)).toEqual([
      expect.objectContaining({
        file: 'dist/feed.json',
        rule: 'feeds-agree',
        message: expect.stringContaining('is in dist/atom.xml and dist/feed.xml but not in dist/feed.json'),
      }),
    ]);
  });

  it('reports relative URLs in the HTML of feed items', () => {
    const files = changed('feed.json', (json) => {
      const feed = JSON.parse(json) as { items: Array<{ content_html: string }> };
      const [item] = feed.items;
      if (item !== undefined) item.content_html += '<p><a href="../autre/">x</a> <img src="/img/a.png" alt=""></p>';
      return JSON.stringify(feed);
    });
    expect(
      errors(files).map((finding) => `${finding.rule} ${finding.field} ${finding.message.split(': ')[0]}`),
    ).toEqual([
      'feed-relative-url $.items[0].content_html a href="../autre/"',
      'feed-relative-url $.items[0].content_html img src="/img/a.png"',
    ]);
  });
});

describe('pages', () => {
  it("checks each page's JSON-LD against the vocabulary, with the JSON path and the line of the block", () => {
    const files = replaced(PAGE, '"headline":', '"headlin":');
    const found = errors(files).filter((finding) => finding.rule === 'jsonld');
    expect(found).toEqual([
      expect.objectContaining({
        file: `dist/${PAGE}`,
        field: "$['@graph'][0].headlin",
        line: expect.any(Number),
        message: 'unknown property "headlin" (did you mean "headline"?)',
      }),
    ]);
  });

  it('checks the .jsonld files too, and says when a block is not JSON', () => {
    const path = `articles/${SLUG}/index.jsonld`;
    expect(
      errors(replaced(path, '"datePublished": "2024-02-28T09:00:00+01:00"', '"datePublished": "2024-02-28T09:00:00"')),
    ).toEqual([
      expect.objectContaining({
        file: `dist/${path}`,
        field: "$['@graph'][0].datePublished",
        rule: 'jsonld',
        message: expect.stringContaining('without a UTC offset'),
      }),
    ]);
    expect(errors(replaced(path, /\}\s*$/, ''))).toEqual([expect.objectContaining({ rule: 'jsonld-syntax' })]);
  });

  it('reports a missing image wherever it is referenced, and a broken internal link', () => {
    const found = errors(changed('logo.png', () => undefined));
    expect(rules(found)).toEqual(['missing-image']);
    expect(found.map((finding) => finding.file)).toEqual(
      expect.arrayContaining(['dist/index.html', `dist/${PAGE}`, 'dist/atom.xml']),
    );
    const broken = errors(
      replaced('index.html', '</main>', '<a href="/articles/nulle-part/">x</a><img src="photo.jpg" alt=""></main>'),
    );
    expect(broken.map((finding) => `${finding.rule} ${finding.field}`)).toEqual([
      'broken-link a href',
      'missing-image img src',
    ]);
    expect(broken[0]?.message).toBe(
      'a href points at /articles/nulle-part/: expected a page or file at dist/articles/nulle-part/index.html, found ' +
        'none',
    );
  });

  it('warns of a link to a fragment the page does not have', () => {
    const { findings } = checkFiles(
      replaced('index.html', '</main>', `<a href="/articles/${SLUG}/#quote-9">x</a><a href="#content">ok</a></main>`),
    );
    expect(findings.filter((finding) => finding.rule === 'broken-fragment')).toEqual([
      expect.objectContaining({
        file: 'index.html',
        severity: 'warning',
        message: expect.stringContaining('expected an element with id "quote-9"'),
      }),
    ]);
  });

  it("checks the sitemap's URLs", () => {
    expect(
      errors(
        replaced(
          'sitemap-1.xml',
          '<loc>https://depeche.example/</loc>',
          '<loc>https://depeche.example/nulle-part/</loc>',
        ),
      ),
    ).toEqual([
      expect.objectContaining({ file: 'dist/sitemap-1.xml', field: '/urlset/url[1]/loc', rule: 'broken-link' }),
    ]);
  });

  it('resolves links against --base-url when the site is served elsewhere', () => {
    const result = checkFiles(seed, { baseUrl: 'https://staging.example/news/' });
    expect(result.baseUrl).toBe('https://staging.example/news/');
    expect(result.errors).toBe(0);
  });
});
