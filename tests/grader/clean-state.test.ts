// Each case starts from a clean interpreter, whatever earlier learner code did;
// a task.py that cannot be loaded is one verdict for the exercise, after one run.

import type { CaseRequest, Runtime } from '../../core/protocol'
import type { Spec } from '../../core/spec'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { gradeExercise } from '../../core/grade'
import { validateSpec } from '../../core/spec'
import { createPyodideRuntime } from '../../grader/runtimes/pyodide'
import { RUNTIMES_UNDER_TEST } from '../../support/unprivileged'
import { runOneCase } from './run-case'
import { PROJECT } from './run-cli'

const read = (...parts: string[]) => readFileSync(join(PROJECT, ...parts), 'utf8')
function exercise(id: string) {
  return {
    spec: validateSpec(JSON.parse(read('exercises', id, 'spec.json')), id),
    solution: read('solutions', id, 'task.py'),
  }
}

/** Learner code that wrecks the interpreter it runs in, each in its own way. */
const VANDALS: [string, string][] = [
  ['replaces sys.modules["os"]', 'import sys\ndef f(*a, **k):\n    sys.modules["os"] = None\n'],
  ['deletes os from sys.modules and imports a fake', 'import sys, types\ndef f(*a, **k):\n    del sys.modules["os"]\n    sys.modules["shutil"] = types.ModuleType("shutil")\n'],
  ['breaks os functions and builtins', 'import os, builtins\ndef f(*a, **k):\n    os.listdir = os.mkdir = os.path.join = None\n    builtins.open = builtins.sorted = None\n'],
  ['empties sys.path and the environment, and moves away', 'import os, sys\ndef f(*a, **k):\n    sys.path.clear()\n    sys.meta_path.clear()\n    os.environ.clear()\n    os.environ["HOME"] = "/nowhere"\n    os.chdir("/")\n'],
  ['replaces os.environ and json', 'import os, json\ndef f(*a, **k):\n    os.environ = {}\n    json.dumps = None\n'],
]
const ANY_CASE = { name: 'anything', expect: { return: null } }

describe.each(RUNTIMES_UNDER_TEST)('%s', (_, create) => {
  const runtime: Runtime = create()
  afterAll(() => runtime.close())

  it.each(VANDALS)('after code that %s, the next exercise still passes', async (_, vandal) => {
    await runOneCase(runtime, vandal, 'f', ANY_CASE)
    for (const id of ['06-build-folders', '14-environment']) {
      const { spec, solution } = exercise(id)
      const verdict = await gradeExercise(runtime, spec, solution)
      expect(verdict.cases.filter(v => v.status !== 'pass').map(v => v.message), id).toEqual([])
    }
  }, 60_000)
})

describe('a task.py that cannot be loaded', () => {
  const runtime = createPyodideRuntime()
  afterAll(() => runtime.close())
  /** Counts the cases handed to Python. */
  const counting = (inner: Runtime) => {
    const requests: CaseRequest[] = []
    const seen = { parallel: 0 }
    const wrapped: Runtime = {
      ...inner,
      exercise: async () => {
        const runner = await inner.exercise()
        seen.parallel = runner.parallel
        return {
          ...runner,
          runCase: (request, signal) => {
            requests.push(request)
            return runner.runCase(request, signal)
          },
        }
      },
    }
    return { runtime: wrapped, requests, seen }
  }
  const { spec } = exercise('06-build-folders')
  const quick: Spec = { ...spec, timeout: 1 }

  it.each([
    ['a syntax error', 'def build_folders(root, names)\n    return []\n', /syntax error[\s\S]*line 1/],
    ['an endless loop at the top level', 'while True:\n    pass\n', /did not finish loading within 1 s/],
    ['time.sleep at the top level', 'import time\ntime.sleep(60)\n', /did not finish loading within 1 s/],
    ['a top-level loop that swallows every interrupt', 'while True:\n    try:\n        pass\n    except BaseException:\n        pass\n', /did not finish loading within 1 s/],
    ['sys.exit() at the top level', 'import sys\nsys.exit(1)\n', /called sys\.exit\(\) while it was being loaded/],
    ['input() at the top level', 'name = input("name? ")\n', /while it was being loaded: input\(\) cannot be answered/],
    ['no function of the right name', 'def build_folder(root, names):\n    return []\n', /has no function `build_folders`/],
  ])('%s is reported once, after one round of runs', async (_, source, message) => {
    const { runtime: counted, requests, seen } = counting(runtime)
    const verdict = await gradeExercise(counted, quick, source)
    // the first case, with those that run beside it anyway (in watch mode: its run as Windows)
    expect(requests).toHaveLength(seen.parallel)
    expect(seen.parallel).toBeLessThanOrEqual(2)
    expect(verdict.status).toBe('error')
    expect(verdict.problem).toMatch(message)
    expect(verdict.cases.map(v => v.status)).toEqual(spec.cases.map(() => 'error'))
  }, 30_000)

  it('an error inside the function is still judged case by case', async () => {
    const { runtime: counted, requests } = counting(runtime)
    const verdict = await gradeExercise(counted, quick, 'def build_folders(root, names):\n    raise ValueError("no")\n')
    expect(verdict.problem).toBeUndefined()
    expect(requests).toHaveLength(spec.cases.length * counted.profiles.length) // each case as each house
  })
})
