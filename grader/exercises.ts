// Finding exercises on disk and choosing the ones a learner asked for.

import type { Spec } from '../core/spec'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SpecError, validateSpec } from '../core/spec.ts'

export interface Exercise {
  /** The folder name, e.g. "06-build-folders". */
  id: string
  /** "04" */
  number: string
  /** The spec, or why it could not be read: a broken spec blocks only its own exercise. */
  spec: Spec | SpecError
  /** The task.py that gets graded (in exercises/, starters/ or solutions/). */
  taskPath: string
  /** The exercise's own folder in exercises/. */
  dir: string
}

/** A mistake in what the learner typed (an unknown exercise, option or command). */
export class UsageError extends Error {}

const EXERCISE_DIR = /^\d\d-[a-z0-9-]+$/

/** All exercises in order; `taskRoot` is exercises/, starters/ or solutions/. */
export function loadExercises(exercisesDir: string, taskRoot: string = exercisesDir): Exercise[] {
  if (!existsSync(exercisesDir))
    throw new UsageError(`no exercises folder at ${exercisesDir}`)
  return readdirSync(exercisesDir).filter(name => EXERCISE_DIR.test(name)).sort().map((id) => {
    const dir = join(exercisesDir, id)
    return { id, number: id.slice(0, 2), spec: readSpec(join(dir, 'spec.json'), `exercises/${id}/spec.json`), dir, taskPath: join(taskRoot, id, 'task.py') }
  })
}

function readSpec(path: string, shown: string): Spec | SpecError {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  }
  catch (error) {
    return new SpecError(`${shown} ${existsSync(path) ? `is not valid JSON (${(error as Error).message})` : 'is missing'}`)
  }
  try {
    return validateSpec(raw, shown)
  }
  catch (error) {
    if (error instanceof SpecError)
      return error
    throw error
  }
}

/** The spec, or a clear error naming the broken file. */
export function specOf(exercise: Exercise): Spec {
  if (exercise.spec instanceof SpecError)
    throw exercise.spec
  return exercise.spec
}

export function titleOf(exercise: Exercise): string {
  return exercise.spec instanceof SpecError ? '(its spec.json is broken)' : exercise.spec.title
}

/** Picks exercises by number ("4", "04") or slug ("build-folders", "06-build-folders"). */
export function selectExercises(all: Exercise[], wanted: string[]): Exercise[] {
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
