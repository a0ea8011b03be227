/**
 * `_headers` read back the way each host reads it. The two matchers below restate, in a few lines,
 * the path rules of Netlify (`@netlify/headers-parser`, `getForRegExp`: `:name` is one segment, a
 * standalone `*` anything, a trailing `/` optional, case-insensitive) and of Cloudflare Pages
 * (`workers-shared` rules engine: one `*` is `.*`, `:name` is `[^/]+`, anchored, exact). Both hosts
 * apply every matching rule and join repeated headers with commas, which is what we must never let
 * happen.
 */
import { describe, expect, it } from 'vitest';
import { renderHeaders } from '../../src/render/headers.js';
import { localImage } from '../../src/images/variants.js';
import { dateTime, makeArticle, makeSite } from '../fixtures/factories.js';

interface Rule {
  path: string;
  headers: [string, string][];
}

/** Parses the file as both hosts document it: a path line, then indented `Name: value` lines. */
function parse(file: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of file.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    const rule = rules.at(-1);
    if (!match || !rule) throw new Error(`unreadable line ${JSON.stringify(line)}`);
    rule.headers.push([match[1] as string, match[2] as string]);
  }
  return rules;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

function netlify(pattern: string): RegExp {
  const parts = pattern
    .split('/')
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith(':')) return '([^/]+)';
      if (part === '*') return '?(.*)';
      return part.split('*').map(escapeRegExp).join('(.*)');
    });
  return new RegExp(`^/${parts.join('/')}/?$`, 'i');
}

function cloudflare(pattern: string): RegExp {
  const splat = pattern.split('*').map(escapeRegExp).join('(.*)');
  return new RegExp(`^${splat.replace(/:([A-Za-z]\w*)/g, '([^/]+)')}$`);
}

/** The headers a host sends for `path`: every matching rule, a repeated header joined by commas. */
function served(rules: Rule[], matcher: (pattern: string) => RegExp, path: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules.filter((r) => matcher(r.path).test(path))) {
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return headers;
}

/** The rules of the streams of the factory's articles (a section and tags), under `base`. */
const streamPaths = (base: string): string[] => [
  `${base}page/:n/`,
  `${base}sections/`,
  `${base}tags/`,
  ...['sections', 'tags'].flatMap((kind) =>
    [':slug/', ':slug/page/:n/', ':slug/feed.xml', ':slug/atom.xml', ':slug/feed.json'].map(
      (rest) => `${base}${kind}/${rest}`,
    ),
  ),
];

const site = makeSite({ articles: [makeArticle({ slug: 'un' }), makeArticle({ slug: 'deux' })] });
const file = renderHeaders(site);
const rules = parse(String(file.contents));

