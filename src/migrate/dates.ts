/**
 * The dates of Hugo and Jekyll front matter (`2024-02-28`, `2024-02-28T09:00:00`, `2024-02-28 09:00:00 +0100`)
 * as depeche's ISO 8601 date-time with an offset. Pure: a date without an offset is read in the site's
 * time zone, whose offset at an instant the caller gives.
 */
import { formatLocalDateTime } from '../new/record.js';

/** Minutes east of UTC at the instant `epochMs`, in the zone the dates without an offset are read in. */
export type OffsetAt = (epochMs: number) => number;

const FOREIGN_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** `2024-02-28T09:00:00+01:00`, or undefined when `value` is no date of these forms. */
export function migratedDate(value: string, offsetAt: OffsetAt): string | undefined {
  const match = FOREIGN_DATE.exec(value.trim());
  if (match === null) return undefined;
  const [, year, month, day, hours = '00', minutes = '00', seconds = '00', zone] = match;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds));
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== Number(day)) return undefined;
  let offsetMinutes: number;
  if (zone === undefined) {
    // The offset at the wall time read as UTC, then at the instant that gives: right across a change of offset.
    offsetMinutes = offsetAt(wall - offsetAt(wall) * 60_000);
  } else if (zone.toUpperCase() === 'Z') {
    offsetMinutes = 0;
  } else {
    const digits = zone.replace(':', '');
    offsetMinutes = (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return formatLocalDateTime({ epochMs: wall - offsetMinutes * 60_000, offsetMinutes });
}
