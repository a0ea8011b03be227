/** Terminal output: colours, the progress line's timing, sizes and plurals. */
import { describe, expect, it } from 'vitest';
import { coloursFor, count, formatBytes, progressLine } from '../../src/cli/output.js';

function stream(isTTY: boolean): { write: (text: string) => void; isTTY: boolean; text: () => string } {
  let written = '';
  return {
    write: (text) => {
      written += text;
    },
    isTTY,
    text: () => written,
  };
}

describe('colours', () => {
  it('on a terminal only, and not with NO_COLOR (an empty NO_COLOR does not count)', () => {
    expect(coloursFor(stream(true), {}).red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(coloursFor(stream(true), { NO_COLOR: '' }).red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(coloursFor(stream(true), { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(coloursFor(stream(false), {}).bold('x')).toBe('x');
  });
});

describe('the progress line', () => {
  it('stays silent for the first moment, then redraws at most every interval, and clears itself', () => {
    let time = 0;
    const out = stream(true);
    const progress = progressLine(out, true, { delayMs: 250, intervalMs: 80, now: () => time, refresh: false });
    progress.update('rendering 1/9 articles…');
    time = 200;
    progress.update('rendering 2/9 articles…');
    expect(out.text()).toBe('');
    time = 260;
    progress.update('rendering 3/9 articles…');
    time = 300;
    progress.update('rendering 4/9 articles…');
    time = 345;
    progress.update('rendering 5/9 articles…');
    progress.clear();
    expect(out.text()).toBe('\r\x1b[2Krendering 3/9 articles…\r\x1b[2Krendering 5/9 articles…\r\x1b[2K');
  });

  it('never draws when not on a terminal, or when disabled (--json, --quiet)', () => {
    for (const [isTTY, enabled] of [
      [false, true],
      [true, false],
    ] as const) {
      let time = 0;
      const out = stream(isTTY);
      const progress = progressLine(out, enabled, { now: () => time, refresh: false });
      time = 10_000;
      progress.update('x');
      progress.clear();
      expect(out.text()).toBe('');
    }
  });
});

describe('the progress line while waiting on I/O', () => {
  it('shows the last text once the delay has passed, without a new update', async () => {
    const out = stream(true);
    const progress = progressLine(out, true, { delayMs: 20, intervalMs: 5 });
    progress.update('reading the content…');
    await new Promise((resolve) => setTimeout(resolve, 60));
    progress.clear();
    expect(out.text()).toMatch(/^\r\x1b\[2Kreading the content…(?:\r\x1b\[2Kreading the content…)*\r\x1b\[2K$/);
  });
});

describe('sizes and counts', () => {
  it('says sizes in decimal units and counts with plurals', () => {
    expect([formatBytes(532), formatBytes(45_213), formatBytes(3_100_000)]).toEqual(['532 B', '45.2 kB', '3.10 MB']);
    expect([count(1, 'article'), count(0, 'article'), count(2, 'entry', 'entries')]).toEqual([
      '1 article',
      '0 articles',
      '2 entries',
    ]);
  });
});
