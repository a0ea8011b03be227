/**
 * `check` of a themed site: a theme that leaves out an essential of the head, or writes invalid HTML,
 * fails with a message naming the page kind, the template and what is missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { check } from '../../src/check/folder.js';
import { NOW, themedContent } from '../theme/themed-site.js';

async function checked(theme: Record<string, string>) {
  const content = themedContent(theme);
  const dir = join(content, '..', 'dist');
  await build({ contentDir: content, outDir: dir, now: NOW });
  return check({ dir, content });
}

// Places every essential but the JSON-LD, one by one: the theme then answers for the head.
const HEAD_WITHOUT_JSON_LD =
  '<meta charset="utf-8">\n<title>{{ page.title }}</title>\n' +
  '{{ depeche.canonical }}{{ depeche.feeds }}{{ depeche.meta }}';

describe('check of a themed site', () => {
  it('fails a theme that drops the JSON-LD, naming the page kind, the template and what is missing', async () => {
    const result = await checked({ 'partials/head.liquid': HEAD_WITHOUT_JSON_LD });
    const essentials = result.findings.filter((finding) => finding.rule === 'page-essentials');
    const article = essentials.find((finding) => finding.file.includes('/articles/'));
    expect(article).toMatchObject({ severity: 'error', field: 'head' });
    expect(article?.message).toMatch(
      new RegExp(
        '^expected in the <head> of this article page the JSON-LD \\(<script type="application/ld\\+json">\\), ' +
          "found none, made by the theme's .*content/theme/partials/head\\.liquid$",
      ),
    );
    // Every page with an address of its own misses it; the 404 page has none to miss.
    expect(essentials.some((finding) => finding.file.endsWith('/dist/index.html'))).toBe(true);
    expect(essentials.some((finding) => finding.file.endsWith('404.html'))).toBe(false);
    expect(result.errors).toBeGreaterThanOrEqual(essentials.length);
  });

  it('fails a page that is not valid HTML, at its line', async () => {
    const layout =
      '<!doctype html>\n<html lang="{{ page.lang }}"><head>{{ depeche.head }}<title>x</title></head>\n' +
      '<body><p class="a" class="b">{{ article.title }}</p></body></html>\n';
    const result = await checked({ 'layouts/article.liquid': layout });
    const html = result.findings.filter((finding) => finding.rule === 'html');
    const page = readFileSync(html[0]?.file ?? '', 'utf8');
    expect(html).toEqual([
      expect.objectContaining({
        line: page.split('\n').findIndex((line) => line.includes('class="a" class="b"')) + 1,
        message: expect.stringMatching(
          new RegExp(
            '^expected valid HTML in this article page, found the parse error duplicate-attribute, ' +
              "made by the theme's .*layouts/article\\.liquid$",
          ),
        ),
      }),
    ]);
  });

  it('passes the default look and a theme that places the head', async () => {
    const plain = await checked({});
    expect(plain.findings.filter((f) => f.rule === 'page-essentials' || f.rule === 'html')).toEqual([]);
    const placed = await checked({ 'partials/head.liquid': '<title>{{ page.title }}</title>\n{{ depeche.head }}' });
    expect(placed.findings.filter((f) => f.rule === 'page-essentials' || f.rule === 'html')).toEqual([]);
  });
});
