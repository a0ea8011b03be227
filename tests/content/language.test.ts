import { describe, expect, it } from 'vitest';
import { isLanguageTag, suggestLanguageTag } from '../../src/content/language.js';

describe('language tags', () => {
  it('accepts registered tags in any letter case', () => {
    for (const tag of ['fr', 'fr-CA', 'FR-ca', 'en-GB', 'zh-Hant-TW', 'de-CH-1996', 'es-419']) {
      expect(isLanguageTag(tag), tag).toBe(true);
    }
  });

  it('refuses unregistered, deprecated and malformed tags', () => {
    for (const tag of ['qq', 'fr-QQ', 'iw', ' fr', 'fr ', 'fr--FR', 'fr_FR', 'French', '', 'x-private']) {
      expect(isLanguageTag(tag), tag).toBe(false);
    }
  });

  it('suggests the tag for a locale with an underscore or an English language name', () => {
    expect(suggestLanguageTag('fr_FR')).toBe('fr-FR');
    expect(suggestLanguageTag('en_gb')).toBe('en-GB');
    expect(suggestLanguageTag('French')).toBe('fr');
    expect(suggestLanguageTag('english')).toBe('en');
    expect(suggestLanguageTag('German')).toBe('de');
  });

  it('suggests nothing for what names no language', () => {
    expect(suggestLanguageTag('qq')).toBeUndefined();
    expect(suggestLanguageTag('Frenchish')).toBeUndefined();
    expect(suggestLanguageTag('fr_FR!')).toBeUndefined();
  });
});
