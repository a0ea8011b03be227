/**
 * Failures injected where the system or the code can fail: the disk fills up (ENOSPC from
 * `writeFileSync`), the second rename of the swap fails, a renderer throws in the middle of a build.
 * Each time the previous dist/ stays byte-identical and no temporary folder is left. The modules are
 * replaced through vitest's module mocks, armed per test: src/ carries no test-only switch.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/build.js';
import { writeSite } from '../../src/write/output.js';
import { temporaryFolders, treeOf } from '../helpers/tree.js';

/** What each mock does when armed; reset before every test. */
const armed = vi.hoisted(() => ({ writesBeforeEnospc: Infinity, failRenameNumber: 0, renames: 0, renderer: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = (...args: Parameters<typeof fs.writeFileSync>) => {
    if (armed.writesBeforeEnospc-- <= 0)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return fs.writeFileSync(...args);
  };
  return { ...fs, default: { ...fs, writeFileSync }, writeFileSync };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    rename: async (...args: Parameters<typeof fs.rename>) => {
      armed.renames++;
      if (armed.renames === armed.failRenameNumber)
        throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV' });
      return fs.rename(...args);
    },
  };
});

vi.mock('../../src/render/rss.js', async (importOriginal) => {
  const rss = await importOriginal<typeof import('../../src/render/rss.js')>();
  return {
    ...rss,
    renderRss: (...args: Parameters<typeof rss.renderRss>) => {
      if (armed.renderer) throw new Error('the RSS renderer failed');
      return rss.renderRss(...args);
    },
  };
});

const root = join(import.meta.dirname, '..', '..');
let scratch: string;
let out: string;

beforeEach(async () => {
  Object.assign(armed, { writesBeforeEnospc: Infinity, failRenameNumber: 0, renames: 0, renderer: false });
  scratch = mkdtempSync(join(tmpdir(), 'depeche-failures-'));
  cpSync(join(root, 'content'), join(scratch, 'content'), { recursive: true });
  out = join(scratch, 'dist');
  await build({ contentDir: join(scratch, 'content'), outDir: out });
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('a failed build leaves the previous dist/ whole', () => {
  it('when the disk fills up halfway through the writing', async () => {
    const before = treeOf(out);
    armed.writesBeforeEnospc = 4;
    // Another base URL changes every file, so each one is written (unchanged ones would be linked).
    await expect(
      build({ contentDir: join(scratch, 'content'), outDir: out, baseUrl: 'https://staging.example/' }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(treeOf(out)).toEqual(before);
    expect(temporaryFolders(scratch)).toEqual([]);
  });

  it('when the new site cannot be renamed into place (the previous one is put back)', async () => {
    const before = treeOf(out);
    armed.renames = 0;
    armed.failRenameNumber = 2; // 1: dist → old, 2: new → dist
    await expect(writeSite(out, [{ path: 'index.html', contents: 'new' }])).rejects.toMatchObject({ code: 'EXDEV' });
    expect(treeOf(out)).toEqual(before);
    expect(temporaryFolders(scratch)).toEqual([]);
  });

  it('when a renderer throws', async () => {
    const before = treeOf(out);
    armed.renderer = true;
    await expect(build({ contentDir: join(scratch, 'content'), outDir: out })).rejects.toThrow(
      'the RSS renderer failed',
    );
    expect(treeOf(out)).toEqual(before);
    expect(temporaryFolders(scratch)).toEqual([]);
  });
});
