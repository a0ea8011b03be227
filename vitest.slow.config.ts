import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.slow.test.ts'],
    exclude: ['tests/e2e/**'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
