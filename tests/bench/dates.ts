/**
 * Paris time for the corpus dates: UTC+01:00 in winter, UTC+02:00 in summer (EU rule since 1996:
 * from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC). Pure: no
 * dependence on the machine's time zone.
 */

/** 01:00 UTC on the last Sunday of `month` (0-based) of `year`. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Paris's offset from UTC, in minutes, at the instant `epochMs`. */
export function parisOffsetMinutes(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  return epochMs >= lastSundayAt1Utc(year, 2) && epochMs < lastSundayAt1Utc(year, 9) ? 120 : 60;
}

/** `2024-02-28T09:00:00+01:00`: the instant written in Paris time, with its offset. */
export function formatParis(epochMs: number): string {
  const offset = parisOffsetMinutes(epochMs);
  const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, 19);
  return `${local}+0${offset / 60}:00`;
}

/** `2024-02-28`: the Paris calendar date of the instant. */
export function formatParisDate(epochMs: number): string {
  return formatParis(epochMs).slice(0, 10);
}
