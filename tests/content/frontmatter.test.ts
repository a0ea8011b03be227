import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/frontmatter.js';

describe('parseFrontMatter', () => {
  it('splits the YAML from the body and maps offsets to file lines', () => {
    const parsed = parseFrontMatter('x.md', '---\ntitle: Un\ndescription: Deux\n---\nLe corps.\n');
    if (Array.isArray(parsed)) throw new Error('expected a front matter');
    expect(parsed.document.toJS()).toEqual({ title: 'Un', description: 'Deux' });
    expect(parsed.body).toBe('Le corps.\n');
    expect(parsed.lineAt(parsed.document.toString().indexOf('description'))).toBe(3);
  });
  it('keeps dates as strings (YAML 1.2 core schema)', () => {
    const parsed = parseFrontMatter('x.md', '---\ndatePublished: 2024-02-28T09:00:00+01:00\n---\n');
    if (Array.isArray(parsed)) throw new Error('expected a front matter');
    expect(parsed.document.toJS()).toEqual({ datePublished: '2024-02-28T09:00:00+01:00' });
  });
  it('reports a YAML syntax error with its line and column', () => {
    // The parser reports where it noticed the problem: the end of the unclosed quote.
    expect(parseFrontMatter('x.md', '---\ntitle: "open\n---\n')).toEqual([
      expect.objectContaining({
        file: 'x.md',
        line: 3,
        column: 1,
        field: '(front matter)',
        message: 'expected valid YAML, found Missing closing "quote (column 1)',
      }),
    ]);
  });
  it('reports a missing closing fence', () => {
    expect(parseFrontMatter('x.md', '---\ntitle: x\n')).toEqual([
      expect.objectContaining({ line: 1, message: 'expected a closing "---" line after the front matter, found none' }),
    ]);
  });
});
