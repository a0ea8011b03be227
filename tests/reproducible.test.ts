/**
 * Reproducible builds. Every date in the site comes from the content (the newest article dates the
 * feeds, the footer's year is its year); the build's "now" decides only which records are published
 * (the others are scheduled), which the News sitemap lists (the 48 hours before it) and up to which
 * month the archived feeds go, and dates the files it writes. With `SOURCE_DATE_EPOCH` set, the
 * command line takes it for that now, so even an archive of dist/ is byte-identical.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../src/build.js';
import { treeOf } from './helpers/tree.js';

const root = join(import.meta.dirname, '..');
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-reproducible-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Builds the seed with the command line in `<scratch>/<name>/dist`. */
function cliBuild(name: string, env: Record<string, string>): string {
  const project = join(scratch, name);
  mkdirSync(project);
  cpSync(join(root, 'content'), join(project, 'content'), { recursive: true });
  const { SOURCE_DATE_EPOCH: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ['--import', tsx, join(root, 'src/cli.ts'), 'build', '--quiet'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...inherited, ...env },
  });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
  return join(project, 'dist');
}

function everyPath(dir: string): string[] {
  return ['', ...readdirSync(dir, { recursive: true, encoding: 'utf8' })];
}

describe('reproducible builds', () => {
  it('write the same bytes whatever the clock says in a month, past every article’s News window', async () => {
    const builds: Record<string, string>[] = [];
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (const now of ['2030-01-01T00:00:00Z', '2030-01-31T23:34:56Z', '2039-06-15T12:34:56Z']) {
        vi.setSystemTime(new Date(now));
        const out = join(scratch, `clock-${now.slice(0, 10)}`);
        await build({ contentDir: join(root, 'content'), outDir: out });
        builds.push(treeOf(out) ?? {});
      }
    } finally {
      vi.useRealTimers();
    }
    const [first = {}, sameMonth, later = {}] = builds;
    expect(Object.keys(first).length).toBeGreaterThan(0);
    expect(sameMonth).toEqual(first);
    // Months later, only what names the month of now differs: the archives (more months), the feeds'
    // link to the newest of them, and _headers' rules for them.
    const changed = Object.keys(later).filter((path) => later[path] !== first[path]);
    expect(changed.filter((path) => !path.startsWith('feeds/archive/')).sort()).toEqual([
      '_headers',
      'atom.xml',
      'feed.json',
      'feed.xml',
    ]);
    for (const path of Object.keys(first))
      if (path.startsWith('feeds/archive/2029')) expect(later[path]).toBe(first[path]);
  });

  it('with SOURCE_DATE_EPOCH, every file and folder of dist/ has that time, and a tar of it is byte-identical', () => {
    const epoch = 1_709_107_200; // 2024-02-28T08:00:00Z
    const first = cliBuild('first', { SOURCE_DATE_EPOCH: String(epoch) });
    const second = cliBuild('second', { SOURCE_DATE_EPOCH: String(epoch) });
    for (const path of everyPath(first))
      expect(statSync(join(first, path)).mtimeMs, path || 'dist/').toBe(epoch * 1000);
    const tar = (dir: string): Buffer =>
      spawnSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '-cf', '-', 'dist'], {
        cwd: join(dir, '..'),
      }).stdout;
    expect(tar(first).length).toBeGreaterThan(0);
    expect(tar(first).equals(tar(second))).toBe(true);
  });

  it('without it, the files have the time they were written', () => {
    const before = Date.now();
    const out = cliBuild('now', {});
    expect(statSync(join(out, 'index.html')).mtimeMs).toBeGreaterThanOrEqual(before - 1000);
  });
});
