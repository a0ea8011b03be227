import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { bindPunctuation } from '../../src/render/typography.js';

/** The text of a fragment as a reader copies it: parse5's reading, tags dropped. */
function textOf(fragment: string): string {
  const walk = (node: { nodeName: string; value?: string; childNodes?: unknown[] }): string =>
    node.nodeName === '#text'
      ? (node.value ?? '')
      : (node.childNodes ?? []).map((child) => walk(child as never)).join('');
  return walk(parseFragment(fragment) as never);
}

describe('bindPunctuation', () => {
  it('binds « to the next word and » to the word before', () => {
    expect(bindPunctuation('qu’elle allait « examiner » le futur')).toBe(
      'qu’elle allait <span class="nb">« examiner »</span> le futur',
    );
    expect(bindPunctuation('« Sur le plan technique »')).toBe(
      '<span class="nb">« Sur</span> le plan <span class="nb">technique »</span>',
    );
  });

  it('binds the high punctuation and the percent sign to the word before', () => {
    expect(bindPunctuation('Pourquoi ? Parce que : 100 % ; voilà !')).toBe(
      '<span class="nb">Pourquoi ?</span> Parce <span class="nb">que :</span> <span class="nb">100 % ;</span> <span ' +
        'class="nb">voilà !</span>',
    );
    expect(bindPunctuation('« 100 % open source ».')).toBe(
      '<span class="nb">« 100 %</span> open <span class="nb">source ».</span>',
    );
    expect(bindPunctuation('(« cité »), dit-il')).toBe('<span class="nb">(« cité »),</span> dit-il');
  });

  it('changes no character of the text, only where lines may break', () => {
    const samples = [
      '<p>La Commission a annoncé qu’elle allait « examiner » le partenariat, « qui pourra être converti » : 100 % ' +
        '!</p>\n',
      '<p>Un <a href="https://x.example/?a=1&amp;b=2">lien</a> ; puis « <em>ceci</em> ».</p>',
      'a &amp; b &lt; c ?',
    ];
    for (const sample of samples) expect(textOf(bindPunctuation(sample))).toBe(textOf(sample));
  });

  it('never touches tags or attribute values', () => {
    const fragment = '<a href="https://x.example/" title="« a » : b">« lien »</a>';
    expect(bindPunctuation(fragment)).toBe(
      '<a href="https://x.example/" title="« a » : b"><span class="nb">« lien »</span></a>',
    );
  });

  it('leaves alone what is not French spacing', () => {
    for (const text of ['https://x.example/a:b', 'Paris: 3 arrests', 'a «b» c', 'ratio 3:2', '', ' ', '«', '» ']) {
      expect(bindPunctuation(text)).toBe(text);
    }
    // A line break in the source is a place the line may break: it is kept as it is.
    expect(bindPunctuation('allait\n» le')).toBe('allait\n» le');
  });
});
