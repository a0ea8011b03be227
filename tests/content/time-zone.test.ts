import { describe, expect, it } from 'vitest';
import { isTimeZone, offsetMinutesIn, suggestTimeZone } from '../../src/content/time-zone.js';

describe('time zones', () => {
  it('accepts the IANA names Intl knows, and refuses the rest', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC'])
      expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ['Europe/Pari', 'Paris', '', '+01:00', 'Mars/Olympus'])
      expect(isTimeZone(zone), zone).toBe(false);
  });

  it('suggests a close name, or the zone of a city', () => {
    expect(suggestTimeZone('Europe/Pari')).toBe('Europe/Paris');
    expect(suggestTimeZone('europe/brussel')).toBe('Europe/Brussels');
    expect(suggestTimeZone('Paris')).toBe('Europe/Paris');
    expect(suggestTimeZone('new york')).toBe('America/New_York');
    expect(suggestTimeZone('Mars/Olympus')).toBeUndefined();
  });

  it("gives the zone's offset at an instant, summer time included", () => {
    expect(offsetMinutesIn('Europe/Paris', Date.parse('2024-01-15T12:00:00Z'))).toBe(60);
    expect(offsetMinutesIn('Europe/Paris', Date.parse('2024-07-15T12:00:00Z'))).toBe(120);
    expect(offsetMinutesIn('America/St_Johns', Date.parse('2024-01-15T12:00:00Z'))).toBe(-210);
    expect(offsetMinutesIn('Asia/Kathmandu', Date.parse('2024-01-15T12:00:00Z'))).toBe(345);
    expect(offsetMinutesIn('UTC', Date.parse('2024-01-15T12:00:00Z'))).toBe(0);
  });
});
