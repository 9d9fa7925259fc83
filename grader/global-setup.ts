// Starts the runtime once per grading session (and keeps it across watch re-runs).
import { watch } from 'node:fs'
import { relative } from 'node:path'
import type { TestProject } from 'vitest/node'
import { loadExercises, selectExercises } from './exercises'
import { readOptions } from './options'
import { EXERCISES_DIR, PROJECT_DIR, SOLUTIONS_DIR } from './paths'
import { createGrader, createRuntime, serveGrader } from './service'

export default async function setup(project: TestProject) {
  const options = readOptions()
  const all = loadExercises(EXERCISES_DIR, options.solutions ? SOLUTIONS_DIR : EXERCISES_DIR)
  const exercises = selectExercises(all, options.ids)
  const runtime = createRuntime(options.runtime)
  const grade = createGrader(runtime, exercises)
  const server = await serveGrader(grade)
  // In watch mode, start grading the moment a file is saved: vitest's own re-run
  // (after its debounce) then finds the verdicts ready.
  const watchers = options.watch
    ? exercises.map(e => watch(e.taskPath, () => void grade({ id: e.id }).catch(() => {})))
    : []
  project.provide('grader', {
    url: server.url,
    runtime: runtime.name,
    python: await runtime.version(),
    exercises: exercises.map(e => ({
      id: e.id,
      number: e.number,
      title: e.spec.title,
      taskPath: relative(PROJECT_DIR, e.taskPath),
      cases: e.spec.cases.map(c => c.name),
    })),
  })
  return async () => {
    watchers.forEach(w => w.close())
    await server.close()
    await runtime.close()
  }
}
