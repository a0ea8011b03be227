/** The build's worker pool (src/build-pool.ts); the pool itself runs from lib/ only: tests/e2e/build-pool.test.ts. */
import { describe, expect, it } from 'vitest';
import { workerOptions } from '../../src/incremental/pool.js';

describe('the options a worker gets', () => {
  it('are the process’s, less --input-type in either form', () => {
    expect(workerOptions(['--cpu-prof', '--cpu-prof-dir=/tmp/p', '--input-type=module', '-e', 'x'])).toEqual([
      '--cpu-prof',
      '--cpu-prof-dir=/tmp/p',
      '-e',
      'x',
    ]);
    expect(workerOptions(['--input-type', 'module', '--max-old-space-size=512'])).toEqual(['--max-old-space-size=512']);
    expect(workerOptions([])).toEqual([]);
  });
});
