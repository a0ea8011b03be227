/**
 * A file system that cannot hard-link (FAT, exFAT, some network shares): `linkSync` fails with
 * EPERM. Every build, incremental or not, must still write the whole site, exactly as a full build.
 */
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeCorpus } from '../bench/corpus.js';
import { build } from '../../src/build.js';
import { treeOf } from '../helpers/tree.js';

const links = vi.hoisted(() => ({ refused: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const linkSync = (): never => {
    links.refused++;
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  };
  return { ...fs, default: { ...fs, linkSync }, linkSync };
});

let scratch: string;
let content: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'depeche-no-links-'));
  content = join(scratch, 'content');
  writeCorpus(content, { seed: 9, count: 10 });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('builds on a file system without hard links', () => {
  it('write every file, build after build, as a full build does', async () => {
    const dist = join(scratch, 'dist');
    for (let run = 0; run < 3; run++) {
      const result = await build({ contentDir: content, outDir: dist, keepFiles: false, incremental: true });
      const reference = join(scratch, `reference-${run}`);
      await build({ contentDir: content, outDir: reference, keepFiles: false });
      expect(treeOf(dist)).toEqual(treeOf(reference));
      expect(result.reused).toBe(0);
      appendFileSync(
        join(content, 'articles', readdirSync(join(content, 'articles')).sort()[run] ?? ''),
        '\nUne phrase de plus.\n',
      );
    }
    expect(links.refused).toBeGreaterThan(0);
  });
});
