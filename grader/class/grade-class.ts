// Grades a whole class in the isolated mode: one headless Chromium, one browser context
// per learner, a fresh worker per exercise; several learners at once. A learner whose
// files have not changed since the last run keeps their results.

import type { Browser } from 'playwright-chromium'
import type { ExerciseResult } from '../../core/report'
import type { Exercise } from '../exercises'
import type { LearnerEntry } from './entries'
import { gradeExercise } from '../../core/grade'
import { exerciseResult } from '../../core/report'
import { SpecError } from '../../core/spec'
import { titleOf } from '../exercises'
import { createBrowserRuntime } from '../runtimes/browser'

export interface LearnerResult {
  name: string
  from: string
  notes: string[]
  exercises: ExerciseResult[]
  /** the fingerprint of the files these results are for */
  fingerprint: string
}

/** An exercise that was not graded: every case says why. */
function notGraded(exercise: Exercise, message: string): ExerciseResult {
  const cases = exercise.spec instanceof SpecError ? [] : exercise.spec.cases
  return {
    id: exercise.id,
    title: titleOf(exercise),
    status: 'error',
    message,
    tests: cases.map(c => ({ name: c.name, status: 'error', message: `Not run: ${message}`, output: null })),
  }
}

export async function gradeLearner(learner: LearnerEntry, exercises: Exercise[], browser: Browser): Promise<LearnerResult> {
  const runtime = createBrowserRuntime({ browser, keepWarm: false })
  try {
    const results = await Promise.all(exercises.map(async (exercise): Promise<ExerciseResult> => {
      const task = learner.tasks.get(exercise.id)
      if (exercise.spec instanceof SpecError)
        return notGraded(exercise, `its spec.json is broken (${exercise.spec.message})`)
      if (!task)
        return notGraded(exercise, 'not handed in.')
      if ('problem' in task)
        return notGraded(exercise, task.problem)
      try {
        const verdict = await gradeExercise(runtime, exercise.spec, task.source)
        return exerciseResult({ id: exercise.id, title: titleOf(exercise), verdict })
      }
      catch (error) {
        return notGraded(exercise, `the grader could not grade it (${(error as Error).message}).`)
      }
    }))
    return { name: learner.name, from: learner.from, notes: learner.notes, exercises: results, fingerprint: learner.fingerprint }
  }
  finally {
    await runtime.close()
  }
}

export interface ClassProgress { done: number, total: number, secondsLeft?: number }

/** Every learner, `jobs` at a time; `known` results are kept for learners whose files did not change. */
export async function gradeClass(
  learners: LearnerEntry[],
  exercises: Exercise[],
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
  let done = 0
  onProgress?.({ done, total: todo.length })
  let next = 0
  const gradeNext = async () => {
    const index = todo[next++]
    results[index] = await gradeLearner(learners[index], exercises, browser)
    done++
    const perLearner = (performance.now() - started) / done
    onProgress?.({ done, total: todo.length, secondsLeft: ((todo.length - done) * perLearner) / jobs / 1000 })
  }
  const lane = async () => {
    while (next < todo.length) await gradeNext()
  }
  // the first learner alone: the snapshot is made once, then every learner starts from it
  if (todo.length)
    await gradeNext()
  await Promise.all(Array.from({ length: Math.min(jobs, todo.length) }, lane))
  return { results, reused: learners.length - todo.length }
}
