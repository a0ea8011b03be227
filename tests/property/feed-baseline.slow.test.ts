/**
 * The longer run of feed-baseline.test.ts's generated sites: 150 of them, with the same seed, take
 * too long for `npm test`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { expectFeedFailsOnGenerated } from './feed-on-generated.js';

const BASELINE_RUNS = 150;

const scratch = mkdtempSync(join(tmpdir(), 'depeche-baseline-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the feed package, on the same content, full run', () => {
  it(`fails on ${BASELINE_RUNS} generated sites where depeche never does`, async () => {
    await expectFeedFailsOnGenerated(join(scratch, 'content'), BASELINE_RUNS);
  });
});
