/**
 * The date formats of the feeds: RFC 822 (RSS, with the four-digit year the RSS profile prefers)
 * and RFC 3339 (Atom, JSON Feed). Pure parsers: text in, instant out.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const RFC822 = new RegExp(
  String.raw`^\s*(?:([A-Za-z]{3}),\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2}|\d{4})\s+(\d{2})` +
    String.raw`:(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[A-Za-z]{1,3})\s*$`,
);

export interface Rfc822Date {
  epochMs: number;
  /** The year has two digits (RFC 822 allows it; the RSS profile prefers four). */
  twoDigitYear: boolean;
  /** The day of the week is given and is not the date's. */
  wrongWeekday: boolean;
}

/** Parses an RFC 822 date-time (`Wed, 28 Feb 2024 09:00:00 +0100`); undefined when malformed or impossible. */
export function parseRfc822(text: string): Rfc822Date | undefined {
  const match = RFC822.exec(text);
  if (match === null) return undefined;
  const [, weekday, day, monthName, yearText = '', hours, minutes, seconds = '00', zone = ''] = match;
  const month = MONTHS.indexOf(capitalised(monthName ?? ''));
  const offset = /^[+-]\d{4}$/.test(zone)
    ? sign(zone) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)))
    : ZONES[zone.toUpperCase()];
  if (month < 0 || offset === undefined || (weekday !== undefined && !DAYS.includes(capitalised(weekday))))
    return undefined;
  const year = yearText.length === 2 ? 1900 + Number(yearText) + (Number(yearText) < 50 ? 100 : 0) : Number(yearText);
  const [h, m, s, d] = [Number(hours), Number(minutes), Number(seconds), Number(day)];
  if (h > 23 || m > 59 || s > 60) return undefined;
  const local = Date.UTC(year, month, d, h, m, s);
  const check = new Date(Date.UTC(year, month, d));
  if (check.getUTCDate() !== d || check.getUTCMonth() !== month) return undefined;
  return {
    epochMs: local - offset * 60_000,
    twoDigitYear: yearText.length === 2,
    wrongWeekday: weekday !== undefined && DAYS[check.getUTCDay()] !== capitalised(weekday),
  };
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 date-time (`2024-02-28T09:00:00+01:00`); undefined when malformed or impossible. */
export function parseRfc3339(text: string): number | undefined {
  const match = RFC3339.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hours, minutes, seconds] = match.map(Number);
  const check = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  if (
    check.getUTCDate() !== day ||
    check.getUTCMonth() !== (month ?? 0) - 1 ||
    (hours ?? 0) > 23 ||
    (minutes ?? 0) > 59 ||
    (seconds ?? 0) > 60
  )
    return undefined;
  const epochMs = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(epochMs) ? undefined : epochMs;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function sign(zone: string): number {
  return zone.startsWith('-') ? -1 : 1;
}
