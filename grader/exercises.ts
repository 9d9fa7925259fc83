// Finding exercises on disk and choosing the ones a learner asked for.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Spec, SpecError, validateSpec } from './spec'

export interface Exercise {
  /** The folder name, e.g. "04-build-folders". */
  id: string
  /** "04" */
  number: string
  spec: Spec
  /** The task.py that gets graded (in exercises/ or solutions/). */
  taskPath: string
  /** The exercise's own folder in exercises/. */
  dir: string
}

const EXERCISE_DIR = /^(\d\d)-[a-z0-9-]+$/

/** All exercises in order; `taskRoot` is exercises/ or solutions/. */
export function loadExercises(exercisesDir: string, taskRoot: string = exercisesDir): Exercise[] {
  if (!existsSync(exercisesDir)) throw new SpecError(`no exercises folder at ${exercisesDir}`)
  return readdirSync(exercisesDir).filter(name => EXERCISE_DIR.test(name)).sort().map((id) => {
    const dir = join(exercisesDir, id)
    const specPath = join(dir, 'spec.json')
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(specPath, 'utf8'))
    }
    catch (error) {
      throw new SpecError(`exercises/${id}/spec.json: ${existsSync(specPath) ? `is not valid JSON (${(error as Error).message})` : 'is missing'}`)
    }
    const spec = validateSpec(raw, `exercises/${id}/spec.json`)
    return { id, number: id.slice(0, 2), spec, dir, taskPath: join(taskRoot, id, 'task.py') }
  })
}

/** Picks exercises by number ("4", "04") or slug ("build-folders", "04-build-folders"). */
export function selectExercises(all: Exercise[], wanted: string[]): Exercise[] {
  if (!wanted.length) return all
  return wanted.map((word) => {
    const found = all.find(e => e.id === word || e.id.slice(3) === word || (/^\d+$/.test(word) && Number(e.number) === Number(word)))
    if (!found) {
      throw new SpecError(`there is no exercise "${word}". Try a number like 04 or one of: ${all.map(e => e.id).join(', ')}`)
    }
    return found
  })
}
