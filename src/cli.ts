#!/usr/bin/env node
/**
 * The command line's edge: the only place with `process` and the console. It hands the commands
 * their streams, environment and clock (`SOURCE_DATE_EPOCH` is read here), and sets the exit code:
 * 0 ok, 1 content problems or check errors, 2 usage.
 */
import { readFileSync } from 'node:fs';
import type { Clock, Io } from './cli/io.js';
import { main } from './cli/main.js';

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** "Now": `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible output; else the system time. */
function clock(env: NodeJS.ProcessEnv): Clock {
  const epoch = env.SOURCE_DATE_EPOCH;
  const fixed = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : undefined;
  return {
    now: () => fixed ?? Date.now(),
    offsetMinutes: (epochMs) => -new Date(epochMs).getTimezoneOffset(),
  };
}

const io: Io = {
  stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
  stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
  env: process.env,
  clock: clock(process.env),
  cwd: process.cwd(),
  untilInterrupted: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
};

try {
  process.exitCode = await main(process.argv.slice(2), io, version);
} catch (error) {
  // A bug or a failure of the system (a folder that cannot be written): say it in one line.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`depeche: ${message}\n`);
  if (process.env.DEPECHE_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
