import { describe, expect, it } from 'vitest';
import { parseSiteConfig, type SiteConfig } from '../src/config.js';
import type { Problem } from '../src/errors.js';

const BASE = `url: https://depeche.example/
title: Dépêche
description: Un site.
language: fr
publisher:
  name: Dépêche
  url: https://depeche.example/
  logo: { src: /logo.png, width: 600, height: 60 }
`;

function parse(extra: string): SiteConfig | Problem[] {
  return parseSiteConfig('content/site.yaml', BASE + extra);
}

function config(extra: string): SiteConfig {
  const parsed = parse(extra);
  if (Array.isArray(parsed)) throw new Error(JSON.stringify(parsed));
  return parsed;
}

describe('parseSiteConfig: streams', () => {
  it('defaults to 20 articles a page and feeds for every kind of stream', () => {
    expect(config('')).toMatchObject({ pageSize: 20, streamFeeds: ['sections', 'tags', 'authors'] });
    expect(config('pages: { size: 5 }\nfeeds: { streams: [authors] }\n')).toMatchObject({
      pageSize: 5,
      streamFeeds: ['authors'],
    });
  });

  it('refuses an unknown kind of stream at its line', () => {
    expect(parse('feeds:\n  streams: [sections, topics]\n')).toEqual([
      expect.objectContaining({ file: 'content/site.yaml', line: 10, field: 'feeds.streams[1]' }),
    ]);
  });

  it('gives each declared author a page: its slug, or the folder its url names inside the site', () => {
    const { authors } = config(`authors:
  elise:
    name: Élise Durand
    jobTitle: Reporter
    bio: Suit l’Europe.
    image: { src: /elise.jpg, alt: Élise, width: 400, height: 400 }
  jean:
    name: Jean
    url: /auteurs/jean/
  kai:
    name: Kai
    slug: kai-z
    url: https://kai.example/
`);
    expect(authors.get('elise')).toEqual({
      name: 'Élise Durand',
      url: 'https://depeche.example/authors/elise-durand/',
      sameAs: [],
      page: 'authors/elise-durand/',
      jobTitle: 'Reporter',
      bio: 'Suit l’Europe.',
      image: { url: 'https://depeche.example/elise.jpg', alt: 'Élise', width: 400, height: 400 },
    });
    expect(authors.get('jean')).toMatchObject({ url: 'https://depeche.example/auteurs/jean/', page: 'auteurs/jean/' });
    expect(authors.get('kai')).toMatchObject({ url: 'https://kai.example/', page: 'authors/kai-z/' });
  });

  it('makes a slug of the id when the name has none or another author has it', () => {
    const { authors } = config('authors:\n  a: { name: Élise }\n  b: { name: elise }\n  jp: { name: 日本 }\n');
    expect([...authors.values()].map((author) => author.page)).toEqual(['authors/elise/', 'authors/b/', 'authors/jp/']);
  });

  it('refuses two authors with one slug, naming the line and the other author', () => {
    const problems = parse('authors:\n  a: { name: Élise }\n  b: { name: B, slug: elise }\n');
    expect(problems).toEqual([
      {
        file: 'content/site.yaml',
        line: 11,
        field: 'authors.b.slug',
        message: 'expected a slug of its own for the author page, found "elise", the slug of author a',
      },
    ]);
  });
  it('refuses an author url naming a folder of the site that no page can have, at its line', () => {
    for (const [url, found] of [
      ['/équipe/élise/', '/équipe/élise/'],
      ['"&amp;\\\\"', '&amp;\\'],
      ['/Team/Elise/', '/Team/Elise/'],
    ]) {
      expect(parse(`authors:\n  elise:\n    name: Élise\n    url: ${url}\n`)).toEqual([
        {
          file: 'content/site.yaml',
          line: 12,
          field: 'authors.elise.url',
          message:
            'expected a folder of the site whose names hold only lowercase letters, digits, "-", "_" and "." ' +
            `(such as https://depeche.example/authors/elise/), found "${found}"`,
          hint: 'leave out the url and give a slug: the author page is then authors/<slug>/',
        },
      ]);
    }
  });

  it('refuses two authors whose urls name one folder, naming the other author', () => {
    const problems = parse('authors:\n  a: { name: A, url: /equipe/ }\n  b: { name: B, url: /equipe/ }\n');
    expect(problems).toEqual([
      {
        file: 'content/site.yaml',
        line: 11,
        field: 'authors.b.url',
        message: 'expected an author page of its own, found equipe/, the page of author a',
      },
    ]);
  });
});

describe('parseSiteConfig: labels', () => {
  it('warns once, at the line of language, when the pages have no labels in it', () => {
    const sv = parseSiteConfig('content/site.yaml', BASE.replace('language: fr', 'language: sv'));
    if (Array.isArray(sv)) throw new Error(JSON.stringify(sv));
    expect(sv.warnings).toEqual([expect.objectContaining({ file: 'content/site.yaml', line: 4, field: 'language' })]);
    expect(sv.warnings[0]?.message).toContain('"sv": its pages are labelled in English');
    expect(config('').warnings).toEqual([]);
    expect(parseSiteConfig('content/site.yaml', BASE.replace('language: fr', 'language: pt-BR'))).toMatchObject({
      warnings: [],
    });
  });
});
