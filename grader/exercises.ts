// Finding exercises on disk and choosing the ones a learner asked for.

import type { Exercise } from '../core/exercise.ts'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EXERCISE_ID, exerciseFrom } from '../core/exercise.ts'

/** An exercise of the course on disk: where its folder and the task.py to grade are. */
export interface ExerciseOnDisk extends Exercise {
  /** The task.py that gets graded (in exercises/, starters/ or solutions/). */
  taskPath: string
  /** The exercise's own folder in exercises/. */
  dir: string
}

/** A mistake in what the learner typed (an unknown exercise, option or command). */
export class UsageError extends Error {}

/** All exercises in order; `taskRoot` is exercises/, starters/ or solutions/. */
export function loadExercises(exercisesDir: string, taskRoot: string = exercisesDir): ExerciseOnDisk[] {
  if (!existsSync(exercisesDir))
    throw new UsageError(`no exercises folder at ${exercisesDir}`)
  return readdirSync(exercisesDir).filter(name => EXERCISE_ID.test(name)).sort().map((id) => {
    const dir = join(exercisesDir, id)
    const specPath = join(dir, 'spec.json')
    const specText = existsSync(specPath) ? readFileSync(specPath, 'utf8') : undefined
    return { ...exerciseFrom(id, specText), dir, taskPath: join(taskRoot, id, 'task.py') }
  })
}

/** Picks exercises by number ("4", "04") or slug ("build-folders", "06-build-folders"). */
export function selectExercises(all: ExerciseOnDisk[], wanted: string[]): ExerciseOnDisk[] {
  if (!wanted.length)
    return all
  return wanted.map((word) => {
    const found = all.find(e => e.id === word || e.id.slice(3) === word || (/^\d+$/.test(word) && Number(e.number) === Number(word)))
    if (!found) {
      throw new UsageError(`there is no exercise "${word}". Try a number like 04 or one of: ${all.map(e => e.id).join(', ')}`)
    }
    return found
  })
}
