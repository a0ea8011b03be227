/** The one rule of the files build and dev skip, and of the hidden records the loader refuses. */
import { describe, expect, it } from 'vitest';
import { isEditorFile, isHiddenRecord, isSkippedFile } from '../../src/content/ignored-files.js';

describe('ignored files', () => {
  it.each(['.#x.md', '#x.md#', 'x.md~', '.x.md.swp', '.x.md.swo', '4913', 'x.md.tmp', '.DS_Store', 'articles/.#x.md'])(
    'skips the editor file %s',
    (name) => {
      expect(isEditorFile(name)).toBe(true);
      expect(isSkippedFile(name)).toBe(true);
      expect(isHiddenRecord(name)).toBe(false);
    },
  );

  it.each(['x.md', 'logo.svg', 'x.mdx', '49130', 'tmp.md', 'style.css'])('keeps the content file %s', (name) => {
    expect(isEditorFile(name)).toBe(false);
    expect(isSkippedFile(name)).toBe(false);
    expect(isHiddenRecord(name)).toBe(false);
  });

  it('skips a hidden file that is no record, and leaves a hidden record to the loader to refuse', () => {
    expect(isSkippedFile('.git')).toBe(true);
    expect(isSkippedFile('.brouillon.md')).toBe(false);
    expect(isHiddenRecord('.brouillon.md')).toBe(true);
    expect(isHiddenRecord('articles/.md')).toBe(true);
  });
});
