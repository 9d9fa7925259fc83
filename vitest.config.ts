// `npm test` runs four projects, one group after the other:
//   unit    fast, pure, in parallel
//   grader  the terminal grader and its runtimes (time limits: one file at a time)
//   deck    the slides: structure, snippets on Pyodide and CPython, the built deck in Chromium, the export
//   live    live Python in the browser
//   class   the class grader on a fixed class, against golden files
// Browser and export tests build or serve the deck themselves, hence the generous timeouts.

import { defineConfig } from 'vitest/config'

const serial = { fileParallelism: false, testTimeout: 60_000, hookTimeout: 600_000 }
/** a Chromium for the browser tests: found, or Playwright's downloaded first */
const browser = { globalSetup: ['./tests/chromium-setup.ts'] }

export default defineConfig({
  // what the deck's build defines (vite.config.ts, Slidev), for deck modules a unit test imports
  define: { __CLASS_BUILD__: 'false', __SLIDEV_HAS_SERVER__: 'false', __DECK_VERSION__: '"test"' },
  test: {
    environment: 'node',
    teardownTimeout: 60_000,
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'grader', include: ['tests/grader/**/*.test.ts'], ...serial, ...browser, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'deck', include: ['tests/deck/**/*.test.ts'], ...serial, ...browser, sequence: { groupOrder: 2 } } },
      { extends: true, test: { name: 'live', include: ['tests/live/**/*.test.ts'], ...serial, ...browser, sequence: { groupOrder: 3 } } },
      { extends: true, test: { name: 'class', include: ['tests/class/**/*.test.ts'], ...serial, ...browser, sequence: { groupOrder: 4 } } },
    ],
  },
})
