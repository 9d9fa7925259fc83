// The isolated mode's relay page: when it is gone (a crash, a learner's code that took
// the renderer down), the exercises in it end with an error, and the next exercise gets a
// new page in a new browser context, so a class grades on. It runs a slide's script too.
import type { Browser } from 'playwright-chromium'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { gradeExercise } from '../../core/grade'
import { validateSpec } from '../../core/spec'
import { createBrowserRuntime, launchIsolationBrowser } from '../../grader/runtimes/browser'

const PROJECT = join(import.meta.dirname, '..', '..')
const ID = '06-build-folders'
const spec = validateSpec(JSON.parse(readFileSync(join(PROJECT, 'exercises', ID, 'spec.json'), 'utf8')), ID)
const solution = readFileSync(join(PROJECT, 'solutions', ID, 'task.py'), 'utf8')

let browser: Browser
beforeAll(async () => {
  browser = await launchIsolationBrowser()
}, 120_000)
afterAll(() => browser?.close())

it('after its page is closed, the next exercise runs in a new page of a new context', async () => {
  const runtime = createBrowserRuntime({ browser, keepWarm: false, startAhead: false })
  try {
    expect((await gradeExercise(runtime, spec, solution)).status).toBe('pass')
    const [context] = browser.contexts()
    expect(context.pages()).toHaveLength(1)
    await context.pages()[0].close()
    expect((await gradeExercise(runtime, spec, solution)).status).toBe('pass')
    expect(browser.contexts()).toHaveLength(1)
    expect(browser.contexts()[0]).not.toBe(context)
  }
  finally {
    await runtime.close()
  }
}, 600_000)

it('runs a slide\'s script in its tree, as a live block does', async () => {
  const runtime = createBrowserRuntime({ browser, keepWarm: false, startAhead: false })
  try {
    const result = await runtime.runScript({ source: 'import os\nprint(sorted(os.listdir()))\n', tree: { 'a.txt': 'A', 'b/': '' }, timeoutS: 5 })
    expect(result.status === 'done' && result.report.output).toBe('[\'a.txt\', \'b\']\n')
  }
  finally {
    await runtime.close()
  }
}, 600_000)
