import { describe, expect, it } from 'vitest';
import { offsetMinutesIn } from '../../src/content/time-zone.js';
import { migratedDate } from '../../src/migrate/dates.js';

const paris = (epochMs: number): number => offsetMinutesIn('Europe/Paris', epochMs);

describe('dates of Hugo and Jekyll posts', () => {
  it('keeps a written offset, in the form depeche reads', () => {
    expect(migratedDate('2024-02-28 09:00:00 +0100', paris)).toBe('2024-02-28T09:00:00+01:00');
    expect(migratedDate('2024-02-28T09:00:00-05:00', paris)).toBe('2024-02-28T09:00:00-05:00');
    expect(migratedDate('2024-02-28T09:00:00Z', paris)).toBe('2024-02-28T09:00:00+00:00');
  });

  it("reads a date without an offset in the site's zone, summer time included", () => {
    expect(migratedDate('2024-02-28', paris)).toBe('2024-02-28T00:00:00+01:00');
    expect(migratedDate('2024-07-01T09:00:00', paris)).toBe('2024-07-01T09:00:00+02:00');
    expect(migratedDate('2024-10-27 12:00', paris)).toBe('2024-10-27T12:00:00+01:00');
  });

  it('refuses what is no date', () => {
    expect(migratedDate('2024-02-30', paris)).toBeUndefined();
    expect(migratedDate('hier', paris)).toBeUndefined();
  });
});
