/** The `navigation` setting: checked in site.yaml, shown as the default header's menu, given to themes. */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../src/config.js';
import { dom, elements, type T } from '../helpers/html-reading.js';
import { builtFiles, themedContent } from './themed-site.js';

// Settings that name no picture of public/, which parseSiteConfig would look for.
const SETTINGS = `url: https://depeche.example/
title: Dépêche
description: Un site.
language: fr
publisher:
  name: Dépêche
  url: https://depeche.example/
  logo: { src: /logo.png, width: 600, height: 60 }
`;
const MENU =
  'navigation:\n  - label: Économie\n    url: sections/economie/\n' +
  '  - label: Le journal\n    url: https://example.org/\n';

describe('the navigation setting', () => {
  it('resolves each URL against the site', () => {
    const config = parseSiteConfig('site.yaml', SETTINGS + MENU);
    expect(Array.isArray(config)).toBe(false);
    expect(Array.isArray(config) ? [] : config.navigation).toEqual([
      { label: 'Économie', url: 'https://depeche.example/sections/economie/' },
      { label: 'Le journal', url: 'https://example.org/' },
    ]);
  });

  it('refuses an entry without a label or with a URL that is not one', () => {
    const problems = parseSiteConfig('site.yaml', `${SETTINGS}navigation:\n  - url: "javascript:alert(1)"\n`);
    expect(Array.isArray(problems)).toBe(true);
    const fields = Array.isArray(problems) ? problems.map((problem) => problem.field) : [];
    expect(fields).toEqual(expect.arrayContaining(['navigation[0].label', 'navigation[0].url']));
  });

  it('is the menu of the default header, and the theme data', async () => {
    const content = themedContent(undefined);
    appendFileSync(join(content, 'site.yaml'), MENU);
    const files = await builtFiles(content);
    const { document, errors } = dom(files.get('index.html') ?? '');
    expect(errors).toEqual([]);
    const header = elements(document, 'header')[0] as T.Element;
    const [nav] = elements(header, 'nav');
    expect(nav?.attrs).toEqual([
      { name: 'class', value: 'menu' },
      { name: 'aria-label', value: 'Menu' },
    ]);
    const links = elements(nav as T.Element, 'a').map((a) => [
      a.attrs[0]?.value,
      (a.childNodes[0] as T.TextNode).value,
    ]);
    expect(links).toEqual([
      ['https://depeche.example/sections/economie/', 'Économie'],
      ['https://example.org/', 'Le journal'],
    ]);
    const themed = themedContent({
      'partials/navigation.liquid': '<nav>{% for entry in navigation %}[{{ entry.label }}]{% endfor %}</nav>',
    });
    appendFileSync(join(themed, 'site.yaml'), MENU);
    expect((await builtFiles(themed)).get('index.html')).toContain('<nav>[Économie][Le journal]</nav>');
  });

  it('leaves the default header as it was when absent', async () => {
    const page = (await builtFiles(themedContent(undefined))).get('index.html') ?? '';
    expect(elements(dom(page).document, 'nav').filter((nav) => nav.attrs.some((a) => a.value === 'menu'))).toEqual([]);
  });
});
