/**
 * Profiles one cold build of a generated corpus with `node --cpu-prof`, and prints where the time
 * went (see profile-summary.ts). The profile is kept in .bench/profiles/ for Chrome DevTools.
 *
 *   npm run bench:profile [-- --size 10000] [--seed 1] [--skip-compile]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runNode } from './child.js';
import { ensureCorpus } from './corpus.js';
import { removeTree } from './measure.js';
import { formatSummary, summarise, type CpuProfile } from './profile-summary.js';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'skip-compile': { type: 'boolean', default: false },
  },
});
if (!values['skip-compile']) execFileSync('npm', ['run', '--silent', 'compile'], { cwd: root, stdio: 'inherit' });
const corpus = ensureCorpus(join(root, '.bench/corpus'), { seed: Number(values.seed), count: Number(values.size) });
const profiles = join(root, '.bench/profiles');
const out = join(root, '.bench/work/profile/dist');
removeTree(join(root, '.bench/work/profile'));
mkdirSync(profiles, { recursive: true });
const before = new Set(readdirSync(profiles));
const usage = await runNode(join(root, 'lib/cli.js'), ['build', '--content', corpus.dir, '--out', out], {
  cwd: root,
  nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profiles}`],
});
// One profile per thread: the build's own, then one per worker of its pool.
const files = readdirSync(profiles)
  .filter((name) => name.endsWith('.cpuprofile') && !before.has(name))
  .sort();
if (files.length === 0) throw new Error(`no new profile in ${profiles}`);
process.stdout.write(
  `Cold build of N=${corpus.count} under --cpu-prof: wall ${(usage.wallMs / 1000).toFixed(2)} s, ` +
    `CPU user ${(usage.userMs / 1000).toFixed(2)} s + sys ${(usage.sysMs / 1000).toFixed(2)} s, ` +
    `peak RSS ${(usage.maxRssBytes / 2 ** 20).toFixed(0)} MiB. ` +
    `Profiles (one per thread): ${files.map((file) => join(profiles, file)).join(', ')}\n\n`,
);
for (const file of files) {
  process.stdout.write(`#### ${file}\n\n`);
  process.stdout.write(formatSummary(summarise(JSON.parse(readFileSync(join(profiles, file), 'utf8')) as CpuProfile)));
}
removeTree(join(root, '.bench/work/profile'));
