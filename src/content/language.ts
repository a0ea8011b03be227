/**
 * BCP 47 language tags, checked against the IANA Language Subtag Registry (`language-tags`, which
 * carries the registry), and a "did you mean" for what authors write instead. Pure.
 */
import { search, tags } from 'language-tags';

/** RFC 5646's syntax, which language-tags is lenient about (it trims white space, skips empty subtags). */
const SYNTAX = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** A well-formed tag whose subtags are all registered and not deprecated (`fr`, `fr-CA`, `zh-Hant-TW`). */
export function isLanguageTag(value: string): boolean {
  return SYNTAX.test(value) && tags(value).valid();
}

/**
 * The tag most likely meant: a locale written with an underscore (`fr_FR` → `fr-FR`), or a
 * language's English name as the registry describes it (`French` → `fr`, `english` → `en`).
 */
export function suggestLanguageTag(value: string): string | undefined {
  const hyphenated = value.trim().replaceAll('_', '-');
  if (hyphenated !== value && isLanguageTag(hyphenated)) return tags(hyphenated).format();
  const name = value.trim().toLowerCase();
  if (name.length < 3) return undefined;
  const named = search(name).find(
    (subtag) =>
      subtag.type() === 'language' &&
      subtag.deprecated() === null &&
      subtag.descriptions().some((description) => description.toLowerCase() === name),
  );
  return named?.format();
}
