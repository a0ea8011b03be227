/**
 * Zod field schemas shared by `site.yaml` and the article records. Each message says what was
 * expected; the validator adds what was found and where.
 */
import { z } from 'zod';
import { stripForOutputs } from '../characters.js';
import { describeDateTimeProblem, isDate, parseDateTime } from './datetime.js';
import { isLanguageTag, suggestLanguageTag } from './language.js';
import { isTimeZone, suggestTimeZone } from './time-zone.js';
import { isAbsoluteUri, parseHttpUrl } from './url.js';

/** A zod issue message that says what was expected. */
export const expected = (what: string) => ({ error: `expected ${what}` });

/**
 * A string with at least one visible character that every output keeps: a title of control
 * characters or zero-width spaces alone would be empty in the feeds (src/characters.ts).
 */
export const text = z
  .string(expected('a non-empty string'))
  .refine((value) => VISIBLE.test(stripForOutputs(value)), expected('a non-empty string'));

/** A character that shows: not white space, not a format character (zero-width space, bidi control). */
const VISIBLE = /[^\s\p{Cf}]/u;

/** An optional string: may be empty. */
export const optionalText = z.string(expected('a string')).optional();

/** A share of a picture's width or height, from 0 to 1. */
export const unitInterval = z
  .number({ error: 'expected a number from 0 to 1' })
  .min(0, { error: 'expected a number from 0 to 1' })
  .max(1, { error: 'expected a number from 0 to 1' });

export const positiveInteger = z
  .number(expected('a positive whole number'))
  .int(expected('a positive whole number'))
  .positive(expected('a positive whole number'));

/**
 * A URL field: `accepts` decides, once the text is known to hold no white space and no invisible or
 * control character. A URL parser silently drops a tab or a line break and percent-encodes the rest,
 * so such a URL would not be the one the record shows, and it would differ between the outputs that
 * carry it as written (feeds, JSON-LD) and those that drop what they cannot carry.
 */
function url(what: string, accepts: (value: string) => boolean) {
  return z.string(expected(what)).superRefine((value, context) => {
    if (INVISIBLE_IN_URL.test(value)) {
      context.addIssue({
        code: 'custom',
        message: `expected ${what} without white space or invisible characters (write a space as %20)`,
      });
    } else if (!accepts(value)) {
      context.addIssue({ code: 'custom', message: `expected ${what}` });
    }
  });
}

/** White space, controls, format characters (bidi controls, zero-width joiners), noncharacters, lone surrogates. */
const INVISIBLE_IN_URL = /[\s\p{Cc}\p{Cf}\p{Noncharacter_Code_Point}\p{Cs}]/u;

export const httpUrl = url('an absolute http(s) URL', (value) => parseHttpUrl(value) !== undefined);

/** An http(s) URL or a reference relative to the site (`images/a.jpg`, `/logo.png`). */
export const siteUrl = url('a URL, absolute http(s) or relative to the site', isSiteUrl);

export const absoluteUri = url('an absolute URI (https:…, urn:…, tag:…)', isAbsoluteUri);

const LANGUAGE_TAG = 'a BCP 47 language tag such as "fr"';

/** A registered BCP 47 language tag (`fr`, `fr-CA`, `en-GB`), with a "did you mean" (`French` → `fr`). */
export const languageTag = z.string(expected(LANGUAGE_TAG)).superRefine((value, context) => {
  if (isLanguageTag(value)) return;
  const suggestion = suggestLanguageTag(value);
  context.addIssue({
    code: 'custom',
    message: `expected ${LANGUAGE_TAG}`,
    params: suggestion === undefined ? {} : { hint: `did you mean "${suggestion}"?` },
  });
});

const TIME_ZONE = 'an IANA time zone such as "Europe/Paris"';

/** An IANA time zone (`Europe/Paris`), with a "did you mean" (`Europe/Pari`, `Paris` → `Europe/Paris`). */
export const timeZone = z.string(expected(TIME_ZONE)).superRefine((value, context) => {
  if (isTimeZone(value)) return;
  const suggestion = suggestTimeZone(value);
  context.addIssue({
    code: 'custom',
    message: `expected ${TIME_ZONE}`,
    params: suggestion === undefined ? {} : { hint: `did you mean "${suggestion}"?` },
  });
});

export const dateTimeWithOffset = z
  .string(expected('an ISO 8601 date-time with a UTC offset, such as "2024-02-28T09:00:00+01:00"'))
  .superRefine((value, context) => {
    if (parseDateTime(value) === undefined) {
      context.addIssue({
        code: 'custom',
        message:
          `expected an ISO 8601 date-time with a UTC offset, such as "2024-02-28T09:00:00+01:00" ` +
          `(${describeDateTimeProblem(value)})`,
      });
    }
  });

/** A calendar date (`2024-02-27`) or a date-time with its offset. */
export const dateOrDateTime = z
  .string(expected('a date ("2024-02-27") or a date-time with a UTC offset'))
  .refine(
    (value) => isDate(value) || parseDateTime(value) !== undefined,
    expected('a date ("2024-02-27") or a date-time with a UTC offset'),
  );

export const urlList = z.array(httpUrl, expected('a list of absolute http(s) URLs'));

function isSiteUrl(value: string): boolean {
  if (value.trim() === '' || value.startsWith('//')) return false;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(value);
  return hasScheme ? parseHttpUrl(value) !== undefined : true;
}

/** What a field of the newsroom's own may hold: text, a number, true or false, empty, lists and mappings of them. */
export type FreeValue = string | number | boolean | null | readonly FreeValue[] | { readonly [key: string]: FreeValue };

const FREE_VALUE = 'text, a number, true or false, a list or a mapping';

/**
 * A value of the newsroom's own (`extra:`, the fields `site.yaml` declares): free in its shape, but
 * only what JSON can carry, so that it reads the same after the cache and the workers copy it
 * (`.inf` and `.nan` cannot be). Each refusal names the place inside the value.
 */
export const freeValue = z.unknown().superRefine((value, context) => {
  for (const path of unrepresentable(value, []))
    context.addIssue({ code: 'custom', path, message: `expected ${FREE_VALUE}` });
}) as unknown as z.ZodType<FreeValue>;

/** The paths inside `value` of what is not a `FreeValue`. */
function unrepresentable(value: unknown, path: (string | number)[]): (string | number)[][] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => unrepresentable(item, [...path, index]));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.entries(value).flatMap(([key, item]) => unrepresentable(item, [...path, key]));
  return [path];
}

/** `value`, and every list and mapping in it, frozen: templates read it and cannot change it for the next page. */
export function frozenFreeValue<Value extends FreeValue>(value: Value): Value {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) frozenFreeValue(item);
    Object.freeze(value);
  }
  return value;
}

/**
 * A picture's caption, credit and rights (Google's image metadata), and where its crops are centred (0..1 from
 * the left and from the top): the fields an article's `image` and the site's default `image` share.
 */
export const pictureDetails = {
  caption: text.optional(),
  credit: text.optional(),
  license: httpUrl.optional(),
  acquireLicensePage: httpUrl.optional(),
  copyright: text.optional(),
  focus: z
    .strictObject({ x: unitInterval, y: unitInterval }, { error: 'expected a mapping with x and y, each from 0 to 1' })
    .optional(),
};
