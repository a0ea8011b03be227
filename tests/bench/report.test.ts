/** The bench's report: the "hugo cold" row, the ratio of each cold build to it, and the goal's line. */
import { describe, expect, it } from 'vitest';
import type { Row } from './measure.js';
import { resultsTable, summary } from './report.js';

const SIZE = 10_000;

/** A row whose every sample used half its wall time in user CPU and a tenth in sys. */
function row(name: string, walls: number[], perArticle = true): Row {
  const samples = walls.map((wallMs) => ({ wallMs, userMs: wallMs / 2, sysMs: wallMs / 10, maxRssBytes: 2 ** 28 }));
  return { size: SIZE, name, perArticle, samples };
}

function rows(hugo: Row): Row[] {
  return [
    row('cold build, fresh folder, quiet disk (nothing deleted for a minute)', [6000]),
    row('cold build right after `rm -rf dist`', [8000, 9000]),
    hugo,
    row('cold build next to the previous dist (the writer swaps folders)', [5000, 5000]),
    row('rebuild after editing one article', [800, 800]),
    row('floor: read the records (one thread)', [400]),
    row('floor: markdown-it alone on the bodies (one thread)', [1600]),
    row('floor: write the same files (paths, sizes), quiet disk (one thread)', [1000]),
  ];
}

/** The cells of the table's line whose "what" starts with `name`. */
function cells(table: string, name: string): string[] {
  const line = table.split('\n').find((candidate) => candidate.split('|')[2]?.trim().startsWith(name));
  if (line === undefined) throw new Error(`no row ${name}`);
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe('the report, with Hugo run', () => {
  const measured = rows(row('hugo cold: `hugo --quiet` right after `rm -rf public` (same records)', [4000, 6000]));

  it('gives every depeche cold build its ratio to the median of Hugo cold builds', () => {
    const table = resultsTable(measured);
    expect(cells(table, 'hugo cold')).toContain('5.00 s');
    expect(cells(table, 'cold build right after').at(-1)).toBe('1.70×');
    expect(cells(table, 'cold build, fresh folder').at(-1)).toBe('1.20×');
    expect(cells(table, 'cold build next to').at(-1)).toBe('1.00×');
    expect(cells(table, 'rebuild after editing').at(-1)).toBe('');
    expect(cells(table, 'hugo cold').at(-1)).toBe('');
  });

  it("states the goal against this run's Hugo, not issue 4's figure", () => {
    const lines = summary(measured).join('\n');
    expect(lines).toContain("Hugo's cold build 5.00 s; ours 8.50 s after `rm -rf` = 1.70× Hugo's time");
    expect(lines).toContain('goal ≤ 0.33×: 1.67 s');
    expect(lines).toContain("in CPU time (user + sys) ours 5.10 s after `rm -rf` against Hugo's 3.00 s = 1.70×");
    expect(lines).not.toContain("issue 4's Hugo cold build");
  });
});

describe('the report, without Hugo', () => {
  const skipped = row('hugo cold: `hugo --quiet` right after `rm -rf public` (same records)', []);
  skipped.missing = 'skipped: Hugo is not installed (no `hugo` on the PATH)';

  it('shows the row as skipped, with no ratios, and falls back on issue 4 in the summary', () => {
    const table = resultsTable(rows(skipped));
    expect(cells(table, 'hugo cold')[3]).toBe('skipped: Hugo is not installed (no `hugo` on the PATH)');
    expect(cells(table, 'cold build right after').at(-1)).toBe('');
    expect(summary(rows(skipped)).join('\n')).toContain("Hugo not run; issue 4's Hugo cold build 5.90 s");
  });
});
