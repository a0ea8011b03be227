/** "now" for the commands that date a record: at the offset of site.yaml's `timeZone`, else the machine's. */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { declaredTimeZone } from '../config.js';
import { offsetMinutesIn } from '../content/time-zone.js';
import type { Problem } from '../errors.js';
import type { LocalTime } from '../new/record.js';
import type { Io } from './io.js';

/** The clock's now and its offset, or the problems of a `timeZone` setting that names no zone. */
export async function localNow(io: Io, contentDir: string): Promise<LocalTime | Problem[]> {
  const path = resolve(io.cwd, contentDir, 'site.yaml');
  let source: string | undefined;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const declared = source === undefined ? { timeZone: undefined } : declaredTimeZone(relative(io.cwd, path), source);
  if (Array.isArray(declared)) return declared;
  const epochMs = io.clock.now();
  const offsetMinutes =
    declared.timeZone === undefined ? io.clock.offsetMinutes(epochMs) : offsetMinutesIn(declared.timeZone, epochMs);
  return { epochMs, offsetMinutes };
}
