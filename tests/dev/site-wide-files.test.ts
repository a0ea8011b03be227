/** The dev server's site-wide files are `renderSiteFiles`' files: the same list, order and bytes, memo or not. */
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build.js';
import type { OutputFile } from '../../src/model.js';
import { renderSiteFiles } from '../../src/render/index.js';
import { createSiteFilesMemo, renderSiteWideFiles } from '../../src/dev/site-wide-files.js';
import { root } from './helpers.js';

/** The files as paths and bytes (the dev server keeps some as bytes, the build as strings). */
const bytes = (files: OutputFile[]): { path: string; contents: Buffer }[] =>
  files.map((file) => ({ path: file.path, contents: Buffer.from(file.contents) }));

describe('renderSiteWideFiles', () => {
  it(
    'gives what renderSiteFiles gives, first with an empty memo, ' +
      'then with a filled one, then with an article changed',
    async () => {
      const { site } = await loadSite(`${root}/content`, 'http://127.0.0.1:4321/');
      const memo = createSiteFilesMemo();
      expect(bytes(renderSiteWideFiles(site, memo))).toEqual(bytes(renderSiteFiles(site)));
      expect(bytes(renderSiteWideFiles(site, memo))).toEqual(bytes(renderSiteFiles(site)));
      const [first, ...rest] = site.articles;
      if (first === undefined) throw new Error('expected an article');
      const edited = { ...site, articles: [{ ...first, title: 'Un autre titre', url: `${first.url}autre/` }, ...rest] };
      expect(bytes(renderSiteWideFiles(edited, memo))).toEqual(bytes(renderSiteFiles(edited)));
    },
  );
});
