/** The small readers `check` relies on: image sizes, RFC 822 and RFC 3339 dates, the finding line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRfc3339, parseRfc822 } from '../../src/check/dates.js';
import { formatFinding } from '../../src/check/finding.js';
import { imageSize } from '../../src/check/image-size.js';
import { gifHeader, jpegHeader, pngHeader, webpLosslessHeader } from './images.js';

const root = join(import.meta.dirname, '../..');

describe('imageSize', () => {
  it('reads PNG, GIF, JPEG and lossless WebP headers', () => {
    expect(imageSize(pngHeader(1200, 675))).toEqual({ width: 1200, height: 675, format: 'png' });
    expect(imageSize(gifHeader(64, 48))).toEqual({ width: 64, height: 48, format: 'gif' });
    expect(imageSize(jpegHeader(1600, 900))).toEqual({ width: 1600, height: 900, format: 'jpeg' });
    expect(imageSize(webpLosslessHeader(1024, 768))).toEqual({ width: 1024, height: 768, format: 'webp' });
  });

  it('reads real files: the seed logo and the fixture photo', () => {
    expect(imageSize(readFileSync(join(root, 'content/public/logo.png')))).toEqual({
      width: 512,
      height: 512,
      format: 'png',
    });
    expect(imageSize(readFileSync(join(root, 'tests/fixtures/valid/public/images/une.jpg')))).toEqual({
      width: 1600,
      height: 1200,
      format: 'jpeg',
    });
  });

  it('knows nothing of other formats', () => {
    expect(imageSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0x00]))).toBeUndefined();
  });
});

describe('RFC 822 dates (RSS)', () => {
  it('reads the instant with its numeric or named zone', () => {
    expect(parseRfc822('Wed, 28 Feb 2024 09:00:00 +0100')).toEqual({
      epochMs: Date.parse('2024-02-28T08:00:00Z'),
      twoDigitYear: false,
      wrongWeekday: false,
    });
    expect(parseRfc822('28 Feb 2024 09:00 GMT')?.epochMs).toBe(Date.parse('2024-02-28T09:00:00Z'));
    expect(parseRfc822('Thu, 29 Feb 2024 01:00:00 EST')?.epochMs).toBe(Date.parse('2024-02-29T06:00:00Z'));
  });

  it('notes a two-digit year and a wrong day of the week', () => {
    expect(parseRfc822('Wed, 28 Feb 24 09:00:00 +0100')).toMatchObject({ twoDigitYear: true, wrongWeekday: false });
    expect(parseRfc822('Mon, 28 Feb 2024 09:00:00 +0100')).toMatchObject({ wrongWeekday: true });
  });

  it('refuses other formats and impossible dates', () => {
    for (const text of [
      '2024-02-28T09:00:00+01:00',
      'Wed, 30 Feb 2024 09:00:00 +0100',
      'Wed, 28 Fev 2024 09:00:00 +0100',
      'Wed, 28 Feb 2024 25:00:00 +0100',
      'Wed, 28 Feb 2024 09:00:00',
    ]) {
      expect(parseRfc822(text), text).toBeUndefined();
    }
  });
});

describe('RFC 3339 dates (Atom, JSON Feed)', () => {
  it('needs seconds and a zone', () => {
    expect(parseRfc3339('2024-02-28T09:00:00+01:00')).toBe(Date.parse('2024-02-28T08:00:00Z'));
    expect(parseRfc3339('2024-02-28T09:00:00.250Z')).toBe(Date.parse('2024-02-28T09:00:00.250Z'));
    for (const text of ['2024-02-28T09:00+01:00', '2024-02-28T09:00:00', '2024-02-30T09:00:00Z', '28/02/2024'])
      expect(parseRfc3339(text), text).toBeUndefined();
  });
});

describe('formatFinding', () => {
  it('prints file, line, path, severity, message and rule on one line', () => {
    expect(
      formatFinding({
        file: 'dist/feed.xml',
        line: 16,
        field: '/rss/channel/item[1]/pubDate',
        severity: 'error',
        rule: 'rss-date',
        message: 'expected an RFC 822 date-time',
      }),
    ).toBe('dist/feed.xml:16 /rss/channel/item[1]/pubDate: error: expected an RFC 822 date-time [rss-date]');
    expect(
      formatFinding({
        file: 'dist/feed.json',
        field: '$.items[0].id',
        severity: 'warning',
        rule: 'jsonfeed',
        message: 'expected a string',
        hint: 'readers coerce it',
      }),
    ).toBe('dist/feed.json $.items[0].id: warning: expected a string (readers coerce it) [jsonfeed]');
  });
});
