/**
 * No output path can leave dist/, whatever a record holds: output paths come from slugs alone (ids,
 * tags and image paths never become paths), a slug is checked before it is used, and the writer
 * refuses any path that would resolve outside its folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { SLUG } from '../../src/content/article-schema.js';
import { confined } from '../../src/write/output.js';
import { AFTER_EVERY_DATE, generatedSite, hostileText } from './arbitraries.js';
import { writeContent } from './site-files.js';

const scratch = mkdtempSync(join(tmpdir(), 'depeche-confined-'));
const contentDir = join(scratch, 'content');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Path-like strings: traversal, absolute paths, separators of both systems, NUL, encodings. */
const pathLike = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(
          '..',
          '.',
          '/',
          '\\',
          '',
          'a',
          '..\\..',
          '/etc/passwd',
          'C:\\',
          '%2e%2e',
          '\0',
          '~',
          '//',
          'articles',
          'index.html',
        ),
        hostileText,
      ),
      { maxLength: 6 },
    ),
    fc.constantFrom('/', '\\', ''),
  )
  .map(([parts, separator]) => parts.join(separator));

describe('confinement', () => {
  it('the writer places a path inside its folder, or refuses it', () => {
    const root = join(scratch, 'dist');
    fc.assert(
      fc.property(pathLike, (path) => {
        let placed: string | undefined;
        try {
          placed = confined(root, path);
        } catch (error) {
          expect(String(error)).toMatch(/refusing to write outside the output folder/);
          return;
        }
        expect(placed.startsWith(root + sep)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a slug the contract accepts is one path segment that stays inside', () => {
    fc.assert(
      fc.property(fc.oneof(pathLike, fc.stringMatching(/^[a-z0-9-]{1,12}$/)), (slug) => {
        if (!SLUG.test(slug)) return;
        expect(slug).not.toMatch(/[/\\.]|^$/);
        expect(confined('/srv/dist', `articles/${slug}/index.html`)).toBe(`/srv/dist/articles/${slug}/index.html`);
      }),
      { numRuns: 300 },
    );
  });

  it('a generated site writes only the paths its slugs name, whatever its ids, tags and images hold', async () => {
    await fc.assert(
      fc.asyncProperty(generatedSite, async (site) => {
        const publicPaths = new Set(writeContent(contentDir, site));
        const result = await build({ contentDir, write: false, now: AFTER_EVERY_DATE });
        const slugs = site.articles.map((article) => article.record.slug ?? article.fileName.replace(/\.md$/, ''));
        // A body's relative image is a file of public/ under its page's folder: not one the build renders.
        const articlePaths = result.files
          .map((file) => file.path)
          .filter((path) => path.startsWith('articles/') && !publicPaths.has(path));
        expect(articlePaths.sort()).toEqual(
          slugs.flatMap((slug) => [`articles/${slug}/index.html`, `articles/${slug}/index.jsonld`]).sort(),
        );
        // The files of `public/` keep the names their author gave them; the rendered ones are checked.
        for (const file of result.files.filter(({ path }) => !publicPaths.has(path))) {
          expect(file.path).toMatch(/^[a-z0-9_][a-z0-9._/-]*$/);
          expect(file.path.split('/')).not.toContain('..');
          expect(confined('/srv/dist', file.path).startsWith('/srv/dist/')).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
