/** `depeche check [dist]`: one line a finding, then a count; exit 1 on an error (or a warning with --strict). */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Finding, formatFinding } from '../check/finding.js';
import { contentBeside } from '../check/folder.js';
import { readSite } from '../check/read-site.js';
import { type RecordText, readRecords } from '../check/records.js';
import { type CheckResult, checkFiles } from '../check/site.js';
import { baseUrlOption, flag, type Io, type OptionValues, UsageError } from './io.js';
import { type Colours, coloursFor, count, formatSeconds, writeJson } from './output.js';

export interface CheckReport extends CheckResult {
  command: 'check';
  ok: boolean;
}

export async function run(values: OptionValues, positionals: readonly string[], io: Io): Promise<number> {
  const dir = positionals[0] ?? 'dist';
  const baseUrl = baseUrlOption(values);
  const path = resolve(io.cwd, dir);
  const folder = await stat(path).catch(() => undefined);
  if (folder === undefined || !folder.isDirectory())
    throw new UsageError(`expected a built site in ${dir}/, found no such folder (run depeche build first)`);
  const records = await recordsFor(values, dir, io);
  const started = performance.now();
  const result = checkFiles(await readSite(path), {
    folder: dir,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(records === undefined ? {} : { records }),
    // The clock's now (SOURCE_DATE_EPOCH when set), as the build's: a page dated after it is warned about.
    now: new Date(io.clock.now()),
  });
  const ok = result.errors === 0 && (!flag(values, 'strict') || result.warnings === 0);
  if (flag(values, 'json')) {
    writeJson(io, { command: 'check', ok, ...result } satisfies CheckReport);
    return ok ? 0 : 1;
  }
  const quiet = flag(values, 'quiet');
  const colours = coloursFor(io.stdout, io.env);
  const shown = quiet ? result.findings.filter((finding) => finding.severity === 'error') : result.findings;
  io.stdout.write(shown.map((finding) => `${colourFinding(finding, colours)}\n`).join(''));
  if (!quiet || !ok) {
    const errors = count(result.errors, 'error');
    const warnings = count(result.warnings, 'warning');
    io.stdout.write(
      `depeche: checked ${count(result.files, 'file')} in ${dir}/ in ${formatSeconds(performance.now() - started)}: ` +
        `${result.errors > 0 ? colours.red(errors) : colours.green(errors)}, ` +
        `${result.warnings > 0 ? colours.yellow(warnings) : warnings}\n`,
    );
  }
  return ok ? 0 : 1;
}

/** The records of `--content DIR`, or of `content` beside the built folder when it exists. */
async function recordsFor(values: OptionValues, dir: string, io: Io): Promise<RecordText[] | undefined> {
  const given = values.content;
  if (typeof given === 'string') {
    const articles = await stat(resolve(io.cwd, given, 'articles')).catch(() => undefined);
    if (articles === undefined || !articles.isDirectory())
      throw new UsageError(`expected a content folder with articles/ in ${given}/, found none`);
    return readRecords(resolve(io.cwd, given), given);
  }
  const beside = await contentBeside(resolve(io.cwd, dir));
  return beside === undefined ? undefined : readRecords(beside, join(dir, '..', 'content'));
}

function colourFinding(finding: Finding, colours: Colours): string {
  const line = formatFinding(finding);
  const marker = `: ${finding.severity}: `;
  const at = line.indexOf(marker);
  const severity = finding.severity === 'error' ? colours.red(finding.severity) : colours.yellow(finding.severity);
  return `${colours.bold(line.slice(0, at))}: ${severity}: ${line.slice(at + marker.length)}`;
}
