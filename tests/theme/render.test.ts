/**
 * Themed builds of the embedded content, read back with parse5: what a theme does not provide is the
 * default look's, byte for byte; the essentials are in every page's head whatever the theme does; record
 * text is escaped; a template's error names its file and line.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeOuter } from 'parse5';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/errors.js';
import { dom, elements, one, type T } from '../helpers/html-reading.js';
import { builtFiles, themedContent } from './themed-site.js';

const defaultSite = builtFiles(themedContent(undefined));
const ARTICLE = /^articles\/[^/]+\/index\.html$/;

function articlePage(files: Map<string, string>): string {
  const path = [...files.keys()].find((key) => ARTICLE.test(key));
  return files.get(path ?? '') ?? '';
}

const outer = (element: T.Element): string => serializeOuter(element);

async function failure(theme: Record<string, string>): Promise<ContentError> {
  const error = await builtFiles(themedContent(theme)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

describe('a theme', () => {
  it('that provides no template builds every page as the default look does, and publishes its assets', async () => {
    const themed = await builtFiles(themedContent({ 'assets/site.css': 'body{color:red}' }));
    const reference = await defaultSite;
    for (const [path, text] of reference) expect(themed.get(path), path).toBe(text);
    expect(themed.get('theme/site.css')).toBe('body{color:red}');
  });

  it('that overrides only the footer keeps the default head and header', async () => {
    const footer = '<footer class="mine"><p>{{ site.publisher.name }}, {{ page.year }}</p></footer>\n';
    const themed = dom(articlePage(await builtFiles(themedContent({ 'partials/footer.liquid': footer }))));
    const reference = dom(articlePage(await defaultSite));
    expect(themed.errors).toEqual([]);
    expect(outer(one(themed.document, 'head'))).toBe(outer(one(reference.document, 'head')));
    const header = (document: T.Document): string =>
      outer(elements(document, 'header').find((h) => h.attrs.some((a) => a.value === 'site-header')) as T.Element);
    expect(header(themed.document)).toBe(header(reference.document));
    const [ownFooter] = elements(themed.document, 'footer').filter((f) => f.attrs.some((a) => a.value === 'mine'));
    expect(ownFooter && outer(ownFooter)).toBe('<footer class="mine"><p>Dépêche, 2024</p></footer>');
    expect(elements(themed.document, 'aside')).toEqual([]);
  });

  it('that places none of the essentials gets them injected at the end of its head', async () => {
    const layout =
      '<!doctype html><html lang="{{ page.lang }}"><head><title>{{ page.title }}</title></head>' +
      '<body><h1>{{ article.title }}</h1>{{ article.body }}</body></html>\n';
    const themed = dom(articlePage(await builtFiles(themedContent({ 'layouts/article.liquid': layout }))));
    const reference = dom(articlePage(await defaultSite));
    expect(themed.errors).toEqual([]);
    const head = one(themed.document, 'head');
    const essential = (element: T.Element): boolean =>
      element.tagName === 'link' ||
      (element.tagName === 'meta' &&
        element.attrs.some((a) => a.name === 'property' || /twitter|robots|author/.test(a.value))) ||
      element.tagName === 'script';
    const kept = (root: T.ParentNode): string[] =>
      (['link', 'meta', 'script'] as const).flatMap((tag) => elements(root, tag).filter(essential).map(outer));
    expect(kept(head)).toEqual(kept(one(reference.document, 'head')));
    expect(kept(head).length).toBeGreaterThan(10);
    expect(elements(one(themed.document, 'body'), 'script')).toEqual([]);
  });

  it('escapes record text, and shows the body and the essentials as HTML', async () => {
    const layout =
      '<!doctype html><html lang="{{ page.lang }}"><head><title>{{ page.title }}</title>{{ depeche.head }}</head>' +
      '<body><p id="t">{{ article.title | append: " <b>" }}</p><div id="b">{{ article.body }}</div></body></html>\n';
    const page = articlePage(await builtFiles(themedContent({ 'layouts/article.liquid': layout })));
    expect(page).toContain(' &lt;b&gt;</p>');
    const { document, errors } = dom(page);
    expect(errors).toEqual([]);
    expect(elements(document, 'script')).toHaveLength(1);
    const body = elements(document, 'div').find((div) => div.attrs[0]?.value === 'b') as T.Element;
    expect(elements(body, 'p').length).toBeGreaterThan(3);
  });

  it("shows a theme's own menu in the default header", async () => {
    const navigation = '<nav class="mine">{% for entry in navigation %}{{ entry.label }}{% endfor %}</nav> ';
    const page = dom(articlePage(await builtFiles(themedContent({ 'partials/navigation.liquid': navigation }))));
    const header = elements(page.document, 'header').find((h) => h.attrs.some((a) => a.value === 'site-header'));
    expect(elements(header as T.Element, 'nav').map(outer)).toEqual(['<nav class="mine"></nav>']);
  });
});

describe("a theme's error", () => {
  it('of syntax names the template file and line', async () => {
    const error = await failure({ 'partials/header.liquid': '<header>\n{% if site.title %}\n</header>\n' });
    expect(error.problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/content\/theme\/partials\/header\.liquid$/), line: 2 }),
    ]);
    expect(error.problems[0]?.message).toMatch(/not closed/);
  });

  it('of an unknown variable names the template, the line, and the page it was rendering', async () => {
    const error = await failure({ 'partials/footer.liquid': '<footer>\n{{ site.publisher.nom }}</footer>\n' });
    expect(error.problems[0]).toMatchObject({
      file: expect.stringMatching(/content\/theme\/partials\/footer\.liquid$/),
      line: 2,
      field: '(template)',
    });
    expect(error.problems[0]?.message).toMatch(/undefined variable: site\.publisher\.nom/);
  });

  it('of an unknown filter or partial is reported', async () => {
    const filter = await failure({ 'partials/footer.liquid': '{{ site.title | shout }}' });
    expect(filter.problems[0]?.message).toMatch(/undefined filter: shout/);
    const partial = await failure({ 'partials/footer.liquid': "{% include 'partials/colophon' %}" });
    expect(partial.problems[0]?.message).toMatch(/partials\/colophon/);
    const asset = await failure({ 'partials/footer.liquid': "{{ 'missing.css' | asset_url }}" });
    expect(asset.problems[0]?.message).toMatch(/expected a file of the theme's assets\/, found no "missing.css"/);
  });
});

describe('the theme setting', () => {
  it('names a folder that must exist', async () => {
    const content = themedContent(undefined);
    appendFileSync(join(content, 'site.yaml'), 'theme: themes/nowhere\n');
    const error = await builtFiles(content).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    const lines = readFileSync(join(content, 'site.yaml'), 'utf8').split('\n').length - 1;
    expect((error as ContentError).problems).toEqual([
      {
        file: expect.stringMatching(/content\/site\.yaml$/),
        line: lines,
        field: 'theme',
        message: expect.stringMatching(
          /^expected a theme folder, found nothing there at ".*content\/themes\/nowhere"$/,
        ),
      },
    ]);
  });
});
