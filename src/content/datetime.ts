/**
 * ISO 8601 dates as the records write them. A date-time must carry its UTC offset: a bare
 * `2024-02-28T09:00` is ambiguous by up to a day, and feeds and search engines need the instant.
 */
import type { DateTime } from '../model.js';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `2024-02-28T09:00:00+01:00`; undefined when malformed, impossible or without offset. */
export function parseDateTime(text: string): DateTime | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone = 'Z'] = match;
  if (!isRealDate(Number(year), Number(month), Number(day))) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
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

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
