/**
 * `depeche dev` checks and sizes a local image as the build does, and shows the file itself: it
 * encodes no variant, so an edit is served at once.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { afterEach, describe, expect, it } from 'vitest';
import { createSiteState } from '../../src/dev/site-state.js';
import { gradientJpeg, imageSite } from './site.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function devSite(image: string, width: number, height: number) {
  const root = imageSite(image, { 'images/hero.jpg': await gradientJpeg(width, height) });
  roots.push(root);
  return createSiteState(join(root, 'content'), 'http://localhost:4321/', 'test');
}

describe('a local image in depeche dev', () => {
  it('is the file itself, with its width and height read from it', async () => {
    const state = await devSite('{ src: /images/hero.jpg, alt: Une place, caption: La place }', 1600, 1200);
    expect((await state.rebuild()).ok).toBe(true);
    const html = new TextDecoder().decode(state.files.get('articles/tous-les-champs/index.html'));
    const document = parse(html);
    const found: Record<string, string>[] = [];
    const walk = (node: unknown): void => {
      const element = node as { tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: unknown[] };
      if (element.tagName === 'img')
        found.push(Object.fromEntries((element.attrs ?? []).map((attr) => [attr.name, attr.value])));
      for (const child of element.childNodes ?? []) walk(child);
    };
    walk(document);
    expect(found[0]).toEqual({
      src: 'http://localhost:4321/images/hero.jpg',
      alt: 'Une place',
      width: '1600',
      height: '1200',
    });
    expect(state.files.get('images/hero.jpg')).toBeDefined();
  });

  it('refuses what the build refuses', async () => {
    const state = await devSite('{ src: /images/hero.jpg, alt: x }', 1600, 900);
    const rebuilt = await state.rebuild();
    expect(rebuilt.ok === false && rebuilt.problems.map((problem) => problem.field)).toEqual(['image.src']);
  });
});
