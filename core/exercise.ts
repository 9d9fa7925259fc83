// An exercise as the terminal and the deck both know it: its folder, its number and
// its spec, read from spec.json's text the same way by both.
import type { Case, Spec } from './spec.ts'
import { SpecError, validateSpec } from './spec.ts'

export interface Exercise {
  /** The folder name, e.g. "06-build-folders". */
  id: string
  /** "06" */
  number: string
  /** The spec, or why it could not be read: a broken spec blocks only its own exercise. */
  spec: Spec | SpecError
}

/** An exercise's folder name: its two-digit number and a slug. */
export const EXERCISE_ID = /^\d\d-[a-z0-9-]+$/

/** An exercise from its folder name and spec.json's text (undefined: the file is missing). */
export function exerciseFrom(id: string, specText: string | undefined): Exercise {
  return { id, number: id.slice(0, 2), spec: readSpec(specText, `exercises/${id}/spec.json`) }
}

function readSpec(text: string | undefined, shown: string): Spec | SpecError {
  if (text === undefined)
    return new SpecError(`${shown} is missing`)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  }
  catch (error) {
    return new SpecError(`${shown} is not valid JSON (${(error as Error).message})`)
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

/** The cases to run: none while the spec is broken. */
export function casesOf(exercise: Exercise): Case[] {
  return exercise.spec instanceof SpecError ? [] : exercise.spec.cases
}

export function hintsOf(exercise: Exercise): string[] {
  return exercise.spec instanceof SpecError ? [] : exercise.spec.hints
}

/** What the learner reads about a broken spec: `verb` is the word of the place ("graded", "checked"). */
export function brokenSpecProblem(error: SpecError, verb: string): string {
  return `${error.message}\nThis exercise cannot be ${verb} until its spec.json is fixed; the others can.`
}