describe('renderHeaders', () => {
  it('writes _headers at the root, one block a rule', () => {
    expect(file.path).toBe('_headers');
    expect(rules.map((rule) => rule.path)).toEqual([
      '/*',
      '/',
      '/articles/:slug/',
      '/articles/:slug/index.jsonld',
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      '/page/:n/',
      '/sections/',
      '/tags/',
      '/sections/:slug/',
      '/sections/:slug/page/:n/',
      '/sections/:slug/feed.xml',
      '/sections/:slug/atom.xml',
      '/sections/:slug/feed.json',
      '/tags/:slug/',
      '/tags/:slug/page/:n/',
      '/tags/:slug/feed.xml',
      '/tags/:slug/atom.xml',
      '/tags/:slug/feed.json',
      '/feeds/archive/2024/02.xml',
      '/feeds/archive/2024/02.atom',
      '/feeds/archive/2024/02.json',
      '/logo.png',
    ]);
  });

  const expected: [path: string, type: string | undefined, cache: string][] = [
    ['/feed.xml', 'application/rss+xml; charset=utf-8', 'public, max-age=300'],
    ['/atom.xml', 'application/atom+xml; charset=utf-8', 'public, max-age=300'],
    ['/feed.json', 'application/feed+json; charset=utf-8', 'public, max-age=300'],
    ['/articles/un/index.jsonld', 'application/ld+json; charset=utf-8', 'public, max-age=300'],
    ['/articles/deux/index.jsonld', 'application/ld+json; charset=utf-8', 'public, max-age=300'],
    ['/', undefined, 'public, max-age=0, must-revalidate'],
    ['/articles/un/', undefined, 'public, max-age=0, must-revalidate'],
    ['/logo.png', undefined, 'public, max-age=604800'],
    // The streams' pages and feeds (the articles' section, Tech, and tags, IA and Europe), as the site's.
    ['/page/2/', undefined, 'public, max-age=0, must-revalidate'],
    ['/tags/', undefined, 'public, max-age=0, must-revalidate'],
    ['/tags/ia/', undefined, 'public, max-age=0, must-revalidate'],
    ['/tags/ia/page/2/', undefined, 'public, max-age=0, must-revalidate'],
    ['/sections/tech/', undefined, 'public, max-age=0, must-revalidate'],
    ['/tags/europe/feed.xml', 'application/rss+xml; charset=utf-8', 'public, max-age=300'],
    ['/sections/tech/atom.xml', 'application/atom+xml; charset=utf-8', 'public, max-age=300'],
    ['/tags/ia/feed.json', 'application/feed+json; charset=utf-8', 'public, max-age=300'],
    // A closed month's archive is kept a year (the month of now, 2024-03, keeps the host's default).
    ['/feeds/archive/2024/02.xml', undefined, 'public, max-age=31536000, immutable'],
    ['/feeds/archive/2024/02.atom', undefined, 'public, max-age=31536000, immutable'],
    ['/feeds/archive/2024/02.json', undefined, 'public, max-age=31536000, immutable'],
  ];

  for (const [host, matcher] of [
    ['Netlify', netlify],
    ['Cloudflare Pages', cloudflare],
  ] as const) {
    it(`gives each file one media type and one cache policy on ${host}`, () => {
      for (const [path, type, cache] of expected) {
        const headers = served(rules, matcher, path);
        expect(headers.get('content-type'), path).toBe(type);
        expect(headers.get('cache-control'), path).toBe(cache);
        expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      }
      expect(served(rules, matcher, '/feed.json').get('access-control-allow-origin')).toBe('*');
    });

    it(`never lets two rules set one header on the same path on ${host}`, () => {
      const paths = [
        ...expected.map(([path]) => path),
        '/articles/un/index.html',
        '/404.html',
        '/sitemap.xml',
        '/robots.txt',
        '/nope/x/y',
      ];
      for (const path of paths) {
        for (const value of served(rules, matcher, path).values())
          expect(value, path).not.toMatch(/, (public|application|nosniff|\*)/);
      }
    });
  }

  it('keeps a year of closed archives with one rule, and a few rules however long the history', () => {
    const old = makeArticle({ slug: 'ancien', datePublished: dateTime('2019-06-10T08:00:00+02:00') });
    const long = makeSite({ articles: [makeArticle(), old] });
    const paths = parse(String(renderHeaders(long).contents)).map((rule) => rule.path);
    const archives = paths.filter((path) => path.startsWith('/feeds/archive/'));
    expect(archives).toEqual([
      ...['2019', '2020', '2021', '2022', '2023'].map((year) => `/feeds/archive/${year}/*`),
      '/feeds/archive/2024/01.xml',
      '/feeds/archive/2024/01.atom',
      '/feeds/archive/2024/01.json',
      '/feeds/archive/2024/02.xml',
      '/feeds/archive/2024/02.atom',
      '/feeds/archive/2024/02.json',
    ]);
    for (const [host, matcher] of [
      ['Netlify', netlify],
      ['Cloudflare Pages', cloudflare],
    ] as const) {
      const rules = parse(String(renderHeaders(long).contents));
      expect(served(rules, matcher, '/feeds/archive/2021/07.atom').get('cache-control'), host).toBe(
        'public, max-age=31536000, immutable',
      );
      expect(served(rules, matcher, '/feeds/archive/2024/03.atom').get('cache-control'), host).toBeUndefined();
    }
  });

  it('follows the site under a path, and leaves out a logo served elsewhere', () => {
    const logo = { url: 'https://cdn.example/logo.png', alt: 'Logo', width: 600, height: 60 };
    const under = makeSite({
      url: 'https://news.example/fr/',
      feeds: {
        rss: 'https://news.example/fr/feed.xml',
        atom: 'https://news.example/fr/atom.xml',
        json: 'https://news.example/fr/feed.json',
      },
      publisher: { ...makeSite().publisher, logo },
    });
    const paths = parse(String(renderHeaders(under).contents)).map((rule) => rule.path);
    expect(paths).toEqual([
      '/fr/*',
      '/fr/',
      '/fr/articles/:slug/',
      '/fr/articles/:slug/index.jsonld',
      '/fr/feed.xml',
      '/fr/atom.xml',
      '/fr/feed.json',
      ...streamPaths('/fr/'),
      '/fr/feeds/archive/2024/02.xml',
      '/fr/feeds/archive/2024/02.atom',
      '/fr/feeds/archive/2024/02.json',
    ]);
    // `deploy.root: site`: dist/ is the root of a host of its own, a proxy in front adds /fr/.
    const proxied = parse(String(renderHeaders({ ...under, deployRoot: 'site' }).contents)).map((rule) => rule.path);
    expect(proxied).toEqual([
      '/*',
      '/',
      '/articles/:slug/',
      '/articles/:slug/index.jsonld',
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      ...streamPaths('/'),
      '/feeds/archive/2024/02.xml',
      '/feeds/archive/2024/02.atom',
      '/feeds/archive/2024/02.json',
    ]);
  });

  describe('on a site of two languages', () => {
    const english = makeArticle({
      slug: 'strike',
      lang: 'en',
      path: 'en/articles/strike/',
      url: 'https://depeche.example/en/articles/strike/',
      id: 'https://depeche.example/en/articles/strike/',
      section: 'Economy',
      tags: ['Jobs'],
    });
    const bilingual = makeSite({
      articles: [makeArticle({ slug: 'un' }), english],
      languages: [
        { tag: 'fr', path: '', authors: new Map() },
        { tag: 'en', path: 'en/', authors: new Map() },
      ],
      hubs: ['https://hub.example/'],
    });
    const rules = parse(String(renderHeaders(bilingual).contents));

    it("gives the other language's home page, streams and feeds the rules of the default's, in its folder", () => {
      const paths = rules.map((rule) => rule.path);
      expect(paths).toEqual(expect.arrayContaining([...streamPaths('/'), ...streamPaths('/en/'), '/en/']));
      // The English home page names the hubs with its own URL as the topic, as the French one does.
      const home = rules.find((rule) => rule.path === '/en/');
      expect(home?.headers).toContainEqual([
        'Link',
        '<https://hub.example/>; rel="hub", <https://depeche.example/en/>; rel="self"',
      ]);
    });

    for (const [host, matcher] of [
      ['Netlify', netlify],
      ['Cloudflare Pages', cloudflare],
    ] as const) {
      it(`serves each language's pages and feeds with one media type and one cache policy on ${host}`, () => {
        const page = 'public, max-age=0, must-revalidate';
        const data = 'public, max-age=300';
        const checks: [path: string, type: string | undefined, cache: string][] = [];
        for (const base of ['/', '/en/']) {
          checks.push([base, undefined, page], [`${base}page/2/`, undefined, page], [`${base}tags/`, undefined, page]);
          for (const stream of base === '/' ? ['sections/tech/', 'tags/ia/'] : ['sections/economy/', 'tags/jobs/'])
            checks.push(
              [base + stream, undefined, page],
              [`${base}${stream}page/2/`, undefined, page],
              [`${base}${stream}feed.xml`, 'application/rss+xml; charset=utf-8', data],
              [`${base}${stream}atom.xml`, 'application/atom+xml; charset=utf-8', data],
              [`${base}${stream}feed.json`, 'application/feed+json; charset=utf-8', data],
            );
        }
        for (const [path, type, cache] of checks) {
          const headers = served(rules, matcher, path);
          expect(headers.get('content-type'), path).toBe(type);
          expect(headers.get('cache-control'), path).toBe(cache);
          for (const value of headers.values()) expect(value, path).not.toMatch(/, (public|application|nosniff|\*)/);
        }
      });
    }
  });

  describe('on a site with local images', () => {
    const local = localImage(
      'https://depeche.example/',
      'images/place.jpg',
      {
        width: 2400,
        height: 1600,
        hash: '0123456789abcdef',
      },
      { x: 0.5, y: 0.5 },
    );
    const withImage = makeArticle({
      image: { url: local.crops[0]?.url ?? '', alt: '', width: 1200, height: 675, local },
    });
    const site = (logo: string) =>
      makeSite({
        articles: [withImage],
        publisher: { ...makeSite().publisher, logo: { url: logo, alt: 'Logo', width: 600, height: 60 } },
      });

    for (const [host, matcher] of [
      ['Netlify', netlify],
      ['Cloudflare Pages', cloudflare],
    ] as const) {
      it(`caches every hashed variant a year, immutable, and nothing twice, on ${host}`, () => {
        const rules = parse(String(renderHeaders(site('https://depeche.example/images/logo-site.png')).contents));
        const files = [...local.widths.flatMap((width) => [width.webp, width.jpeg]), ...local.crops];
        for (const path of [...files.map((file) => `/${file.path}`), '/images/logo-site.png']) {
          const headers = served(rules, matcher, path);
          expect(headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
          expect(headers.get('x-content-type-options'), path).toBe('nosniff');
        }
      });
    }

    it('keeps the logo its week when the hashed rule does not match it', () => {
      const rules = parse(String(renderHeaders(site('https://depeche.example/logo.png')).contents));
      expect(rules.map((rule) => rule.path).slice(-2)).toEqual(['/logo.png', '/images/*-*']);
      expect(served(rules, netlify, '/logo.png').get('cache-control')).toBe('public, max-age=604800');
    });
  });
});
