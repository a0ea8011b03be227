/** The locales the pages are labelled in, by primary language subtag. Add one: a file, then a line here. */
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';
import type { LocaleText } from './types.js';

export type { LocaleText } from './types.js';

export const LOCALES: Readonly<Record<string, LocaleText>> = { de, en, es, fr, it, nl, pt };

/** The locale of a BCP 47 tag (`fr-CA` → French), by its language subtag; none for a language without labels. */
export function localeOf(language: string): LocaleText | undefined {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  return Object.hasOwn(LOCALES, primary) ? LOCALES[primary] : undefined;
}
