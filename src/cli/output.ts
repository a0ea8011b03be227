/**
 * Terminal output: colours only on a terminal and never with `NO_COLOR` (https://no-color.org), a
 * progress line that appears only when work takes more than a moment, and sizes in words.
 */
import type { Io, OutputStream } from './io.js';

export interface Colours {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

const plain: Colours = { bold: same, dim: same, red: same, yellow: same, green: same };
const ansi: Colours = {
  bold: (text) => `\x1b[1m${text}\x1b[22m`,
  dim: (text) => `\x1b[2m${text}\x1b[22m`,
  red: (text) => `\x1b[31m${text}\x1b[39m`,
  yellow: (text) => `\x1b[33m${text}\x1b[39m`,
  green: (text) => `\x1b[32m${text}\x1b[39m`,
};

function same(text: string): string {
  return text;
}

/** The colours for text written to `stream`: ANSI on a terminal, none when `NO_COLOR` is set and not empty. */
export function coloursFor(stream: OutputStream, env: Io['env']): Colours {
  const noColor = env.NO_COLOR;
  return stream.isTTY && (noColor === undefined || noColor === '') ? ansi : plain;
}

export interface Progress {
  /** Shows `text` as the progress line, once `delayMs` has passed since the start, at most every `intervalMs`. */
  update(text: string): void;
  /** Erases the progress line, if one is shown, and stops the refresh. */
  clear(): void;
}

export interface ProgressOptions {
  /** No line before this many milliseconds: quick work stays silent. Default 250. */
  delayMs?: number;
  /** Redraw at most this often. Default 80. */
  intervalMs?: number;
  /** Milliseconds from some origin. Default `performance.now`. */
  now?: () => number;
  /**
   * Redraws the last text every `intervalMs` while the work waits on I/O, so a slow read shows up
   * once the delay has passed. Default true; tests with a fake clock turn it off.
   */
  refresh?: boolean;
}

/** A one-line progress display on `stream`; does nothing unless `stream` is a terminal and `enabled`. */
export function progressLine(stream: OutputStream, enabled: boolean, options: ProgressOptions = {}): Progress {
  const now = options.now ?? (() => performance.now());
  const delayMs = options.delayMs ?? 250;
  const intervalMs = options.intervalMs ?? 80;
  const started = now();
  let shown = false;
  let last = -Infinity;
  let latest = '';
  const active = enabled && stream.isTTY;
  const draw = (): void => {
    const time = now();
    if (latest === '' || time - started < delayMs || time - last < intervalMs) return;
    stream.write(`\r\x1b[2K${latest}`);
    shown = true;
    last = time;
  };
  const timer = active && options.refresh !== false ? setInterval(draw, intervalMs) : undefined;
  timer?.unref();
  return {
    update(text) {
      if (!active) return;
      latest = text;
      draw();
    },
    clear() {
      if (timer !== undefined) clearInterval(timer);
      if (!shown) return;
      stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** `532 B`, `45.2 kB`, `3.1 MB` (decimal units, as `ls -h --si` and most hosts count). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** `1 article`, `3 articles`: English plurals for counts in messages. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** `0.12 s`, `1.4 s`, `12 s`. */
export function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  return `${seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}

/** One JSON document on stdout, for `--json`. */
export function writeJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
