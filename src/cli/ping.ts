/** `depeche ping`: tells the site's WebSub hubs of the feeds the last build changed. */
import { resolve } from 'node:path';
import { ping, type PingReport, type PingResult } from '../websub/ping.js';
import { flag, type Io, type OptionValues, stringOption, UsageError } from './io.js';
import { coloursFor, count, writeJson } from './output.js';

export async function run(values: OptionValues, _positionals: readonly string[], io: Io): Promise<number> {
  const outDir = stringOption(values, 'out') ?? 'dist';
  const timeout = stringOption(values, 'timeout');
  const timeoutMs = timeout === undefined ? undefined : Number(timeout) * 1000;
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0))
    throw new UsageError(`--timeout expects a number of seconds above 0, found ${JSON.stringify(timeout)}`);
  const dryRun = flag(values, 'dry-run');
  const report = await ping({
    outDir: resolve(io.cwd, outDir),
    dryRun,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  if (flag(values, 'json')) writeJson(io, { command: 'ping', dryRun, ...report });
  else describe(io, outDir, report, dryRun);
  return report.ok ? 0 : 1;
}

function describe(io: Io, outDir: string, report: PingReport, dryRun: boolean): void {
  const colours = coloursFor(io.stderr, io.env);
  if (report.reason === 'no-build') {
    io.stderr.write(`depeche: no build of ${outDir}/ is known: run depeche build first, then ping\n`);
    return;
  }
  if (report.reason === 'failed-build') {
    io.stderr.write(
      `depeche: ${colours.red('the last build of')} ${outDir}/ ${colours.red('failed')}: nothing was sent ` +
        `(fix what depeche build reports, build, deploy, then ping)\n`,
    );
    return;
  }
  if (report.reason === 'no-hubs') {
    io.stdout.write('depeche: site.yaml names no websub.hubs: nothing to ping\n');
    return;
  }
  const by = (outcome: PingResult['outcome']): PingResult[] =>
    report.results.filter((result) => result.outcome === outcome);
  for (const result of by('planned')) io.stdout.write(`would ping ${result.hub} for ${result.topic}\n`);
  for (const result of by('accepted')) io.stdout.write(`pinged ${result.hub} for ${result.topic} (${result.status})\n`);
  for (const result of by('refused')) {
    const answer = result.status === undefined ? '' : `HTTP ${result.status}`;
    const detail = [answer, result.detail].filter((part) => part !== undefined && part !== '').join(': ');
    io.stderr.write(
      `${colours.red('refused')} ${result.hub} for ${result.topic} after ${count(result.attempts, 'try', 'tries')}` +
        `${detail === '' ? '' : ` (${detail})`}\n`,
    );
  }
  const unchanged = by('unchanged').length;
  const sent = by('accepted').length + by('refused').length;
  io.stdout.write(
    `depeche: ${dryRun ? `${count(by('planned').length, 'ping')} to send` : `${count(sent, 'ping')} sent`}, ` +
      `${count(unchanged, 'topic')} unchanged since the hub last took it\n`,
  );
}
