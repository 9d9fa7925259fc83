// Check on an exercise slide: the core's gradeExercise on the deck's Python, so the
// verdicts are the ones `npm run grade` gives.

import type { ExerciseVerdict } from '../core/grade'
import type { Profile } from '../core/profiles'
import type { SlideExercise } from './exercise-files'
import { brokenSpecProblem } from '../core/exercise'
import { gradeExercise } from '../core/grade'
import { SpecError } from '../core/spec'
import { deckRuntime } from './python'

export interface CheckHandle {
  result: Promise<ExerciseVerdict>
  stop: () => void
}

export type Checker = (exercise: SlideExercise, source: string, onProgress?: (index: number, total: number) => void, profiles?: Profile[]) => CheckHandle

/** Grades `source` for `exercise` in the deck's Python, exactly as `npm run grade` does. */
export const checkExercise: Checker = (exercise, source, onProgress, profiles) => {
  if (exercise.spec instanceof SpecError)
    return { result: Promise.resolve({ status: 'error', problem: brokenSpecProblem(exercise.spec, 'checked'), cases: [] }), stop: () => {} }
  const stopper = new AbortController()
  return {
    result: gradeExercise(deckRuntime, exercise.spec, source, { signal: stopper.signal, onProgress, profiles }),
    stop: () => stopper.abort(),
  }
}
