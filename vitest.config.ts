import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // Adapter tests start local servers; two cores, so keep files from starving each other.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
