/**
 * The `feed` package against depeche on generated sites, for feed-baseline.test.ts (a few sites) and
 * feed-baseline.slow.test.ts (many): each site is built and checked (check-site.ts), then its model
 * is handed to `feed`, whose failures are counted.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { AFTER_EVERY_DATE, generatedSite, type GeneratedSite } from './arbitraries.js';
import { checkBuiltSite } from './check-site.js';
import { feedPackageFailures } from './feed-baseline.js';
import { writeContent } from './site-files.js';

/** Writes the site to `contentDir`, builds it and checks every output against the records. */
export async function buildChecked(contentDir: string, site: GeneratedSite): Promise<BuildResult> {
  writeContent(contentDir, site);
  const result = await build({ contentDir, write: false, now: AFTER_EVERY_DATE });
  checkBuiltSite(site, result);
  return result;
}

/** `runs` generated sites (a fixed seed): depeche builds each one valid, `feed` fails on some, RSS among them. */
export async function expectFeedFailsOnGenerated(contentDir: string, runs: number): Promise<void> {
  const sites = fc.sample(generatedSite, { numRuns: runs, seed: 20240228 });
  const counts = new Map<string, number>();
  let failedSites = 0;
  for (const site of sites) {
    const failures = feedPackageFailures((await buildChecked(contentDir, site)).site);
    if (failures.length > 0) failedSites++;
    for (const failure of failures) counts.set(failure, (counts.get(failure) ?? 0) + 1);
  }
  console.log(
    `feed 6.0.0 on ${sites.length} generated sites: ${failedSites} with a failure (depeche: 0)`,
    Object.fromEntries([...counts].sort()),
  );
  expect(failedSites).toBeGreaterThan(0);
  expect(counts.get('RSS: not well-formed XML') ?? 0).toBeGreaterThan(0);
}
