/** Markdown → HTML, and the images of the body that the build checks (content/local-files.ts). */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/markdown.js';
import { slugify } from '../src/markdown-headings.js';
import { attr, dom, elements, one, text } from './helpers/html-reading.js';

const BASE = 'https://news.example/articles/x/';

/** The body of `source` rendered, as parse5 reads it (and the parse errors it reported). */
function read(source: string) {
  const { html } = renderMarkdown(source, BASE);
  const { document, errors } = dom(`<!doctype html><html lang="fr"><title>t</title><body>${html}</body></html>`);
  return { html, body: one(document, 'body'), errors };
}

describe('renderMarkdown', () => {
  it("lists the body's images, Markdown's and raw HTML's, with their line in the body, not its links or code", () => {
    const source = [
      'Un [lien](/a-propos/) et une ![image](/images/a.jpg).', // 1
      '', // 2
      '> Une citation', // 3
      '> sur deux lignes, ![ici](b.png "titre")', // 4
      '', // 5
      '- un point', // 6
      '- et ![une autre', // 7
      '  image][ref]  ', // 8
      '  après un saut ![distante](https://cdn.example/c.png)', // 9
      '', // 10
      '<img src="/images/html.png">', // 11
      '', // 12
      '    ![code](/images/code.png)', // 13
      '', // 14
      '[ref]: /images/ref.png', // 15
    ].join('\n');
    const { html, images } = renderMarkdown(source, 'https://news.example/articles/x/');
    expect(html).toContain('<img src="https://news.example/images/a.jpg" alt="image" />');
    expect(images).toEqual([
      { url: 'https://news.example/images/a.jpg', line: 1 },
      { url: 'https://news.example/articles/x/b.png', line: 4 },
      { url: 'https://news.example/images/ref.png', line: 7 },
      { url: 'https://cdn.example/c.png', line: 9 },
      { url: 'https://news.example/images/html.png', line: 11 },
    ]);
  });

  it('renders GFM tables with their alignment, and strikethrough', () => {
    const { body, errors } = read('| Ville | Votants |\n|:--|--:|\n| Lyon | ~~12~~ 13 |\n');
    expect(errors).toEqual([]);
    expect(elements(body, 'th').map(text)).toEqual(['Ville', 'Votants']);
    const cells = elements(one(body, 'tbody'), 'td');
    expect(cells.map(text)).toEqual(['Lyon', '12 13']);
    expect(cells.map((cell) => attr(cell, 'style'))).toEqual(['text-align:left', 'text-align:right']);
    expect(text(one(body, 's'))).toBe('12');
  });

  it('links footnotes both ways with absolute URLs, which the page and the feeds resolve alike', () => {
    const { body, errors } = read('Un fait[^a], un autre[^b].\n\n[^a]: Source : AFP.\n[^b]: Ibid.\n');
    expect(errors).toEqual([]);
    const references = elements(body, 'sup').map((sup) => one(sup, 'a'));
    expect(references.map((a) => attr(a, 'href'))).toEqual([`${BASE}#fn1`, `${BASE}#fn2`]);
    const notes = elements(one(body, 'section'), 'li');
    expect(notes.map((li) => attr(li, 'id'))).toEqual(['fn1', 'fn2']);
    expect(text(notes[0] as never)).toContain('Source : AFP.');
    const back = notes.map((li) => attr(one(li, 'a'), 'href'));
    expect(back).toEqual([`${BASE}#fnref1`, `${BASE}#fnref2`]);
    expect(references.map((a) => attr(a, 'id'))).toEqual(['fnref1', 'fnref2']);
  });

  it('gives h2 to h6 an id from their text, French accents and apostrophes included, each once', () => {
    const source = "# Titre\n\n## Qu'a dit l'élu ?\n\n### Œuvres *à* `voir`\n\n## Qu'a dit l'élu ?\n\n## ?\n\n## fn1\n";
    const { body } = read(source);
    expect(attr(one(body, 'h1'), 'id')).toBeUndefined();
    const ids = [...elements(body, 'h2'), ...elements(body, 'h3')].map((h) => attr(h, 'id'));
    expect(ids).toEqual(['qu-a-dit-l-elu', 'qu-a-dit-l-elu-2', 'section', 'fn1-2', 'oeuvres-a-voir']);
    expect(slugify('Élection à Saint-Étienne : 52,3 %')).toBe('election-a-saint-etienne-52-3');
  });

  it('makes an image alone in its paragraph with a title a figure, its caption and its credit', () => {
    const source = [
      '![Manifestants](/a.jpg "Place de la République, le 1er mai — Photo : AFP")',
      '',
      '![Sans crédit](b.jpg "Une légende")',
      '',
      '![Sans titre](c.jpg)',
      '',
      'Dans le texte ![d](d.jpg "pas une figure").',
    ].join('\n');
    const { body, errors } = read(source);
    expect(errors).toEqual([]);
    const [first, second] = elements(body, 'figure');
    expect(elements(body, 'figure')).toHaveLength(2);
    expect(attr(one(first as never, 'img'), 'src')).toBe('https://news.example/a.jpg');
    expect(attr(one(first as never, 'img'), 'title')).toBeUndefined();
    const caption = one(first as never, 'figcaption');
    expect(text(caption)).toBe('Place de la République, le 1er mai Photo : AFP');
    expect(attr(one(caption, 'small'), 'class')).toBe('credit');
    expect(text(one(caption, 'small'))).toBe('Photo : AFP');
    expect(text(one(second as never, 'figcaption'))).toBe('Une légende');
    expect(elements(second as never, 'small')).toEqual([]);
    expect(
      elements(body, 'p')
        .flatMap((p) => elements(p, 'img'))
        .map((img) => attr(img, 'alt')),
    ).toEqual(['Sans titre', 'd']);
  });
});
