// Grades a whole class in the isolated mode: one headless Chromium, a few lanes side by
// side, each a browser context whose learners are graded one after another, one exercise
// at a time in a fresh worker (a page that crashes is replaced, with its context). A learner
// whose files have not changed since the last run keeps their results, and a task.py
// that is byte for byte one graded already in this run (a starter, the same answer)
// gets that verdict.

import type { Browser } from 'playwright-chromium'
import type { ExpressionValues } from '../../core/grade'
import type { Runtime } from '../../core/protocol'
import type { ExerciseResult } from '../../core/report'
import type { Spec } from '../../core/spec'
import type { ExerciseOnDisk } from '../exercises'
import type { LearnerEntry } from './entries'
import { createHash } from 'node:crypto'
import { casesOf, titleOf } from '../../core/exercise'
import { gradeExercise } from '../../core/grade'
import { exerciseResult } from '../../core/report'
import { SpecError } from '../../core/spec'
import { createBrowserRuntime, startSharedIsolationServer } from '../runtimes/browser'

export interface LearnerResult {
  name: string
  from: string
  notes: string[]
  exercises: ExerciseResult[]
  /** the fingerprint of the files these results are for */
  fingerprint: string
}

/** An exercise that was not graded: every case says why. */
function notGraded(exercise: ExerciseOnDisk, message: string): ExerciseResult {
  const cases = casesOf(exercise)
  return {
    id: exercise.id,
    title: titleOf(exercise),
    status: 'error',
    message,
    tests: cases.map(c => ({ name: c.name, status: 'error', message: `Not run: ${message}`, output: null })),
  }
}

/**
 * Work one run shares between learners: the verdict of each distinct task.py (grading is
 * the same for the same bytes; a verdict holds nothing of the learner who handed it in)
 * and the specs' expressions, worked out once in a fresh worker no learner code ran in.
 */
interface SharedWork {
  verdicts: Map<string, Promise<ExerciseResult>>
  expressions: ExpressionValues
}

export function newSharedWork(): SharedWork {
  return { verdicts: new Map(), expressions: new Map() }
}

/** One learner's exercises, on a runtime of the isolated mode no other learner uses meanwhile. */
export async function gradeLearner(learner: LearnerEntry, exercises: ExerciseOnDisk[], runtime: Runtime, shared = newSharedWork()): Promise<LearnerResult> {
  const gradeOnce = (exercise: ExerciseOnDisk & { spec: Spec }, source: string): Promise<ExerciseResult> => {
    const key = `${exercise.id}:${createHash('sha256').update(source).digest('hex')}`
    let result = shared.verdicts.get(key)
    if (!result) {
      result = gradeExercise(runtime, exercise.spec, source, { expressions: shared.expressions }).then(verdict => exerciseResult({ id: exercise.id, title: titleOf(exercise), verdict }))
      result.catch(() => shared.verdicts.delete(key)) // the grader's own failure: another learner's copy tries again
      shared.verdicts.set(key, result)
    }
    return result
  }
  const results = await Promise.all(exercises.map(async (exercise): Promise<ExerciseResult> => {
    const task = learner.tasks.get(exercise.id)
    const { spec } = exercise
    if (spec instanceof SpecError)
      return notGraded(exercise, `its spec.json is broken (${spec.message})`)
    if (!task)
      return notGraded(exercise, 'not handed in.')
    if ('problem' in task)
      return notGraded(exercise, task.problem)
    try {
      return await gradeOnce({ ...exercise, spec }, task.source)
    }
    catch (error) {
      return notGraded(exercise, `the grader could not grade it (${(error as Error).message}).`)
    }
  }))
  return { name: learner.name, from: learner.from, notes: learner.notes, exercises: results, fingerprint: learner.fingerprint }
}

interface ClassProgress { done: number, total: number, secondsLeft?: number }

/** Every learner, `jobs` at a time; `known` results are kept for learners whose files did not change. */
export async function gradeClass(
  learners: LearnerEntry[],
  exercises: ExerciseOnDisk[],
  options: { browser: Browser, jobs: number, known: Map<string, LearnerResult>, onProgress?: (progress: ClassProgress) => void },
): Promise<{ results: LearnerResult[], reused: number }> {
  const { browser, jobs, known, onProgress } = options
  const results: LearnerResult[] = Array.from({ length: learners.length })
  const todo: number[] = []
  learners.forEach((learner, i) => {
    const kept = known.get(learner.from)
    if (kept?.fingerprint === learner.fingerprint)
      results[i] = { ...kept, name: learner.name, notes: learner.notes }
    else todo.push(i)
  })
  const started = performance.now()
  const shared = newSharedWork()
  const server = await startSharedIsolationServer()
  // a lane's runtime opens its context when its first learner needs one; one worker at a
  // time per lane, as each renderer holds its own memory
  const lanes = Array.from({ length: Math.max(1, jobs) }, () => createBrowserRuntime({ browser, server, keepWarm: false, startAhead: false, lanes: 1 }))
  let done = 0
  onProgress?.({ done, total: todo.length })
  let next = 0
  const gradeNext = async (runtime: Runtime) => {
    const index = todo[next++]
    results[index] = await gradeLearner(learners[index], exercises, runtime, shared)
    done++
    // learners finish side by side: the time per learner so far is wall time, lanes included
    const perLearner = (performance.now() - started) / done
    onProgress?.({ done, total: todo.length, secondsLeft: ((todo.length - done) * perLearner) / 1000 })
  }
  const lane = async (runtime: Runtime) => {
    while (next < todo.length) await gradeNext(runtime)
  }
  try {
    // Python's snapshot is made once, before any learner's code, then every lane starts from it
    if (todo.length)
      await lanes[0].warm()
    await Promise.all(lanes.map(lane))
  }
  finally {
    await Promise.all(lanes.map(runtime => runtime.close()))
    await server.close()
  }
  return { results, reused: learners.length - todo.length }
}
