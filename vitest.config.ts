import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // A real PostgreSQL for the store suite and the replica tests, started once for the run.
    globalSetup: ['./test/support/global-setup.ts'],
    // Adapter and process tests start local servers; two cores, so keep files from starving each other.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
