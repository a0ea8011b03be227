/**
 * The long run of the hostile-content properties (tests/property/check-site.ts): `npm run fuzz`
 * builds 100,000 generated sites through the real loader, validator and renderers and checks every
 * output, then prints its figures. Unlike the test, it does not stop at the first failure: it counts
 * them all, prints the first ones and writes every failing site to tests/artifacts/fuzz-failures.json
 * (git-ignored).
 *
 *   npm run fuzz                         100,000 cases, a random seed
 *   npm run fuzz -- --runs 5000 --seed 42
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { build } from '../../src/build.js';
import { generatedSite, type GeneratedSite } from '../property/arbitraries.js';
import { checkBuiltSite, checkBuiltSiteExpanded } from '../property/check-site.js';
import { writeContent } from '../property/site-files.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? (Date.now() ^ (Math.random() * 0x100000000)) >>> 0 : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed))
  throw new Error('usage: fuzz.ts [--runs N] [--seed S]');

/** Beside the e2e screenshots, from the project root whatever the working directory. */
const artifacts = join(import.meta.dirname, '../artifacts');
const failuresFile = join(artifacts, 'fuzz-failures.json');

const scratch = mkdtempSync(join(tmpdir(), 'depeche-fuzz-'));
const contentDir = join(scratch, 'content');
const failures: { message: string; site: GeneratedSite }[] = [];
const started = performance.now();
let cases = 0;

process.stdout.write(`depeche fuzz: ${runs} generated sites, seed ${seed}\n`);
try {
  await fc.assert(
    fc.asyncProperty(generatedSite, async (site) => {
      cases++;
      try {
        writeContent(contentDir, site);
        const result = await build({ contentDir, write: false });
        checkBuiltSite(site, result);
        await checkBuiltSiteExpanded(site, result);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ message, site });
        process.stdout.write(`  failure at case ${cases}: ${message.split('\n', 1)[0]?.slice(0, 200)}\n`);
      }
      if (cases % 5000 === 0) {
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(`  ${cases} cases, ${failures.length} failures, ${seconds.toFixed(0)} s\n`);
      }
    }),
    { numRuns: runs, seed },
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `cases: ${cases}\nfailures: ${failures.length}\n` +
    `time: ${seconds.toFixed(1)} s (${((seconds * 1000) / cases).toFixed(1)} ms a case)\nseed: ${seed}\n`,
);
if (failures.length > 0) {
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(failuresFile, `${JSON.stringify(failures, null, 2)}\n`);
  for (const failure of failures.slice(0, 5))
    process.stdout.write(`\n${failure.message.split('\n').slice(0, 12).join('\n')}\n`);
  process.stdout.write(`\nevery failing site: ${relative(process.cwd(), failuresFile)}\n`);
  process.exitCode = 1;
}
