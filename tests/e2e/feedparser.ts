/** Runs a script with Debian's python3-feedparser (outside any Python environment a shell may set up). */
import { execFileSync } from 'node:child_process';

/** What `script` prints as JSON, given the file's path as its one argument. */
export function readWithFeedparser<T>(script: string, file: string): T {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as T;
}
