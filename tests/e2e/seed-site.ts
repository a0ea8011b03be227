/** Builds a content folder (by default the embedded content) into a scratch folder, for the end-to-end tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build.js';

export const root = join(import.meta.dirname, '../..');

export async function buildSeed(contentDir = join(root, 'content')): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'depeche-e2e-')), 'dist');
  await build({ contentDir, outDir: out });
  return out;
}
