/** IANA time zones (`Europe/Paris`), as the platform's Intl knows them. Pure. */
import { closestName } from '../did-you-mean.js';

/** A name `Intl.DateTimeFormat` accepts as a time zone. */
export function isTimeZone(value: string): boolean {
  if (value.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone most likely meant: a close spelling (`Europe/Pari` → `Europe/Paris`), or the zone of a
 * city written alone (`Paris`, `new york` → `America/New_York`).
 */
export function suggestTimeZone(value: string): string | undefined {
  const zones = Intl.supportedValuesOf('timeZone');
  const city = value.trim().toLowerCase().replaceAll(' ', '_');
  return (
    zones.find((zone) => zone.toLowerCase().split('/').at(-1) === city) ??
    closestName(value.trim().replaceAll(' ', '_'), zones)
  );
}

/** Minutes east of UTC in `zone` at the instant `epochMs` (`Europe/Paris` in July → 120). */
export function offsetMinutesIn(zone: string, epochMs: number): number {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(epochMs)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (match === null) throw new Error(`no UTC offset for the time zone ${zone}, found ${String(name)}`);
  const [, sign, hours, minutes] = match;
  if (sign === undefined) return 0;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}
