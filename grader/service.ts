// Grades one case of one exercise: reads the learner's file, runs, judges.
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

export interface CaseQuery { id: string, index: number }

export function createRuntime(name: RuntimeName): Runtime {
  return name === 'cpython' ? createCpythonRuntime() : createPyodideRuntime()
}

export function createGrader(runtime: Runtime, exercises: Exercise[]) {
  // Results for unchanged sources, so a watch re-run only re-grades what was edited.
  const memo = new Map<string, CaseVerdict>()
  return async function gradeCase({ id, index }: CaseQuery): Promise<CaseVerdict> {
    const exercise = exercises.find(e => e.id === id)
    const c = exercise?.spec.cases[index]
    if (!exercise || !c) throw new Error(`unknown case ${id}#${index}`)
    if (!existsSync(exercise.taskPath)) {
      return { name: c.name, call: exercise.spec.call, status: 'error', output: '', message: `${exercise.taskPath} is missing. Run \`npm run reset -- ${exercise.number}\` to get the starter back.` }
    }
    const source = readFileSync(exercise.taskPath, 'utf8')
    const key = `${id}#${index}#${createHash('sha1').update(source).digest('hex')}`
    const known = memo.get(key)
    if (known) return known
    const timeoutS = c.timeout ?? exercise.spec.timeout ?? DEFAULT_TIMEOUT_S
    const seen = await runtime.runCase({ source, call: exercise.spec.call, case: c, timeoutS })
    const verdict = judgeCase(c, seen, exercise.spec.call, timeoutS)
    memo.set(key, verdict)
    return verdict
  }
}

/** Serves gradeCase on 127.0.0.1 at a port the system picks, so it never collides. */
export async function serveGrader(gradeCase: (q: CaseQuery) => Promise<CaseVerdict>) {
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => { body += chunk })
    request.on('end', async () => {
      try {
        const verdict = await gradeCase(JSON.parse(body) as CaseQuery)
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(verdict))
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
