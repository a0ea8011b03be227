/**
 * The newsroom's own fields (`extra:` and the names `site.yaml`'s `fields` declares): they reach the model
 * as `article.extra`, deeply frozen, from a full build and from the build cache alike, and no output carries
 * them: every file of the built site is searched for their values. The refusals are cases of
 * tests/fixtures/invalid/ (own-fields, own-fields-setting).
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';

const fixtures = join(import.meta.dirname, '../fixtures');
let scratch: string;
let content: string;

/** A value no output may hold: it would close the JSON-LD's `<script>` if it were ever carried there. */
const HOSTILE = '</script><script>alert("extra")</script>';

const record = (kicker: string): string => `---
title: Un article avec des champs à soi
description: Le chapeau.
datePublished: 2024-02-28T09:00:00+01:00
kicker: ${JSON.stringify(kicker)}
extra:
  editor: Marie-Zoé Extrafield
  sponsored: true
  score: 7.5
  note: ${JSON.stringify(HOSTILE)}
  desk: { names: [Europe-extrafield, Monde-extrafield], lead: ~ }
---
Le corps.
`;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-extra-'));
  content = join(scratch, 'content');
  cpSync(join(fixtures, 'valid'), content, { recursive: true });
  appendFileSync(join(content, 'site.yaml'), 'fields: [kicker]\n');
  writeFileSync(join(content, 'articles/champs-a-soi.md'), record('Exclusif-extrafield'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function extraOf(site: { articles: { slug: string; extra: unknown }[] }): unknown {
  return site.articles.find((article) => article.slug === 'champs-a-soi')?.extra;
}

/** Every list and mapping in `value` is frozen. */
function deeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(deeplyFrozen);
}

describe('fields of your own', () => {
  it('reach the model, merged and frozen; the other articles have none', async () => {
    const { site } = await build({ contentDir: content, write: false });
    const extra = extraOf(site);
    expect(extra).toEqual({
      kicker: 'Exclusif-extrafield',
      editor: 'Marie-Zoé Extrafield',
      sponsored: true,
      score: 7.5,
      note: HOSTILE,
      desk: { names: ['Europe-extrafield', 'Monde-extrafield'], lead: null },
    });
    expect(deeplyFrozen(extra)).toBe(true);
    expect(() => {
      (extra as { desk: { names: string[] } }).desk.names.push('x');
    }).toThrow(TypeError);
    for (const article of site.articles.filter((article) => article.slug !== 'champs-a-soi'))
      expect(article.extra).toEqual({});
  });

  it('appear in no output: no page, feed, JSON-LD, sitemap or header file', async () => {
    const outDir = join(scratch, 'dist');
    await build({ contentDir: content, outDir });
    const texts = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.(?:html|xml|json|jsonld|txt|opml)$|_headers$/.test(path))
      .map((path) => [path, readFileSync(join(outDir, path), 'utf8')] as const);
    expect(texts.map(([path]) => path)).toContain('articles/champs-a-soi/index.html');
    for (const [path, text] of texts) {
      expect(text, path).not.toContain('extrafield');
      expect(text, path).not.toContain('Extrafield');
      expect(text, path).not.toContain('alert(');
    }
  });

  it('come from the build cache as they were, and a change of them is read again', async () => {
    const outDir = join(scratch, 'cached');
    const options = { contentDir: content, outDir, keepFiles: false, incremental: true };
    await build(options);
    const again = await build(options);
    expect(again.reused).toBe(3);
    expect(extraOf(again.site)).toMatchObject({ kicker: 'Exclusif-extrafield', desk: { lead: null } });
    expect(deeplyFrozen(extraOf(again.site))).toBe(true);
    writeFileSync(join(content, 'articles/champs-a-soi.md'), record('Changé-extrafield'));
    const changed = await build(options);
    expect(changed.reused).toBe(2);
    expect(extraOf(changed.site)).toMatchObject({ kicker: 'Changé-extrafield' });
  });
});
