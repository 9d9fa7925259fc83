// Grades one exercise: reads the learner's file, runs each case, judges.
// Lives in vitest's main process (global setup) so Pyodide stays warm across
// watch-mode re-runs; test files reach it over a loopback HTTP port.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Exercise } from './exercises'
import { type CaseVerdict, judgeCase } from './judge'
import { createCpythonRuntime } from './runtimes/cpython'
import { createPyodideRuntime } from './runtimes/pyodide'
import type { Runtime, RuntimeName } from './runtimes/types'
import { DEFAULT_TIMEOUT_S } from './spec'

export interface ExerciseQuery { id: string }

export function createRuntime(name: RuntimeName): Runtime {
  return name === 'cpython' ? createCpythonRuntime() : createPyodideRuntime()
}

export function createGrader(runtime: Runtime, exercises: Exercise[]) {
  // Verdicts for unchanged sources, so a watch re-run only re-grades what was edited.
  const memo = new Map<string, CaseVerdict[]>()
  return async function gradeExercise({ id }: ExerciseQuery): Promise<CaseVerdict[]> {
    const exercise = exercises.find(e => e.id === id)
    if (!exercise) throw new Error(`unknown exercise ${id}`)
    const { spec, taskPath, number } = exercise
    if (!existsSync(taskPath)) {
      const message = `${taskPath} is missing. Run \`npm run reset -- ${number}\` to get the starter back.`
      return spec.cases.map(c => ({ name: c.name, call: spec.call, status: 'error', output: '', message }))
    }
    const source = readFileSync(taskPath, 'utf8')
    const key = `${id}#${createHash('sha1').update(source).digest('hex')}`
    const known = memo.get(key)
    if (known) return known
    const verdicts = await Promise.all(spec.cases.map(async (c) => {
      const timeoutS = c.timeout ?? spec.timeout ?? DEFAULT_TIMEOUT_S
      const seen = await runtime.runCase({ source, call: spec.call, case: c, timeoutS })
      return judgeCase(c, seen, spec.call, timeoutS)
    }))
    memo.set(key, verdicts)
    return verdicts
  }
}

/** Serves gradeExercise on 127.0.0.1 at a port the system picks, so it never collides. */
export async function serveGrader(gradeExercise: (q: ExerciseQuery) => Promise<CaseVerdict[]>) {
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => { body += chunk })
    request.on('end', async () => {
      try {
        const verdicts = await gradeExercise(JSON.parse(body) as ExerciseQuery)
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(verdicts))
      }
      catch (error) {
        response.writeHead(500).end(String((error as Error).message))
      }
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise(resolve => server.close(resolve)) }
}
