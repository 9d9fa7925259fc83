// Grades exercises from disk on one warm runtime; remembers each exercise's last
// verdict and source, so watch mode re-grades only the file that changed.

import type { ExerciseVerdict } from '../core/grade'
import type { Profile } from '../core/profiles'
import type { Runtime } from '../core/protocol'
import type { ExerciseRun } from '../core/report'
import type { ExerciseOnDisk } from './exercises'
import { existsSync, readFileSync } from 'node:fs'
import { brokenSpecProblem, titleOf } from '../core/exercise'
import { gradeExercise } from '../core/grade'
import { SpecError } from '../core/spec'

/**
 * `profiles`: the houses to grade as (the runtime runs those it can imitate);
 * `remember`: called with each freshly graded source and its verdict.
 */
export function createSession(runtime: Runtime, profiles?: readonly Profile[], remember?: (exercise: ExerciseOnDisk, source: string, verdict: ExerciseVerdict) => void) {
  /** each exercise's last graded source and its verdict */
  const known = new Map<string, { source: string, verdict: ExerciseVerdict }>()

  async function gradeOne(exercise: ExerciseOnDisk): Promise<ExerciseRun> {
    const run = (verdict: ExerciseVerdict): ExerciseRun => ({ id: exercise.id, title: titleOf(exercise), verdict })
    const { spec, taskPath, number } = exercise
    if (spec instanceof SpecError)
      return { ...run({ status: 'error', problem: brokenSpecProblem(spec, 'graded'), cases: [] }), blocked: true }
    if (!existsSync(taskPath))
      return { ...run({ status: 'error', problem: `${taskPath} is missing. Run \`npm run reset -- ${number}\` to get the starter back.`, cases: [] }), blocked: true }
    const source = readFileSync(taskPath, 'utf8')
    const last = known.get(exercise.id)
    if (last?.source === source)
      return run(last.verdict)
    const verdict = await gradeExercise(runtime, spec, source, { profiles })
    known.set(exercise.id, { source, verdict })
    remember?.(exercise, source, verdict)
    return run(verdict)
  }

  return {
    runtime,
    /** Every exercise at once: the runtime decides how many cases run side by side. */
    grade: (exercises: ExerciseOnDisk[]) => Promise.all(exercises.map(gradeOne)),
  }
}

export type Session = ReturnType<typeof createSession>
