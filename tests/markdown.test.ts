/** Markdown → HTML, and the images of the body that the build checks (content/local-files.ts). */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/markdown.js';

describe('renderMarkdown', () => {
  it("lists the body's images with their line in the body, not its links, raw HTML or code", () => {
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
    ]);
  });
});
