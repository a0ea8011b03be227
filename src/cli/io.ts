/**
 * What a command may touch of the process, passed in by `src/cli.ts`: the two output streams, the
 * environment and the clock. Commands never read `process` themselves, so tests run them in memory.
 */

/** An output stream: stdout or stderr. */
export interface OutputStream {
  write(text: string): void;
  /** A terminal: progress lines and colours are allowed (colours unless `NO_COLOR`). */
  readonly isTTY: boolean;
}

/** The clock of `new` and `import`: "now" and the local UTC offset, resolved at the edge. */
export interface Clock {
  /** Milliseconds since the epoch: `SOURCE_DATE_EPOCH` when set, else the system time. */
  now(): number;
  /** The local zone's offset, in minutes east of UTC, at an instant (`+01:00` → 60). */
  offsetMinutes(epochMs: number): number;
}

export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  /** The working directory: relative paths in arguments are relative to it. */
  readonly cwd: string;
  /** Resolves when the user asks a long-running command to stop (Ctrl-C, SIGTERM). */
  untilInterrupted(): Promise<void>;
}

/** Parsed options of one command, as `node:util` `parseArgs` returns them. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

/** A mistake in the command line: exit code 2, with a pointer to the command's help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The value of a string option (`--out dist`). */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether a boolean flag (`--json`) was given. */
export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/** `--base-url`: absent, or an absolute http(s) URL. */
export function baseUrlOption(values: OptionValues): string | undefined {
  const baseUrl = stringOption(values, 'base-url');
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+\S*$/i.test(baseUrl)) {
    throw new UsageError(`--base-url expects an absolute http(s) URL, found ${JSON.stringify(baseUrl)}`);
  }
  return baseUrl;
}
