import { defineConfig } from 'vitest/config';

/** Files that replace modules with `vi.mock`: each needs a module registry of its own. */
export const MOCKING = [
  'tests/write/failures.test.ts',
  'tests/write/no-links.test.ts',
  'tests/incremental/site-files.test.ts',
  'tests/incremental/stream-files.test.ts',
];
// The kill tests and the full property runs take minutes on two cores: `npm run test:slow` runs them.
const SLOW = ['tests/e2e/**', 'tests/**/*.slow.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: a single worker on two cores.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // The other files share their worker's modules: parsers, renderers and libxml2 are loaded and
        // warmed once per worker, not once per file. A file that changes the process (cwd, TZ, timers)
        // puts it back.
        test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: [...SLOW, ...MOCKING], isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING } },
    ],
  },
});
