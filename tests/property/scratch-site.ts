import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { build } from '../../src/build.js';
import { AFTER_EVERY_DATE, type GeneratedSite } from './arbitraries.js';
import { checkBuiltSite, checkBuiltSiteExpanded } from './check-site.js';
import { writeContent } from './site-files.js';

/**
 * One content folder per test file, reused by every generated case, so the real loader and validator read
 * each site from disk; removed when the file's tests end.
 */
export function scratchContent(): string {
  const scratch = mkdtempSync(join(tmpdir(), 'depeche-property-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  return join(scratch, 'content');
}

/** Writes the generated site to the folder, builds it and checks every output against the records. */
export async function buildAndCheck(contentDir: string, site: GeneratedSite): Promise<void> {
  writeContent(contentDir, site);
  const result = await build({ contentDir, write: false, now: AFTER_EVERY_DATE });
  checkBuiltSite(site, result);
  await checkBuiltSiteExpanded(site, result);
}
