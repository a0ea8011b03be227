/** The command line as a user runs it: exit codes, messages, and dist/ untouched on failure. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'src/cli.ts');
/** tsx's loader, by absolute URL: the CLI runs from its TypeScript source in a scratch folder. */
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
let scratch: string;

function run(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', tsx, cli, ...args], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-cli-'));
  cpSync(join(root, 'content'), join(scratch, 'content'), { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('depeche build', () => {
  it('builds content/ into dist/ and says what it wrote', () => {
    const result = run(['build']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        String.raw`^depeche: built 1 article into dist\/ in [\d.]+ s\n {2}\d+ files, ` +
          String.raw`[\d.]+ kB\n {2}feeds: dist\/feed\.xml, dist\/atom\.xml, dist` +
          String.raw`\/feed\.json\n$`,
      ),
    );
    expect(readFileSync(join(scratch, 'dist/feed.xml'), 'utf8')).toContain('<rss version="2.0"');
  });

  it('refuses a broken record with its location, exit code 1, and leaves dist/ as it was', () => {
    const before = readFileSync(join(scratch, 'dist/feed.xml'));
    const record = join(scratch, 'content/articles/broken.md');
    writeFileSync(record, '---\ntitle: Un titre\ndescription: Un chapeau.\ndatePublished: 2024-02-28\n---\n');
    try {
      const result = run(['build']);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'content/articles/broken.md:4 datePublished: expected an ISO 8601 date-time with a UTC offset, such as ' +
          '"2024-02-28T09:00:00+01:00" (a date alone), found "2024-02-28"\n' +
          'depeche: 1 problem in 1 file; dist/ was left as it was\n',
      );
      expect(readFileSync(join(scratch, 'dist/feed.xml')).equals(before)).toBe(true);
    } finally {
      rmSync(record);
    }
  });

  it('takes --out, --content and --base-url', () => {
    const result = run([
      'build',
      '--content',
      'content',
      '--out',
      'staging',
      '--base-url',
      'https://staging.example/news',
    ]);
    expect(result.status).toBe(0);
    expect(readFileSync(join(scratch, 'staging/feed.xml'), 'utf8')).toContain(
      '<link>https://staging.example/news/</link>',
    );
  });

  it('answers usage errors with exit code 2', () => {
    expect(run([]).status).toBe(2);
    expect(run(['publish']).status).toBe(2);
    expect(run(['build', '--nope']).status).toBe(2);
    expect(run(['build', '--base-url', 'staging.example']).status).toBe(2);
  });

  it('prints help and version', () => {
    expect(run(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: depeche') });
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version'])).toMatchObject({ status: 0, stdout: `${manifest.version}\n` });
  });
});

describe('depeche new at the edge', () => {
  it('takes "now" from SOURCE_DATE_EPOCH and the offset from the local time zone', () => {
    // 1709107200 is 2024-02-28T08:00:00Z: 09:00 in Paris, in winter.
    const result = run(['new', 'L’Europe s’inquiète'], { SOURCE_DATE_EPOCH: '1709107200', TZ: 'Europe/Paris' });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const record = join(scratch, 'content/articles/leurope-sinquiete.md');
    try {
      expect(readFileSync(record, 'utf8')).toContain('\ndatePublished: 2024-02-28T09:00:00+01:00\n');
    } finally {
      rmSync(record);
    }
  });
});
