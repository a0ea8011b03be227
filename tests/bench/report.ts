/** The benchmark's printed report: markdown tables that can be pasted into the README as they are. */
import type { FeedRow } from './feeds.js';
import type { Row, Sample } from './measure.js';
import { count, markdownTable, median, mebibytes, megabytes, seconds } from './stats.js';

/** Issue 4's figures for Hugo at 10,000 articles on a 2-core machine: used when Hugo was not run. */
const HUGO_10K = { coldMs: 5_900, rssMiB: 1_044 } as const;
/** The row of Hugo's cold build (builds.ts); the depeche cold builds are compared with it. */
const HUGO_COLD = 'hugo cold';
const GOALS = { coldOfHugo: 1 / 3, rssMiB: 300, editOfCold: 1 / 10, watchMs: 150 } as const;

const figure = (samples: readonly Sample[], pick: (sample: Sample) => number | undefined): number => {
  const values = samples.map(pick).filter((value): value is number => value !== undefined);
  return values.length === 0 ? Number.NaN : median(values);
};

export function resultsTable(rows: readonly Row[]): string {
  const header = [
    'N',
    'what',
    'runs',
    'wall (median)',
    'wall min–max',
    'CPU user+sys',
    'of which sys',
    'peak RSS (max)',
    'files written',
    'written',
    'articles/s',
    '÷ hugo cold',
  ];
  const lines = rows.map((row) => {
    const { samples } = row;
    if (samples.length === 0)
      return [count(row.size), row.name, '0', row.missing ?? 'n/a', '', '', '', '', '', '', '', ''];
    const walls = samples.map((sample) => sample.wallMs);
    const wall = median(walls);
    const rss = Math.max(...samples.map((sample) => sample.maxRssBytes ?? Number.NaN));
    return [
      count(row.size),
      row.name,
      String(samples.length),
      seconds(wall),
      samples.length > 1 ? `${seconds(Math.min(...walls))} – ${seconds(Math.max(...walls))}` : '',
      seconds(figure(samples, cpuOfSample)),
      seconds(figure(samples, (sample) => sample.sysMs)),
      mebibytes(rss),
      count(figure(samples, (sample) => sample.filesWritten)),
      megabytes(figure(samples, (sample) => sample.bytesWritten)),
      row.perArticle === false ? '' : count(row.size / (wall / 1000)),
      row.name.startsWith('cold build') ? times(wall / wallOf(rows, row.size, HUGO_COLD)) : '',
    ];
  });
  return markdownTable(header, lines, new Set([0, 2, 3, 5, 6, 7, 8, 9, 10, 11]));
}

const times = (ratio: number): string => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '');

const cpuOfSample = (sample: Sample): number | undefined =>
  sample.cpuMs ?? (sample.userMs === undefined ? undefined : sample.userMs + (sample.sysMs ?? 0));

/** The samples of the row of `size` whose name starts with `prefix` (none if there is no such row). */
function samplesOf(rows: readonly Row[], size: number, prefix: string): Sample[] {
  return rows.find((candidate) => candidate.size === size && candidate.name.startsWith(prefix))?.samples ?? [];
}

function wallOf(rows: readonly Row[], size: number, prefix: string): number {
  return median(samplesOf(rows, size, prefix).map((sample) => sample.wallMs));
}

/** Median CPU time (user + sys) of a row: what a loaded machine changes least. */
function cpuOf(rows: readonly Row[], size: number, prefix: string): number {
  return figure(samplesOf(rows, size, prefix), cpuOfSample);
}

/** Hugo's peak RSS in this run, or issue 4's figure when it was not run. */
function hugoRss(rows: readonly Row[], size: number): string {
  const peak = Math.max(...samplesOf(rows, size, HUGO_COLD).map((sample) => sample.maxRssBytes ?? Number.NaN));
  return Number.isFinite(peak) ? `${mebibytes(peak)} in this run` : `${HUGO_10K.rssMiB} MiB in issue 4`;
}

