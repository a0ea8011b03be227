import { describe, expect, it } from 'vitest';
import { isDraft } from '../src/drafts.js';

describe('isDraft', () => {
  it('reads a top-level draft: true line of the front matter', () => {
    expect(isDraft({ text: '---\ntitle: Un titre\ndraft: true\n---\nCorps.\n' })).toBe(true);
    expect(isDraft({ text: '---\ntitle: Un titre\ndraft: false\n---\n' })).toBe(false);
    expect(isDraft({ text: '---\ntitle: Un titre\n---\ndraft: true\n' })).toBe(false);
  });
  it('does not take a U+2028 inside a value for a line end', () => {
    expect(isDraft({ text: '---\ntitle: "Un titre\u2028draft: true"\n---\n' })).toBe(false);
  });
});
