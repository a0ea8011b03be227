import { describe, expect, it } from 'vitest';
import { isDate, parseDateTime } from '../../src/content/datetime.js';

describe('parseDateTime', () => {
  it('keeps the offset and computes the instant', () => {
    expect(parseDateTime('2024-02-28T09:00:00+01:00')).toEqual({
      iso: '2024-02-28T09:00:00+01:00',
      epochMs: Date.UTC(2024, 1, 28, 8),
      offsetMinutes: 60,
    });
    expect(parseDateTime('2024-02-28T09:00-05:30')).toEqual({
      iso: '2024-02-28T09:00:00-05:30',
      epochMs: Date.UTC(2024, 1, 28, 14, 30),
      offsetMinutes: -330,
    });
    expect(parseDateTime('2024-02-29T23:59:59.5Z')?.epochMs).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 500));
  });
  it('reads the years 0–99 as written, not as 1900–1999', () => {
    expect(parseDateTime('0050-02-28T09:00:00Z')?.epochMs).toBe(Date.parse('0050-02-28T09:00:00Z'));
    expect(parseDateTime('2000-02-29T09:00:00Z')).toBeDefined();
    expect(parseDateTime('1900-02-29T09:00:00Z')).toBeUndefined();
  });
  it.each([
    '2024-02-28T09:00:00',
    '2024-02-28',
    '2024-02-30T09:00:00+01:00',
    '2023-02-29T09:00:00Z',
    '2024-02-28T24:00:00Z',
    '2024-02-28T09:00:00+15:00',
    '2024-02-28T09:00:00+01:99',
    '2024-02-28T09:00:00+14:01',
    '28/02/2024',
    '2024-02-28 09:00:00+01:00',
  ])('refuses %j', (text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });
});

describe('isDate', () => {
  it('accepts real dates only', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2024-13-01')).toBe(false);
  });
});
