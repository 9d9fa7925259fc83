import { defineConfig } from 'vitest/config'

// One test run for the whole project: tests/deck (the slides) and tests/grader.
// Browser and export tests build or serve the deck themselves, so they are slow:
// the timeouts are generous on purpose.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
    // the browser and export tests each start Chromium and a server: one file at a time
    fileParallelism: false,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
})
