/** The clock for the commands that date a record: at the offset of site.yaml's `timeZone`, else the machine's. */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { declaredTimeZone } from '../config.js';
import { offsetMinutesIn } from '../content/time-zone.js';
import type { Problem } from '../errors.js';
import type { OffsetAt } from '../migrate/dates.js';
import type { LocalTime } from '../new/record.js';
import type { Io } from './io.js';

/** The UTC offset at an instant in the site's zone, or the problems of a `timeZone` that names no zone. */
export async function siteOffsetAt(io: Io, contentDir: string): Promise<OffsetAt | Problem[]> {
  const path = resolve(io.cwd, contentDir, 'site.yaml');
  let source: string | undefined;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const declared = source === undefined ? { timeZone: undefined } : declaredTimeZone(relative(io.cwd, path), source);
  if (Array.isArray(declared)) return declared;
  const { timeZone } = declared;
  return (epochMs) => (timeZone === undefined ? io.clock.offsetMinutes(epochMs) : offsetMinutesIn(timeZone, epochMs));
}

/** The clock's now and its offset in the site's zone, or the problems of its `timeZone`. */
export async function localNow(io: Io, contentDir: string): Promise<LocalTime | Problem[]> {
  const offsetAt = await siteOffsetAt(io, contentDir);
  if (Array.isArray(offsetAt)) return offsetAt;
  const epochMs = io.clock.now();
  return { epochMs, offsetMinutes: offsetAt(epochMs) };
}
