/** Hugo shortcodes and Jekyll includes → embeds and figures (src/migrate/shortcodes.ts); the rest left, noted. */
import { describe, expect, it } from 'vitest';
import { convertShortcodes } from '../../src/migrate/shortcodes.js';

const NOCOOKIE = 'https://www.youtube-nocookie.com/embed/';

describe('convertShortcodes', () => {
  it('turns videos into the embeds the sanitizer keeps, named or positional, Hugo or Liquid', () => {
    const body = [
      '{{< youtube dQw4w9WgXcQ >}}',
      '{{% youtube id="dQw4w9WgXcQ" title="Un \\"titre\\" & plus" %}}',
      '{{< vimeo 76979871 >}}',
      "{% include youtube.html id='dQw4w9WgXcQ' %}",
    ].join('\n');
    const { body: converted, notes } = convertShortcodes(body, 5);
    expect(converted.split('\n')).toEqual([
      `<iframe src="${NOCOOKIE}dQw4w9WgXcQ" title="YouTube video" allowfullscreen></iframe>`,
      `<iframe src="${NOCOOKIE}dQw4w9WgXcQ" title="Un &quot;titre&quot; &amp; plus" allowfullscreen></iframe>`,
      '<iframe src="https://player.vimeo.com/video/76979871" title="Vimeo video" allowfullscreen></iframe>',
      `<iframe src="${NOCOOKIE}dQw4w9WgXcQ" title="YouTube video" allowfullscreen></iframe>`,
    ]);
    expect(notes.map(({ line, to }) => [line, to])).toEqual([
      [5, 'a YouTube embed'],
      [6, 'a YouTube embed'],
      [7, 'a Vimeo embed'],
      [8, 'a YouTube embed'],
    ]);
  });

  it('turns figures into Markdown figures, the credit after " — "', () => {
    const { body } = convertShortcodes(
      [
        '{{< figure src="/images/a.jpg" alt="Des [manifestants]" title="Place de la \\"République\\"" attr="AFP" >}}',
        '{% include figure.html image_path="/images/b.png" alt="Carte" caption="La carte" %}',
        '{{< figure src="/images/c.jpg" >}}',
      ].join('\n'),
      1,
    );
    expect(body.split('\n')).toEqual([
      '![Des \\[manifestants\\]](/images/a.jpg "Place de la \\"République\\" — AFP")',
      '![Carte](/images/b.png "La carte")',
      '![](/images/c.jpg)',
    ]);
  });

  it('leaves every other tag as it was, with its line, and what it cannot read', () => {
    const body = [
      'Texte {{< tweet user="x" id="1" >}} et {{ page.title }}.',
      '{{< youtube "not an id!" >}}',
      '{% include video.html id="abc" %}',
      '{% highlight ruby %}',
      '{{< figure caption="Sans image" >}}',
    ].join('\n');
    const { body: converted, notes } = convertShortcodes(body, 3);
    expect(converted).toBe(body);
    expect(notes).toEqual([
      { line: 3, tag: '{{< tweet user="x" id="1" >}}' },
      { line: 3, tag: '{{ page.title }}' },
      { line: 4, tag: '{{< youtube "not an id!" >}}' },
      { line: 5, tag: '{% include video.html id="abc" %}' },
      { line: 6, tag: '{% highlight ruby %}' },
      { line: 7, tag: '{{< figure caption="Sans image" >}}' },
    ]);
  });
});
