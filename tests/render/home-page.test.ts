import { describe, expect, it } from 'vitest';
import { renderHomePage } from '../../src/render/home-page.js';
import { dateTime, makeArticle, makeSite } from '../fixtures/factories.js';
import { attr, dom, elements, one, text, type T } from '../helpers/html-reading.js';

function render(site = makeSite()) {
  const [file] = renderHomePage(site);
  if (file === undefined) throw new Error('expected a page');
  if (typeof file.contents !== 'string') throw new Error('expected text');
  return { file, ...dom(file.contents) };
}

const articles = [
  makeArticle({
    slug: 'trois',
    title: 'Troisième',
    description: 'Le plus récent.',
    datePublished: dateTime('2024-03-02T10:00:00+01:00'),
  }),
  makeArticle({
    slug: 'deux',
    title: 'Deuxième',
    section: undefined,
    datePublished: dateTime('2024-03-01T10:00:00+01:00'),
  }),
  makeArticle({ slug: 'un', title: 'Premier', lang: 'en', datePublished: dateTime('2024-02-01T07:30:00Z') }),
];

describe('renderHomePage', () => {
  it('writes index.html, a conformant document in the site language', () => {
    const { file, document, errors } = render(makeSite({ articles }));
    expect(file.path).toBe('index.html');
    expect(errors).toEqual([]);
    expect(attr(one(document, 'html'), 'lang')).toBe('fr');
    expect(text(one(document, 'title'))).toBe('Dépêche');
    expect(text(one(document, 'h1'))).toBe('Dépêche');
    const canonical = elements(document, 'link').filter((l) => attr(l, 'rel') === 'canonical');
    expect(canonical.map((l) => attr(l, 'href'))).toEqual(['https://depeche.example/']);
  });

  it('links the three feeds for autodiscovery', () => {
    const { document } = render();
    const alternates = elements(one(document, 'head'), 'link').filter((l) => attr(l, 'rel') === 'alternate');
    expect(alternates.map((l) => [attr(l, 'type'), attr(l, 'href')])).toEqual([
      ['application/rss+xml', 'https://depeche.example/feed.xml'],
      ['application/atom+xml', 'https://depeche.example/atom.xml'],
      ['application/feed+json', 'https://depeche.example/feed.json'],
    ]);
  });

  it('lists the articles newest first with their link, date and standfirst', () => {
    const { document } = render(makeSite({ articles }));
    const items = elements(one(document, 'ol'), 'li');
    expect(items.map((li) => text(one(li, 'a')))).toEqual(['Troisième', 'Deuxième', 'Premier']);
    expect(items.map((li) => attr(one(li, 'a'), 'href'))).toEqual([
      'https://depeche.example/articles/trois/',
      'https://depeche.example/articles/deux/',
      'https://depeche.example/articles/un/',
    ]);
    expect(items.map((li) => attr(one(li, 'time'), 'datetime'))).toEqual([
      '2024-03-02T10:00:00+01:00',
      '2024-03-01T10:00:00+01:00',
      '2024-02-01T07:30:00Z',
    ]);
    expect(text(one(items[2] as T.Element, 'time'))).toBe('1er février 2024 à 7\u00a0h\u00a030');
    expect(text(items[0] as T.Element)).toContain('Le plus récent.');
    expect(items.map((li) => attr(one(li, 'article'), 'lang'))).toEqual([undefined, undefined, 'en']);
  });

  it('heads each article with its section when it has one', () => {
    const { document } = render(makeSite({ articles }));
    const kickers = elements(one(document, 'ol'), 'li').map((li) =>
      elements(li, 'p')
        .filter((p) => attr(p, 'class') === 'kicker')
        .map(text),
    );
    expect(kickers).toEqual([['Tech'], [], ['Tech']]);
  });

  it('puts the header bar, the main column, the subscribe box and the footer in one column', () => {
    const { document } = render();
    const body = one(document, 'body');
    const column = (element: T.Element): boolean => attr(element, 'class')?.split(' ').includes('wrap') ?? false;
    const inner = (tag: string): T.Element => elements(one(body, tag), 'div').find(column) as T.Element;
    expect(column(one(body, 'main'))).toBe(true);
    expect(column(one(body, 'aside'))).toBe(true);
    expect(inner('header')).toBeDefined();
    expect(inner('footer')).toBeDefined();
    const follow = elements(one(body, 'header'), 'a').map((a) => [attr(a, 'href'), text(a)]);
    expect(follow).toEqual([
      ['https://depeche.example/', 'Dépêche'],
      ['#subscribe', 'S’abonner'],
    ]);
  });

  it('embeds the site JSON-LD: the WebSite, its publisher, the CollectionPage and its ItemList', () => {
    const { document } = render();
    const script = one(document, 'script');
    expect(attr(script, 'type')).toBe('application/ld+json');
    const graph = JSON.parse(text(script)) as { '@context': string; '@graph': { '@type': string; '@id': string }[] };
    expect(graph['@context']).toBe('https://schema.org');
    expect(graph['@graph'].map((n) => [n['@type'], n['@id']])).toEqual([
      ['WebSite', 'https://depeche.example/#website'],
      ['NewsMediaOrganization', 'https://depeche.example/#publisher'],
      ['CollectionPage', 'https://depeche.example/#webpage'],
      ['ItemList', 'https://depeche.example/#articles'],
    ]);
  });

  it('is paginated: page.size articles a page, page/2/ on, rel prev/next, a canonical and an ItemList each', () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      makeArticle({ slug: `a${i}`, datePublished: dateTime(`2024-03-0${5 - i}T10:00:00+01:00`) }),
    );
    const pages = renderHomePage(makeSite({ articles: many, pageSize: 2 }));
    expect(pages.map((p) => p.path)).toEqual(['index.html', 'page/2/index.html', 'page/3/index.html']);
    const read = pages.map((p) => dom(p.contents as string));
    expect(read.flatMap((r) => r.errors)).toEqual([]);
    const links = (r: (typeof read)[number], rel: string) =>
      elements(r.document, 'link')
        .filter((l) => attr(l, 'rel') === rel)
        .map((l) => attr(l, 'href'));
    const [first, second, third] = read as [(typeof read)[0], (typeof read)[0], (typeof read)[0]];
    expect(links(second, 'canonical')).toEqual(['https://depeche.example/page/2/']);
    expect(links(first, 'prev')).toEqual([]);
    expect(links(first, 'next')).toEqual(['https://depeche.example/page/2/']);
    expect(links(second, 'prev')).toEqual(['https://depeche.example/']);
    expect(links(second, 'next')).toEqual(['https://depeche.example/page/3/']);
    expect(links(third, 'next')).toEqual([]);
    const hrefs = (r: (typeof read)[0]) => elements(r.document, 'h3').map((h) => attr(one(h, 'a'), 'href'));
    expect(hrefs(second)).toEqual([many[2]?.url, many[3]?.url]);
    expect(hrefs(third)).toEqual([many[4]?.url]);
    const graph = JSON.parse(text(one(second.document, 'script'))) as { '@graph': Record<string, unknown>[] };
    const list = graph['@graph'].find((n) => n['@type'] === 'ItemList');
    expect(list).toMatchObject({
      numberOfItems: 5,
      itemListElement: [
        { '@type': 'ListItem', position: 3, url: many[2]?.url },
        { '@type': 'ListItem', position: 4, url: many[3]?.url },
      ],
    });
  });

  it('escapes hostile titles and descriptions', () => {
    const hostile = `</script><script>alert(1)</script> <!-- ]]> &amp; "double" 'single'`;
    const site = makeSite({
      title: hostile,
      description: hostile,
      articles: [makeArticle({ title: hostile, description: hostile })],
    });
    const { document, errors } = render(site);
    expect(errors).toEqual([]);
    expect(elements(document, 'script')).toHaveLength(1);
    expect(text(one(document, 'h1'))).toBe(hostile);
    expect(text(one(one(document, 'ol'), 'a'))).toBe(hostile);
    const description = elements(document, 'meta').find((m) => attr(m, 'name') === 'description') as T.Element;
    expect(attr(description, 'content')).toBe(hostile);
    const graph = JSON.parse(text(one(document, 'script'))) as { '@graph': { name?: string }[] };
    expect(graph['@graph'][0]?.name).toBe(hostile);
  });

  it('renders an empty site', () => {
    const { document, errors } = render(makeSite({ articles: [] }));
    expect(errors).toEqual([]);
    expect(elements(one(document, 'ol'), 'li')).toEqual([]);
  });
});
