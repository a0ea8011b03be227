/**
 * RFC 822 date-times for RSS (`Wed, 28 Feb 2024 09:00:00 +0100`), as the RSS Best Practices Profile
 * asks: four-digit year, English day and month names, a numeric zone. The wall-clock time is computed
 * from the instant and the date's own offset, never from the machine's time zone.
 */
import type { DateTime } from '../model.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Formats a date-time in RFC 822 (with a four-digit year), keeping its offset. */
export function formatRfc822(date: DateTime): string {
  // Shift the instant by the offset, then read it in UTC: that is the local wall-clock time.
  const local = new Date(date.epochMs + date.offsetMinutes * 60_000);
  const sign = date.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(date.offsetMinutes);
  const zone = `${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`;
  const day = DAYS[local.getUTCDay()] ?? '';
  const month = MONTHS[local.getUTCMonth()] ?? '';
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${day}, ${pad(local.getUTCDate())} ${month} ${pad(local.getUTCFullYear(), 4)} ${time} ${zone}`;
}
