/**
 * What the dev server keeps of each record (src/dev/record-model.ts): no page, no whole article but
 * the feeds' newest, its text deflated and given back as it was; and the pages it renders again
 * when asked for are a full build's, also when the records read first were given another year.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../bench/corpus.js';
import { build } from '../../src/build.js';
import { assembleSite } from '../../src/dev/assemble-site.js';
import { readModel, sourceOf } from '../../src/dev/record-model.js';
import { createSiteFilesMemo } from '../../src/dev/site-wide-files.js';
import { createSiteState } from '../../src/dev/site-state.js';

const BASE_URL = 'http://127.0.0.1:4321/';
const dir = mkdtempSync(join(tmpdir(), 'depeche-record-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A corpus of `count` records, and one more, last in file-name order, newer than all (in 2025). */
function corpus(name: string, count: number): string {
  const contentDir = join(dir, name);
  const names = writeCorpus(contentDir, { seed: 5, count }).articles.slice().sort();
  const text = readFileSync(join(contentDir, 'articles', names[0] ?? ''), 'utf8')
    .replace(/^(slug|id|dateModified):.*\n/gm, '')
    .replace(/^datePublished:.*$/m, 'datePublished: 2025-03-01T10:00:00+01:00');
  writeFileSync(join(contentDir, 'articles', 'zzzz-le-plus-recent.md'), text);
  return contentDir;
}

describe('the dev server’s record model', () => {
  it(
    'serves the files of a full build when the newest record is read last ' + '(the pages’ year moves while reading)',
    async () => {
      const contentDir = corpus('year', 12);
      const state = createSiteState(contentDir, BASE_URL, 'test');
      expect(await state.rebuild()).toMatchObject({ ok: true, scope: 'full' });
      const expected = await build({ contentDir, baseUrl: BASE_URL, write: false });
      expect([...state.files.keys()].sort()).toEqual(expected.files.map((file) => file.path).sort());
      for (const file of expected.files) {
        const served = state.files.get(file.path);
        expect(
          served === undefined ? undefined : Buffer.from(served).equals(Buffer.from(file.contents)),
          file.path,
        ).toBe(true);
        expect(state.files.hash(file.path)).toBe(createHash('sha1').update(file.contents).digest('base64'));
      }
    },
  );

  it('keeps no page, the whole articles of the feeds’ newest alone, and each text as it was read', async () => {
    const contentDir = corpus('kept', 60);
    const model = await readModel(contentDir, BASE_URL, undefined);
    if (model === 'build') throw new Error('expected a model');
    const records = [...model.entries.values()].filter((entry) => entry.kind === 'record');
    expect(records).toHaveLength(61);
    for (const entry of records) {
      expect(entry.files).toBeUndefined();
      expect(entry.whole).toBeUndefined();
      if ('article' in entry.outcome) expect(entry.outcome.article.contentHtml).toBe('');
    }
    const assembled = assembleSite(model, createSiteFilesMemo());
    if (assembled.ok !== true) throw new Error('expected a site');
    expect([...model.wholes].map((entry) => entry.name).sort()).toEqual(
      model.order.slice(0, model.config.feedLimit).sort(),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const entry of records) {
      expect(entry.text.deflated).toBe(true);
      expect(sourceOf(entry).text).toBe(readFileSync(join(contentDir, 'articles', entry.name), 'utf8'));
    }
  });
});
