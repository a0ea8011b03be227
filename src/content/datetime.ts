/**
 * ISO 8601 dates as the records write them. A date-time must carry its UTC offset: a bare
 * `2024-02-28T09:00` is ambiguous by up to a day, and feeds and search engines need the instant.
 */
import type { DateTime } from '../model.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `2024-02-28T09:00:00+01:00`; undefined when malformed, impossible or without offset. */
export function parseDateTime(text: string): DateTime | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone = 'Z'] = match;
  if (!isRealDate(Number(year), Number(month), Number(day))) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  // `+01:99` would make an instant no parser reads (NaN): minutes of an offset stop at 59.
  if (zone !== 'Z' && Number(zone.slice(4, 6)) > 59) return undefined;
  const offsetMinutes = zone === 'Z' ? 0 : parseOffset(zone);
  if (Math.abs(offsetMinutes) > 14 * 60) return undefined;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${zone}`;
  return { iso, epochMs: Date.parse(iso), offsetMinutes };
}

/** True for a calendar date that exists (`2024-02-29` yes, `2024-02-30` no). */
export function isDate(text: string): boolean {
  const match = DATE.exec(text);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Why a date-time was refused, in the words of an error message. */
export function describeDateTimeProblem(text: string): string {
  if (DATE.test(text)) return 'a date alone';
  if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return 'no UTC offset';
  if (DATE_TIME.test(text)) return 'a date or time that does not exist';
  return 'not ISO 8601';
}

function parseOffset(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** By arithmetic, not `Date.UTC`, which reads the years 0–99 as 1900–1999 (and refused `0050-01-01`). */
function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0));
}
