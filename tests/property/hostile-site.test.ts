/**
 * Hostile but legal content builds, and every output stays valid and faithful (the properties are
 * listed in check-site.ts). Each case is a generated site of 1–3 articles written to one reused
 * content folder, so the real loader and validator read it; `npm run fuzz` runs the same check
 * 100,000 times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { build } from '../../src/build.js';
import { generatedSite, largeSite, type GeneratedSite } from './arbitraries.js';
import { checkBuiltSite } from './check-site.js';
import { writeContent } from './site-files.js';

/** Cases run by `npm test`: the issue asks for at least 1,000. */
export const SITE_RUNS = 1000;

const scratch = mkdtempSync(join(tmpdir(), 'depeche-property-'));
const contentDir = join(scratch, 'content');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function buildAndCheck(site: GeneratedSite): Promise<void> {
  writeContent(contentDir, site);
  checkBuiltSite(site, await build({ contentDir, write: false }));
}

describe('hostile content', () => {
  it(`builds ${SITE_RUNS} generated sites into valid outputs that keep the records' text`, async () => {
    await fc.assert(fc.asyncProperty(generatedSite, buildAndCheck), { numRuns: SITE_RUNS });
  });

  it('builds a 1 MB body and a 10,000-character title', async () => {
    const site = largeSite();
    const body = site.articles[0]?.body.markdown ?? '';
    const title = site.articles[0]?.record.title ?? '';
    if (body.length < 1_000_000 || title.length !== 10_000) throw new Error('the large case is not large');
    await buildAndCheck(site);
  });

  it('builds the same generated site twice, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(generatedSite, async (site) => {
        writeContent(contentDir, site);
        const first = await build({ contentDir, write: false });
        const second = await build({ contentDir, write: false });
        const bytes = (result: typeof first): string[] =>
          result.files.map((file) => `${file.path}\n${Buffer.from(file.contents).toString('base64')}`);
        if (JSON.stringify(bytes(first)) !== JSON.stringify(bytes(second))) throw new Error('two builds differ');
      }),
      { numRuns: 25 },
    );
  });
});
