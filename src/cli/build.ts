/**
 * `depeche build`: the build with a progress line on a terminal, a closing summary, problems with
 * their file and line, and `--json` for CI.
 */
import { resolve } from 'node:path';
import { build, type BuildProgress, type BuildResult } from '../build.js';
import { ContentError, type Problem } from '../errors.js';
import { FEED_PATHS } from '../model.js';
import { baseUrlOption, flag, type Io, type OptionValues, stringOption } from './io.js';
import { coloursFor, count, formatBytes, formatSeconds, progressLine, writeJson } from './output.js';
import { formatProblems } from './problems.js';

/** What `--json` prints: the summary when the site was built, the problems when it was not. */
export interface BuildReport {
  command: 'build';
  ok: boolean;
  summary: BuildSummary | null;
  problems: Problem[];
  /** What the build says without failing: printed on stderr, the build still succeeds. */
  warnings: Problem[];
}

export interface BuildSummary {
  outDir: string;
  articles: number;
  files: number;
  bytes: number;
  durationMs: number;
  feeds: string[];
  /** Records left out because they are drafts. */
  drafts: string[];
  /** Records left out because they are dated after now, soonest first (`--future` includes them). */
  scheduled: { file: string; datePublished: string }[];
  /** When the first of `scheduled` is due: the time to build again; null when none is scheduled. */
  nextDue: string | null;
  /** Articles unchanged since the previous build: taken from the build cache, not rendered again. */
  reused: number;
}

export async function run(values: OptionValues, _positionals: readonly string[], io: Io): Promise<number> {
  const contentDir = stringOption(values, 'content') ?? 'content';
  const outDir = stringOption(values, 'out') ?? 'dist';
  const baseUrl = baseUrlOption(values);
  const json = flag(values, 'json');
  const quiet = flag(values, 'quiet');
  const progress = progressLine(io.stderr, !json && !quiet);
  const started = performance.now();
  let result: BuildResult;
  try {
    result = await build({
      contentDir: resolve(io.cwd, contentDir),
      outDir: resolve(io.cwd, outDir),
      namesRelativeTo: io.cwd,
      drafts: flag(values, 'drafts'),
      future: flag(values, 'future'),
      // The clock's "now" (SOURCE_DATE_EPOCH when set): what is published, what is scheduled.
      now: new Date(io.clock.now()),
      // Streamed to disk: memory holds the model, never every page.
      keepFiles: false,
      // Unchanged articles are neither rendered nor written again (a cache beside the output folder).
      incremental: true,
      ...sourceDate(io.env),
      onProgress: (step) => progress.update(describeProgress(step)),
      ...(baseUrl === undefined ? {} : { baseUrl }),
    });
  } catch (error) {
    progress.clear();
    if (!(error instanceof ContentError)) throw error;
    const problems = [...error.problems];
    if (json)
      writeJson(io, { command: 'build', ok: false, summary: null, problems, warnings: [] } satisfies BuildReport);
    else {
      const colours = coloursFor(io.stderr, io.env);
      const files = new Set(problems.map((problem) => problem.file)).size;
      io.stderr.write(formatProblems(problems, colours));
      io.stderr.write(
        `depeche: ${colours.red(count(problems.length, 'problem'))} in ${count(files, 'file')}; ${outDir}/ was left ` +
          `as it was\n`,
      );
    }
    return 1;
  }
  progress.clear();
  const summary: BuildSummary = {
    outDir,
    articles: result.site.articles.length,
    files: result.fileCount,
    bytes: result.bytes,
    durationMs: Math.round(performance.now() - started),
    // Every build writes the three feeds.
    feeds: Object.values(FEED_PATHS),
    drafts: result.drafts,
    scheduled: result.scheduled.map(({ file, datePublished }) => ({ file, datePublished })),
    nextDue: result.nextDue ?? null,
    reused: result.reused,
  };
  const { warnings } = result;
  if (json) writeJson(io, { command: 'build', ok: true, summary, problems: [], warnings } satisfies BuildReport);
  else {
    io.stderr.write(formatProblems(warnings, coloursFor(io.stderr, io.env)));
    if (!quiet) io.stdout.write(formatSummary(summary, io));
  }
  return 0;
}

/** `SOURCE_DATE_EPOCH` (seconds), when set, as the time of every file written (the clock gives the build's "now"). */
function sourceDate(env: Io['env']): { mtime?: Date } {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch) ? { mtime: new Date(Number(epoch) * 1000) } : {};
}

function describeProgress(step: BuildProgress): string {
  if (step.phase === 'load') return 'reading the content…';
  if (step.phase === 'render') return `rendering ${step.done}/${step.total} articles…`;
  return `writing ${step.total} files…`;
}

function formatSummary(summary: BuildSummary, io: Io): string {
  const colours = coloursFor(io.stdout, io.env);
  const out = summary.outDir.replace(/\/+$/, '');
  const feeds = summary.feeds.map((path) => `${out}/${path}`).join(', ');
  return (
    `depeche: ${colours.green('built')} ${count(summary.articles, 'article')} into ${colours.bold(`${out}/`)} in ` +
    `${formatSeconds(summary.durationMs)}\n` +
    `  ${count(summary.files, 'file')}, ${formatBytes(summary.bytes)}` +
    (summary.reused === 0
      ? '\n'
      : `; ${count(summary.articles - summary.reused, 'article')} rendered, ${summary.reused} unchanged\n`) +
    (feeds === '' ? '' : `  feeds: ${feeds}\n`) +
    (summary.drafts.length === 0
      ? ''
      : `  ${colours.dim(`${count(summary.drafts.length, 'draft')} left out (--drafts to include)`)}\n`) +
    (summary.nextDue === null
      ? ''
      : `  ${count(summary.scheduled.length, 'article')} scheduled, the next due ${summary.nextDue} ` +
        `(build again then; --future to include)\n`)
  );
}
