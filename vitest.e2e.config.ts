import { defineConfig } from 'vitest/config';

/** Tests that need system packages (python3-feedparser, jing, chromium): `npm run test:e2e`. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
