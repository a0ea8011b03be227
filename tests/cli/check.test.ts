/** `depeche check` in memory: lines, the count, exit codes, --json, --quiet, --strict. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depeche, scratchWithSeed } from './fake-io.js';

let scratch: { dir: string; remove: () => void };
const PAGE =
  'dist/articles/le-partenariat-entre-microsoft-et-mistral-ai-agace-bruxelles-mais-ravit-le-gouvernement/index.html';

beforeAll(async () => {
  scratch = scratchWithSeed();
  // Without the site's default image, the seed article has none: the one warning these tests count.
  const settings = join(scratch.dir, 'content/site.yaml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^image:\n( {2}.*\n)+/m, ''));
  expect((await depeche(['build', '-q'], { cwd: scratch.dir })).status).toBe(0);
});
afterAll(() => scratch.remove());

describe('depeche check', () => {
  it('prints one line a finding and a count; a warning alone exits 0', async () => {
    const result = await depeche(['check'], { cwd: scratch.dir });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^${PAGE.replaceAll('.', '\\.')}:\\d+ \\$\\['@graph'\\]\\[0\\]\\.image: warning: expected an image: .* ` +
          `\\[google-article-image\\]$`,
      ),
    );
    expect(lines[1]).toMatch(/^depeche: checked \d+ files in dist\/ in \d+\.\d\d s: 0 errors, 1 warning$/);
    expect(lines).toHaveLength(3);
  });

  it('fails on warnings with --strict, prints errors only with --quiet', async () => {
    expect((await depeche(['check', '--strict'], { cwd: scratch.dir })).status).toBe(1);
    expect(await depeche(['check', 'dist', '--quiet'], { cwd: scratch.dir })).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('prints the findings as JSON with --json', async () => {
    const result = await depeche(['check', '--json'], { cwd: scratch.dir });
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      command: 'check',
      ok: true,
      errors: 0,
      warnings: 1,
      baseUrl: 'https://depeche.example/',
    });
    expect(report.findings).toEqual([
      expect.objectContaining({ file: PAGE, severity: 'warning', rule: 'google-article-image' }),
    ]);
  });

  it('warns about a page dated after the clock, as --future builds one', async () => {
    const other = scratchWithSeed();
    try {
      // An hour before the seed's datePublished (2024-02-28T08:00:00Z, the fake clock's default now).
      const earlier = { cwd: other.dir, now: Date.parse('2024-02-28T07:00:00Z') };
      expect((await depeche(['build', '-q', '--future'], earlier)).status).toBe(0);
      const result = await depeche(['check', '--json'], earlier);
      const report = JSON.parse(result.stdout) as { findings: { rule: string; field: string }[] };
      expect(report.findings.filter((finding) => finding.rule === 'scheduled')).toEqual([
        expect.objectContaining({ field: "$['@graph'][0].datePublished" }),
      ]);
      const now = JSON.parse((await depeche(['check', '--json'], { cwd: other.dir })).stdout) as typeof report;
      expect(now.findings.map((finding) => finding.rule)).not.toContain('scheduled');
    } finally {
      other.remove();
    }
  });

  it('exits 1 on an error', async () => {
    writeFileSync(join(scratch.dir, 'dist/broken.xml'), '<rss><channel>');
    try {
      const result = await depeche(['check', '--quiet'], { cwd: scratch.dir });
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(
        new RegExp(
          String.raw`^dist\/broken\.xml:1: error: expected well-formed XML: .* \[xml` +
            String.raw`\]\ndepeche: checked \d+ files in dist\/ in [\d.]+ s: 1 error, 1 warning` +
            String.raw`\n$`,
        ),
      );
    } finally {
      rmSync(join(scratch.dir, 'dist/broken.xml'));
    }
  });

  it('reports a broken link of an article body once, at its record (content beside dist, or --content)', async () => {
    const record = `content/articles/${PAGE.split('/')[2]}.md`;
    const text = readFileSync(join(scratch.dir, record), 'utf8');
    const line = `${text}\nVoir [x](/nope/).\n`.split('\n').length - 1;
    const other = mkdtempSync(join(tmpdir(), 'depeche-check-'));
    try {
      writeFileSync(join(scratch.dir, record), `${text}\nVoir [x](/nope/).\n`);
      expect((await depeche(['build', '-q', '--out', 'broken'], { cwd: scratch.dir })).status).toBe(0);
      const outputs = `(in ${PAGE.slice('dist/'.length)}, atom.xml, feed.json, feed.xml) [broken-link]`;
      const beside = await depeche(['check', 'broken', '--quiet'], { cwd: scratch.dir });
      expect(beside.status).toBe(1);
      expect(beside.stdout.split('\n')[0]).toMatch(new RegExp(`^${record.replaceAll('.', '\\.')}:${line}: error: `));
      expect(beside.stdout.split('\n')[0]?.endsWith(outputs)).toBe(true);
      expect(beside.stdout).toMatch(/: 1 error, /);
      cpSync(join(scratch.dir, 'broken'), join(other, 'broken'), { recursive: true });
      const given = await depeche(['check', 'broken', '-q', '--content', join(scratch.dir, 'content')], { cwd: other });
      expect(given.stdout.split('\n')[0]).toContain(`content/${record.slice('content/'.length)}:${line}: error: `);
      const none = await depeche(['check', 'broken', '-q'], { cwd: other });
      expect(none.stdout.split('\n')[0]).toMatch(/^broken\/articles\/.*\/index\.html:\d+ a href: error: /);
      expect(none.stdout.split('\n')[0]?.endsWith(outputs)).toBe(true);
    } finally {
      writeFileSync(join(scratch.dir, record), text);
      rmSync(join(scratch.dir, 'broken'), { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('says when there is no built site (exit 2)', async () => {
    const result = await depeche(['check', 'nowhere'], { cwd: scratch.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'expected a built site in nowhere/, found no such folder (run depeche build first)',
    );
  });
});