/** How far the builds are from the floor, and, at 10,000 articles, from issue 4's goals. */
export function summary(rows: readonly Row[]): string[] {
  const lines: string[] = [];
  for (const size of [...new Set(rows.map((row) => row.size))]) {
    const floor =
      wallOf(rows, size, 'floor: read') +
      wallOf(rows, size, 'floor: markdown') +
      wallOf(rows, size, 'floor: write the same files (paths, sizes), quiet');
    const quiet = wallOf(rows, size, 'cold build, fresh folder');
    const afterRm = wallOf(rows, size, 'cold build right after');
    const edit = wallOf(rows, size, 'rebuild after editing');
    if (!Number.isFinite(quiet)) {
      const failed = rows.find((row) => row.size === size && row.name.startsWith('cold build, fresh folder'));
      lines.push(
        `- N=${count(size)}: floor (read + markdown-it) ` +
          `${seconds(wallOf(rows, size, 'floor: read') + wallOf(rows, size, 'floor: markdown'))}; ` +
          `the cold build ${failed?.missing ?? 'did not run'}.`,
      );
      continue;
    }
    lines.push(
      `- N=${count(size)}: floor (read + markdown-it + write, quiet disk) ${seconds(floor)}; ` +
        `cold build ${seconds(quiet)} on a quiet disk = ${(quiet / floor).toFixed(1)}× the floor, ` +
        `${seconds(afterRm)} right after \`rm -rf dist\` = ${(afterRm / floor).toFixed(1)}×; ` +
        `one edit rebuilt in ${seconds(edit)} = ${((edit / afterRm) * 100).toFixed(0)} % of that cold build.`,
    );
    const hugo = wallOf(rows, size, HUGO_COLD);
    const cpuHugo = cpuOf(rows, size, HUGO_COLD);
    const cpuRm = cpuOf(rows, size, 'cold build right after');
    if (Number.isFinite(hugo)) {
      lines.push(
        `- N=${count(size)} against Hugo in this run: Hugo's cold build ${seconds(hugo)}; ours ${seconds(afterRm)} ` +
          `after \`rm -rf\` = ${times(afterRm / hugo)} Hugo's time, ${seconds(quiet)} on a quiet disk = ` +
          `${times(quiet / hugo)} (goal ≤ ${times(GOALS.coldOfHugo)}: ${seconds(hugo * GOALS.coldOfHugo)}); ` +
          `in CPU time (user + sys) ours ${seconds(cpuRm)} after \`rm -rf\` against Hugo's ${seconds(cpuHugo)} ` +
          `= ${times(cpuRm / cpuHugo)}.`,
      );
    }
    if (size === 10_000) {
      const rss = Math.max(
        ...rows
          .filter((row) => row.size === size && row.name.startsWith('cold build'))
          .flatMap((row) => row.samples.map((sample) => sample.maxRssBytes ?? 0)),
      );
      const reference = Number.isFinite(hugo)
        ? ''
        : `Hugo not run; issue 4's Hugo cold build ${seconds(HUGO_10K.coldMs)} → ours ${seconds(afterRm)} ` +
          `after \`rm -rf\` (${times(afterRm / HUGO_10K.coldMs)} Hugo's time; ` +
          `goal ≤ ${seconds(HUGO_10K.coldMs * GOALS.coldOfHugo)}); `;
      lines.push(
        `- Against issue 4 at N=10,000: ${reference}` +
          `peak RSS ${mebibytes(rss)} (goal < ${GOALS.rssMiB} MiB; Hugo ${hugoRss(rows, size)}); ` +
          `one edit ${seconds(edit)} (goal < ${seconds(afterRm * GOALS.editOfCold)}, a tenth of the cold build); ` +
          `watch ${seconds(wallOf(rows, size, 'watch'))} (Hugo 0.42 s in issue 4; goal < ${GOALS.watchMs} ms).`,
      );
    }
  }
  return lines;
}

export function feedsTable(items: number, feeds: readonly FeedRow[]): string {
  return markdownTable(
    [`feed, ${items} items`, 'ours (median)', '`feed` package', 'ours / theirs', 'our bytes', 'their bytes'],
    feeds.map((row) => [
      row.format,
      `${row.oursMs.toFixed(2)} ms`,
      `${row.theirsMs.toFixed(2)} ms`,
      `${(row.oursMs / row.theirsMs).toFixed(1)}×`,
      count(row.oursBytes),
      count(row.theirsBytes),
    ]),
    new Set([1, 2, 3, 4, 5]),
  );
}
