import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The kill tests and the full property runs take minutes on two cores: `npm run test:slow` runs them.
    exclude: ['tests/e2e/**', 'tests/**/*.slow.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
