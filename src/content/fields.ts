/**
 * Zod field schemas shared by `site.yaml` and the article records. Each message says what was
 * expected; the validator adds what was found and where.
 */
import { z } from 'zod';
import { describeDateTimeProblem, isDate, parseDateTime } from './datetime.js';
import { isAbsoluteUri, parseHttpUrl } from './url.js';

/** A zod issue message that says what was expected. */
const expected = (what: string) => ({ error: `expected ${what}` });

/** A string with at least one character that is not white space. */
export const text = z.string(expected('a non-empty string')).refine((value) => value.trim() !== '', expected('a non-empty string'));

/** An optional string: may be empty. */
export const optionalText = z.string(expected('a string')).optional();

export const positiveInteger = z
  .number(expected('a positive whole number'))
  .int(expected('a positive whole number'))
  .positive(expected('a positive whole number'));

export const httpUrl = z.string(expected('an absolute http(s) URL')).refine((value) => parseHttpUrl(value) !== undefined, expected('an absolute http(s) URL'));

/** An http(s) URL or a reference relative to the site (`images/a.jpg`, `/logo.png`). */
export const siteUrl = z
  .string(expected('a URL, absolute http(s) or relative to the site'))
  .refine(isSiteUrl, expected('a URL, absolute http(s) or relative to the site'));

export const absoluteUri = z.string(expected('an absolute URI (https:…, urn:…, tag:…)')).refine(isAbsoluteUri, expected('an absolute URI (https:…, urn:…, tag:…)'));

/** A BCP 47 language tag (`fr`, `fr-CA`, `en-GB`). */
export const languageTag = z.string(expected('a BCP 47 language tag such as "fr"')).refine(isLanguageTag, expected('a BCP 47 language tag such as "fr"'));

export const dateTimeWithOffset = z.string(expected('an ISO 8601 date-time with a UTC offset, such as "2024-02-28T09:00:00+01:00"')).superRefine((value, context) => {
  if (parseDateTime(value) === undefined) {
    context.addIssue({
      code: 'custom',
      message: `expected an ISO 8601 date-time with a UTC offset, such as "2024-02-28T09:00:00+01:00" (${describeDateTimeProblem(value)})`,
    });
  }
});

/** A calendar date (`2024-02-27`) or a date-time with its offset. */
export const dateOrDateTime = z
  .string(expected('a date ("2024-02-27") or a date-time with a UTC offset'))
  .refine((value) => isDate(value) || parseDateTime(value) !== undefined, expected('a date ("2024-02-27") or a date-time with a UTC offset'));

export const urlList = z.array(httpUrl, expected('a list of absolute http(s) URLs'));

function isSiteUrl(value: string): boolean {
  if (value.trim() === '' || value.startsWith('//')) return false;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(value);
  return hasScheme ? parseHttpUrl(value) !== undefined : true;
}

function isLanguageTag(value: string): boolean {
  if (!/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}
