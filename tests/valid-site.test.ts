/**
 * A site that uses every field of the contract (tests/fixtures/valid), plus a record saved on
 * Windows with a BOM and CRLF line ends: built in memory and read back with independent parsers.
 */
import { join } from 'node:path';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/build.js';
import { validateJsonLd } from '../src/check/jsonld.js';
import { checkFiles } from '../src/check/site.js';
import { assertValidAtom } from './helpers/atom-schema.js';

const root = join(import.meta.dirname, '..');
let result: BuildResult;
const output = (path: string): string => {
  const file = result.files.find((candidate) => candidate.path === path);
  if (file === undefined || typeof file.contents !== 'string') throw new Error(`no text output ${path}`);
  return file.contents;
};

beforeAll(async () => {
  result = await build({ contentDir: join(root, 'tests/fixtures/valid'), write: false });
});

describe('a site using every field', () => {
  it('accepts a BOM and CRLF line ends, and sorts newest first', () => {
    expect(result.site.articles.map((article) => article.slug)).toEqual(['windows-crlf-bom', 'tous-les-champs']);
    const windows = result.site.articles[0];
    expect(windows?.title).toBe('Un article écrit sous Windows');
    expect(windows?.contentHtml).not.toContain('\r');
    expect(windows?.contentHtml).toContain('href="https://depeche.example/articles/tous-les-champs/"');
    expect(windows?.contentHtml).toContain('src="https://depeche.example/images/b.png"');
  });

  it('RSS: a guid that is not the URL is no permalink; authors and the modified date come through', () => {
    const item = parseRssFeed(output('feed.xml')).items?.find(
      (candidate) => candidate.title === 'Un article qui remplit tous les champs',
    );
    expect(item?.guid).toEqual({ value: 'urn:uuid:0b7e5d2c-6f0a-4b8e-9d61-3a4c2e1f0a11', isPermaLink: false });
    expect(item?.dc?.creators).toEqual(['Camille Dupont', 'Jean Invité']);
    expect(item?.categories?.map((category) => category.name)).toEqual(['IA', 'Europe']);
  });

  it('Atom: the entry carries its own language, its modified date and author URIs; the feed is valid', () => {
    const xml = output('atom.xml');
    expect(() => assertValidAtom(xml)).not.toThrow();
    expect(xml).toContain('<entry xml:lang="fr-CA">');
    const entry = parseAtomFeed(xml).entries?.find(
      (candidate) => candidate.id === 'urn:uuid:0b7e5d2c-6f0a-4b8e-9d61-3a4c2e1f0a11',
    );
    expect(entry?.updated).toBe('2024-02-29T18:15:00+01:00');
    expect(entry?.authors).toEqual([
      { name: 'Camille Dupont', uri: 'https://depeche.example/auteurs/camille/' },
      { name: 'Jean Invité', uri: 'https://invite.example/' },
    ]);
  });

  it('every page carries JSON-LD that fits the schema.org vocabulary', () => {
    const pages = result.files.filter((file) => file.path.endsWith('.jsonld'));
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(validateJsonLd(JSON.parse(String(page.contents)))).toEqual([]);
    const graph = JSON.parse(output('articles/tous-les-champs/index.jsonld')) as {
      '@graph': Record<string, unknown>[];
    };
    const article = graph['@graph'].find((node) => node['@type'] === 'NewsArticle');
    expect(article?.['@id']).toBe('urn:uuid:0b7e5d2c-6f0a-4b8e-9d61-3a4c2e1f0a11');
    expect(article?.inLanguage).toBe('fr-CA');
    expect(article?.dateModified).toBe('2024-02-29T18:15:00+01:00');
    // The local image as its three crops, each named by its hash, each as wide as Google asks.
    const images = article?.image as { '@type': string; url: string; width: { value: number } }[];
    expect(images.map((image) => image['@type'])).toEqual(['ImageObject', 'ImageObject', 'ImageObject']);
    for (const [index, ratio] of ['16x9', '4x3', '1x1'].entries()) {
      expect(images[index]?.url).toMatch(
        new RegExp(`^https://depeche\\.example/images/une-[0-9a-f]{16}-${ratio}\\.jpg$`),
      );
      expect(images[index]?.width.value).toBe(1200);
    }
    expect(article?.author).toEqual([
      {
        '@type': 'Person',
        // The author page that the declared author's url names inside the site: built, not in public/.
        '@id': 'https://depeche.example/auteurs/camille/#person',
        name: 'Camille Dupont',
        url: 'https://depeche.example/auteurs/camille/',
        sameAs: ['https://mastodon.example/@camille'],
      },
      { '@type': 'Person', name: 'Jean Invité', url: 'https://invite.example/' },
    ]);
  });
});

describe('depeche check on the site using every field', () => {
  it('finds no error: its images and logo are in public/, its author page is built, its links resolve', () => {
    const report = checkFiles(result.files);
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    // The fixture's declared logo is a 600 × 60 masthead: under Google's 112 × 112, reported once for the site.
    expect(report.findings.map((finding) => `${finding.file} ${finding.rule}`)).toEqual([
      expect.stringMatching(/^\S+\.html google-logo$/),
      'articles/windows-crlf-bom/index.html google-article-image',
    ]);
  });
});
