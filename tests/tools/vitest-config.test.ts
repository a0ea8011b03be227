/**
 * vitest.config.ts runs most test files with shared modules (`isolate: false`): a file that replaces
 * a module with `vi.mock` would hand its mock to the files after it in the same worker, so each
 * such file must be in the isolated project's list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MOCKING } from '../../vitest.config.js';

describe('vitest.config.ts', () => {
  it('isolates every file of npm test that mocks a module, and only those', () => {
    const mocking = readdirSync('tests', { recursive: true, encoding: 'utf8' })
      .map((path) => `tests/${path.split('\\').join('/')}`)
      .filter((path) => path.endsWith('.test.ts') && !path.endsWith('.slow.test.ts') && !path.startsWith('tests/e2e/'))
      .filter((path) => /\bvi\.(do)?mock\(/.test(readFileSync(path, 'utf8')))
      .sort();
    expect(mocking).toEqual([...MOCKING].sort());
  });
});
