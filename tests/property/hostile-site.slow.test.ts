/**
 * The full run of hostile-site.test.ts's property: the issue asks for at least 1,000 generated sites, which
 * takes too long for `npm test`, so `npm run test:slow` runs it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { generatedSite } from './arbitraries.js';
import { buildAndCheck, scratchContent } from './scratch-site.js';

const SITE_RUNS = 1000;
const contentDir = scratchContent();

describe('hostile content, full run', () => {
  it(`builds ${SITE_RUNS} generated sites into valid outputs that keep the records' text`, async () => {
    await fc.assert(
      fc.asyncProperty(generatedSite, (site) => buildAndCheck(contentDir, site)),
      { numRuns: SITE_RUNS },
    );
  });
});
