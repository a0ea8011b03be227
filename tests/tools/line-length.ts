/**
 * `npm run lint`'s second half: Biome's formatter wraps code at 120 columns but leaves long strings and
 * comments alone, so this names every line over the limit in the source, the tests and the config files.
 * Golden files, fixtures and data are inputs quoted as they are, so they are not checked.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 120;
const checked = /^(src|tests)\/.*\.(ts|js|mjs|json)$|^[^/]+\.(ts|json)$|^\.ci\//;
const quoted = /^tests\/(golden|fixtures)\/|\/data\/|^package-lock\.json$/;

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => checked.test(file) && !quoted.test(file));

let long = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // listed by git but deleted in the work tree
  }
  text.split('\n').forEach((line, index) => {
    const width = [...line].length;
    if (width > LIMIT) {
      long += 1;
      console.error(`${file}:${index + 1}: ${width} characters, at most ${LIMIT} expected`);
    }
  });
}
if (long > 0) {
  console.error(`${long} line(s) over ${LIMIT} characters`);
  process.exit(1);
}
