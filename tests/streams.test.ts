import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { siteStreams, streamSite } from '../src/streams.js';
import { dateTime, makeArticle, makeSite } from './fixtures/factories.js';

const camille = {
  name: 'Camille Dupont',
  sameAs: [],
  page: 'authors/camille-dupont/',
  url: 'https://depeche.example/authors/camille-dupont/',
};

function site() {
  const old = makeArticle({
    slug: 'ancien',
    section: 'Économie',
    tags: ['IA', 'Europe'],
    authors: [camille],
    datePublished: dateTime('2024-01-01T09:00:00+01:00'),
  });
  const recent = makeArticle({
    slug: 'recent',
    section: 'economie',
    tags: ['ia', 'Ia'],
    authors: [{ name: 'Invité', sameAs: [] }],
    datePublished: dateTime('2024-02-01T09:00:00+01:00'),
  });
  return makeSite({
    articles: [recent, old],
    authors: [camille, { ...camille, name: 'Sans article', page: 'authors/sans/' }],
  });
}

describe('siteStreams', () => {
  it('gives each section, tag and declared author a French-aware slug and its articles newest first', () => {
    const streams = siteStreams(site());
    expect(streams.sections.map((s) => [s.name, s.path, s.articles.map((a) => a.slug)])).toEqual([
      ['Économie', 'sections/economie/', ['recent', 'ancien']],
    ]);
    expect(streams.tags.map((s) => [s.name, s.slug, s.articles.map((a) => a.slug)])).toEqual([
      ['Europe', 'europe', ['ancien']],
      ['IA', 'ia', ['recent', 'ancien']],
    ]);
    expect(streams.authors.map((s) => [s.name, s.url, s.articles.length])).toEqual([
      ['Camille Dupont', 'https://depeche.example/authors/camille-dupont/', 1],
      ['Sans article', 'https://depeche.example/authors/sans/', 0],
    ]);
    expect(streams.problems).toEqual([]);
  });

  it('merges spellings under the first published, with a warning naming both files', () => {
    const { warnings } = siteStreams(site());
    expect(warnings.map((w) => [w.file, w.field])).toEqual([
      ['content/articles/recent.md', 'section'],
      ['content/articles/recent.md', 'tags'],
      ['content/articles/recent.md', 'tags'],
    ]);
    expect(warnings[1]?.message).toBe(
      '"ia" has the address of "IA" (content/articles/ancien.md), tags/ia/: merged as "IA"',
    );
  });

  it('gives a name without a slug no stream, with a warning naming the file and the field', () => {
    const streams = siteStreams(makeSite({ articles: [makeArticle({ tags: ['!!!', '日本'] })] }));
    expect(streams.warnings).toEqual([
      {
        file: 'content/articles/un-article.md',
        field: 'tags',
        message: '"!!!" has no letter or digit that an address can carry: it gets no page',
      },
      {
        file: 'content/articles/un-article.md',
        field: 'tags',
        message: '"日本" has no letter or digit that an address can carry: it gets no page',
      },
    ]);
    expect(streams.tags).toEqual([]);
    expect(streams.problems).toEqual([]);
  });
});

describe('streamSite', () => {
  it('is the site as the stream feeds show it: its title, page, feeds, standfirsts, no archive', () => {
    const whole = site();
    const stream = siteStreams(whole).tags[1];
    if (stream === undefined) throw new Error('no stream');
    const view = streamSite({ ...whole, feedLimit: 1 }, stream);
    expect(view.title).toBe('Dépêche — IA');
    expect(view.url).toBe('https://depeche.example/tags/ia/');
    expect(view.feeds.atom).toBe('https://depeche.example/tags/ia/atom.xml');
    expect(view.archived).toBe(false);
    expect(view.articles.map((a) => [a.slug, a.contentHtml])).toEqual([['recent', '<p>Le chapeau de l’article.</p>']]);
    expect(view.updated.iso).toBe('2024-02-01T09:00:00+01:00');
  });
});

describe('a build with streams', () => {
  const fixtures = fileURLToPath(new URL('./fixtures/valid', import.meta.url));
  const record = (slug: string, date: string, tags: string) =>
    `---\ntitle: ${slug}\ndescription: Un chapeau.\ndatePublished: ${date}\ntags: ${tags}\n---\nLe texte.\n`;
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'depeche-streams-'));
    cpSync(fixtures, join(scratch, 'content'), { recursive: true });
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('warns of a merged spelling, naming both files, and writes one stream', async () => {
    writeFileSync(join(scratch, 'content/articles/premier.md'), record('premier', '2020-01-01T09:00:00Z', '[IA]'));
    writeFileSync(join(scratch, 'content/articles/second.md'), record('second', '2020-02-01T09:00:00Z', '[ia]'));
    const result = await build({ contentDir: join(scratch, 'content'), write: false });
    const merged = result.warnings.filter((warning) => warning.message.includes('merged'));
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ file: expect.stringMatching(/second\.md$/), line: 5, field: 'tags' });
    expect(merged[0]?.message).toMatch(/premier\.md/);
    const page = result.files.find((file) => file.path === 'tags/ia/index.html');
    expect(page && String(page.contents)).toContain('<h1>IA</h1>');
  });

  it('fails on an author page that is an article page, naming the article', async () => {
    const settings = join(scratch, 'content/site.yaml');
    const yaml = readFileSync(settings, 'utf8').replace('url: /auteurs/camille/', 'url: /articles/vide/');
    expect(yaml).toContain('/articles/vide/');
    writeFileSync(settings, yaml);
    writeFileSync(join(scratch, 'content/articles/vide.md'), record('vide', '2020-01-01T09:00:00Z', '[]'));
    await expect(build({ contentDir: join(scratch, 'content'), write: false })).rejects.toThrow(
      /vide\.md:\d+ \(path\): expected a page of its own, found the page of author "Camille Dupont", articles\/vide\//,
    );
  });
});
