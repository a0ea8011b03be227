/**
 * A record with a table, footnotes, a YouTube iframe, a `<script>` and an `onclick` builds: its page
 * and the three feeds (read with feedsmith, their HTML with parse5) carry the same sanitized body with
 * absolute URLs, and each removal is a warning at its line of the file, front matter counted.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parseFragment } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, build } from '../../src/build.js';
import { attr, dom, elements, one, type T, text } from '../helpers/html-reading.js';
import { RICH_RECORD } from '../helpers/rich-record.js';

const URL = 'https://depeche.example/articles/riche/';
let scratch: string;
let content: string;
let built: BuildResult;
const read = (path: string): string => readFileSync(join(scratch, 'dist', path), 'utf8');

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-raw-html-'));
  content = join(scratch, 'content');
  mkdirSync(join(content, 'articles'), { recursive: true });
  cpSync(join(import.meta.dirname, '../fixtures/valid/site.yaml'), join(content, 'site.yaml'));
  cpSync(join(import.meta.dirname, '../fixtures/valid/public/logo.png'), join(content, 'public/logo.png'));
  writeFileSync(join(content, 'articles/riche.md'), RICH_RECORD);
  built = await build({ contentDir: content, outDir: join(scratch, 'dist') });
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The checks every copy of the body passes, page or feed. */
function checkBody(root: T.ParentNode, where: string): void {
  expect(elements(root, 'script'), where).toEqual([]);
  expect(elements(root, 'th').map(text), where).toEqual(['Ville', 'Votants']);
  const frame = one(root, 'iframe');
  expect(attr(frame, 'src'), where).toBe('https://www.youtube-nocookie.com/embed/abc');
  expect(attr(frame, 'sandbox'), where).toBe('allow-scripts allow-same-origin allow-popups');
  const word = elements(root, 'span').find((span) => text(span) === 'mot');
  expect(word?.attrs, where).toEqual([]);
  const reference = one(one(root, 'sup'), 'a');
  expect(attr(reference, 'href'), where).toBe(`${URL}#fn1`);
  expect(text(one(root, 'section')), where).toContain('Source : AFP.');
}

describe('raw HTML in a record', () => {
  it('is sanitized on the page', () => {
    const { document } = dom(read('articles/riche/index.html'));
    const body = elements(document, 'div').find((div) => attr(div, 'class')?.split(' ').includes('body'));
    expect(body).toBeDefined();
    checkBody(body as T.Element, 'page');
    expect(elements(document, 'li').some((li) => attr(li, 'id') === 'fn1')).toBe(true);
  });

  it('is the same sanitized HTML in RSS, Atom and JSON Feed, with absolute URLs', () => {
    const rss = parseRssFeed(read('feed.xml')).items?.[0]?.content?.encoded;
    const atom = (parseAtomFeed(read('atom.xml')).entries?.[0]?.content as { value?: string } | undefined)?.value;
    const json = parseJsonFeed(read('feed.json')).items?.[0]?.content_html;
    for (const [where, html] of Object.entries({ rss, atom, json })) {
      expect(typeof html, where).toBe('string');
      checkBody(parseFragment(html as string) as T.ParentNode, where);
    }
  });

  it('warns of each removal at its line of the file', () => {
    const warnings = built.warnings
      .filter((warning) => warning.file.endsWith(join('articles', 'riche.md')))
      .map(({ line, field, message }) => ({ line, field, message }));
    expect(warnings).toEqual([
      { line: 10, field: 'body', message: 'raw HTML: removed onclick on <span>' },
      { line: 14, field: 'body', message: 'raw HTML: removed <script>' },
    ]);
  });

  it('takes its iframe hosts from embeds.hosts when site.yaml sets it', async () => {
    const site = readFileSync(join(content, 'site.yaml'), 'utf8');
    writeFileSync(join(content, 'site.yaml'), `${site}embeds:\n  hosts: [player.vimeo.com/video/]\n`);
    const again = await build({ contentDir: content, outDir: join(scratch, 'dist-vimeo') });
    const page = readFileSync(join(scratch, 'dist-vimeo', 'articles/riche/index.html'), 'utf8');
    expect(elements(dom(page).document, 'iframe')).toEqual([]);
    expect(again.warnings.map((warning) => warning.message)).toContain(
      'raw HTML: removed <iframe> from https://www.youtube-nocookie.com/embed/abc, not an embed host',
    );
    writeFileSync(join(content, 'site.yaml'), site);
  });
});
