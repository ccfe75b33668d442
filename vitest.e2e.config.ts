import { defineConfig } from 'vitest/config';

// End-to-end tests drive a real Chromium (test/e2e/harness.ts): plain Node, no DOM shim, one file at a
// time (each launches its own browser; two cores do not run two browsers well), generous timeouts.
// Run through `npm run test:e2e` (test/e2e/run.ts), which builds the extension first.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
