import { readFileSync } from 'node:fs'
import { gradeExercise } from '../core/grade'
import { loadExercises, specOf } from '../grader/exercises'
import { createPyodideRuntime } from '../grader/runtimes/pyodide'

const t0 = performance.now()
const rt = createPyodideRuntime()
console.log('version', await rt.version(), Math.round(performance.now() - t0))
for (const e of loadExercises('exercises', 'solutions')) {
  const t = performance.now()
  const v = await gradeExercise(rt, specOf(e), readFileSync(e.taskPath, 'utf8'))
  console.log(e.id, v.status, Math.round(performance.now() - t), 'ms')
}
await rt.close()
