/**
 * Shapes of the literal values schema.org data types take in JSON-LD. Pure predicates on strings.
 */

const date = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))?$/;
const time = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))?$/;
const duration = /^P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
const quantity = /^[-+]?\d+(?:\.\d+)?\s?[^\d\s]/;

/** A calendar date `YYYY-MM-DD` that exists (`2024-02-29` yes, `2023-02-29` no). */
export function isDate(value: string): boolean {
  const match = date.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A date-time `YYYY-MM-DDThh:mm[:ss[.fff]]` with its UTC offset, `Z` or `±HH:MM`. */
export function isDateTime(value: string): boolean {
  const match = dateTime.exec(value);
  return (
    match !== null &&
    match[5] !== undefined &&
    isDate(match[1] ?? '') &&
    isClock(match[2], match[3], match[4]) &&
    isOffset(match[6], match[7])
  );
}

/** A date-time that would be valid but for its missing UTC offset (`2024-02-28T09:00:00`). */
export function isDateTimeWithoutOffset(value: string): boolean {
  const match = dateTime.exec(value);
  return match !== null && match[5] === undefined && isDate(match[1] ?? '') && isClock(match[2], match[3], match[4]);
}

/** A time of day `hh:mm[:ss[.fff]]`, with an optional UTC offset. */
export function isTime(value: string): boolean {
  const match = time.exec(value);
  return match !== null && isClock(match[1], match[2], match[3]) && isOffset(match[4], match[5]);
}

/** An ISO 8601 duration (`PT1H30M`, `P3D`). */
export function isDuration(value: string): boolean {
  return duration.test(value);
}

/** A number followed by a unit, as schema.org writes Distance, Mass and Energy (`7 ft`, `600 px`). */
export function isQuantity(value: string): boolean {
  return quantity.test(value);
}

/** An absolute `http:` or `https:` URL with a host and no white space. */
export function isAbsoluteHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value)) return false;
  try {
    return new URL(value).host !== '';
  } catch {
    return false;
  }
}

function isClock(hours: string | undefined, minutes: string | undefined, seconds: string | undefined): boolean {
  return Number(hours) <= 23 && Number(minutes) <= 59 && (seconds === undefined || Number(seconds) <= 59);
}

function isOffset(hours: string | undefined, minutes: string | undefined): boolean {
  return hours === undefined || (Number(hours) <= 23 && Number(minutes) <= 59);
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
