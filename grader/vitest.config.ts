// The grader's own vitest set-up (the project's tests use the root config).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['grader/grade.test.ts'],
    globalSetup: ['grader/global-setup.ts'],
    forceRerunTriggers: ['**/exercises/*/task.py', '**/solutions/*/task.py'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    sequence: { concurrent: false },
    pool: 'threads',
    maxWorkers: 1,
    isolate: false,
    watch: false,
  },
})
