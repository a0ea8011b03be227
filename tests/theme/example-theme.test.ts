/**
 * The example theme of examples/themes/gazette, copied as it is to content/theme/: the embedded site
 * built with it passes the checks the default look passes. Its pages are read with parse5, their
 * JSON-LD with the vocabulary check, its feeds with feedsmith, and `check` finds no error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { check } from '../../src/check/folder.js';
import { validateJsonLd } from '../../src/check/jsonld.js';
import { dom, elements, type T } from '../helpers/html-reading.js';
import { NOW, ROOT, themedContent } from './themed-site.js';

const THEME = join(ROOT, 'examples/themes/gazette');

interface Built {
  dir: string;
  content: string;
  read(path: string): string;
  pages: string[];
}

async function buildWith(theme: string | undefined): Promise<Built> {
  const content = themedContent(theme);
  const dir = join(content, '..', 'dist');
  const result = await build({ contentDir: content, outDir: dir, now: NOW });
  const pages = result.files.map((file) => file.path).filter((path) => path.endsWith('.html'));
  return { dir, content, pages, read: (path) => readFileSync(join(dir, path), 'utf8') };
}

const jsonLdOf = (page: string): unknown[] =>
  elements(dom(page).document, 'script')
    .filter((script) => script.attrs.some((a) => a.name === 'type' && a.value === 'application/ld+json'))
    .map((script) => JSON.parse((script.childNodes[0] as T.TextNode).value));

let themed: Built;
let plain: Built;
beforeAll(async () => {
  [themed, plain] = [await buildWith(THEME), await buildWith(undefined)];
});

describe('the example theme', () => {
  it('changes the layout of every kind of page', () => {
    expect(themed.pages.sort()).toEqual(plain.pages.sort());
    for (const path of themed.pages) {
      expect(themed.read(path), path).not.toBe(plain.read(path));
      expect(themed.read(path), path).toContain('class="masthead"');
    }
    const front = dom(themed.read('index.html')).document;
    expect(elements(front, 'section').some((section) => section.attrs.some((a) => a.value === 'front'))).toBe(true);
    expect(readFileSync(join(themed.dir, 'theme/gazette.css'), 'utf8')).toContain('.front');
  });

  it('makes pages that parse without error, with the JSON-LD of the default look, valid against the vocabulary', () => {
    for (const path of themed.pages) {
      const page = themed.read(path);
      expect(dom(page).errors, path).toEqual([]);
      const blocks = jsonLdOf(page);
      expect(blocks, path).toEqual(jsonLdOf(plain.read(path)));
      for (const block of blocks) expect(validateJsonLd(block), path).toEqual([]);
    }
  });

  it('keeps the feeds, which feedsmith reads', () => {
    for (const path of ['feed.xml', 'atom.xml', 'feed.json']) expect(themed.read(path)).toBe(plain.read(path));
    expect(parseRssFeed(themed.read('feed.xml')).items).toHaveLength(1);
    expect(parseAtomFeed(themed.read('atom.xml')).entries).toHaveLength(1);
    expect(parseJsonFeed(themed.read('feed.json')).items).toHaveLength(1);
  });

  it('passes check with no error, as the default look does', async () => {
    const [withTheme, without] = [
      await check({ dir: themed.dir, content: themed.content }),
      await check({ dir: plain.dir, content: plain.content }),
    ];
    expect(withTheme.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(withTheme.warnings).toBe(without.warnings);
  });
});
