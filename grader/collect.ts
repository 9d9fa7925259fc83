// Reads vitest's finished test tree back into exercise runs.
import type { SerializedError } from 'vitest'
import type { TestModule } from 'vitest/node'
import { loadExercises, selectExercises } from './exercises'
import type { CaseVerdict } from './judge'
import { readOptions } from './options'
import { EXERCISES_DIR } from './paths'
import type { ExerciseRun } from './report'

export function collectRuns(modules: ReadonlyArray<TestModule>): ExerciseRun[] {
  const verdicts = new Map<string, (CaseVerdict | undefined)[]>()
  for (const module of modules) {
    for (const suite of module.children.allSuites()) {
      verdicts.set(suite.name, [...suite.children.allTests()].map(t => t.meta().verdict))
    }
  }
  return selectExercises(loadExercises(EXERCISES_DIR), readOptions().ids).map(e => ({
    id: e.id,
    title: e.spec.title,
    names: e.spec.cases.map(c => c.name),
    verdicts: verdicts.get(e.id) ?? [],
  }))
}

/** Errors outside any case (set-up failed, worker crashed), in one paragraph. */
export function describeErrors(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>): string | undefined {
  const all = [...errors, ...modules.flatMap(m => m.errors())]
  return all.length ? all.map(e => e.message).join('\n') : undefined
}
