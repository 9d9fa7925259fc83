// The class grader's shared work: a task.py that is byte for byte one graded already in
// the run gets that verdict without running again; a different one runs; the specs'
// expressions are worked out once for every learner.
import type { Runtime } from '../../core/protocol'
import type { LearnerEntry } from '../../grader/class/entries'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { gradeLearner, newSharedWork } from '../../grader/class/grade-class'
import { loadExercises } from '../../grader/exercises'

const exercises = loadExercises(join(import.meta.dirname, '..', '..', 'exercises')).filter(e => e.id === '01-which-os')

/** A runtime that runs nothing: every case returns None, and every run is counted. */
function countingRuntime() {
  const runs: string[] = []
  const runtime: Runtime = {
    name: 'pyodide',
    profiles: ['linux'],
    warm: async () => {},
    exercise: async () => ({
      parallel: 1,
      runCase: async (request) => {
        runs.push(request.run.source)
        return { stage: 'call', returned: { value: null, repr: 'None' }, output: '', output_truncated: false, tree_before: {}, tree_after: {}, cwd_after: '.' }
      },
      end() {},
    }),
    evaluate: async expressions => expressions.map(() => ({ value: null, repr: 'None' })),
    runScript: async () => ({ status: 'failed', message: 'no scripts here' }),
    close: async () => {},
  }
  return { runtime, runs }
}

const learner = (name: string, source: string): LearnerEntry => ({ name, from: name, notes: [], fingerprint: name, tasks: new Map([['01-which-os', { source }]]) })

it('a task.py graded once in a run is not run again for another learner; a different one is', async () => {
  const shared = newSharedWork()
  const { runtime, runs } = countingRuntime()
  const first = await gradeLearner(learner('ana', 'def describe_os(parts):\n    return None\n'), exercises, runtime, shared)
  const once = runs.length
  expect(once).toBeGreaterThan(0)
  const same = await gradeLearner(learner('bob', 'def describe_os(parts):\n    return None\n'), exercises, runtime, shared)
  expect(runs.length).toBe(once)
  expect(same.exercises).toEqual(first.exercises)
  expect(same.name).toBe('bob')
  await gradeLearner(learner('eve', 'def describe_os(parts):\n    return None  # mine\n'), exercises, runtime, shared)
  expect(runs.length).toBe(2 * once)
})
