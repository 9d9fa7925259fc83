// Python hosts one per exercise (or slide script), never used twice: started ahead of
// need (one per core waiting in watch mode, else only as many as exercises wait for), so
// a fresh interpreter is ready when an exercise is graded. In watch mode an exercise
// takes a second waiting host for its runs as Windows, so both houses take the time of
// one. Shared by the terminal's Pyodide processes and the isolated mode's browser workers.

import type { Profile } from '../../core/profiles'
import type { EvaluatedValue, ExerciseRunner, RunResult, ScriptRequest } from '../../core/protocol'
import type { PythonHost } from '../../core/python/host'
import { availableParallelism } from 'node:os'
import { createSlots } from './slots'

interface HostPoolOptions {
  /** Keep a warm host per core waiting after a run (watch mode); false: only while exercises wait. */
  keepWarm: boolean
  /** Start a host per core at once, before the first exercise asks (default); false: when asked. */
  startAhead?: boolean
  /** How many exercises run at once (default: one per core). */
  lanes?: number
}

export function createHostPool(start: () => Promise<PythonHost>, { keepWarm, startAhead = true, lanes = availableParallelism() }: HostPoolOptions) {
  const slots = createSlots(lanes)
  const spares: Promise<PythonHost>[] = []
  const live = new Set<Promise<PythonHost>>()
  let closed = false

  const launch = () => {
    const host = start()
    host.then(made => made.preload()).catch(() => {}) // a failure is reported by the first run
    live.add(host)
    return host
  }
  /** Hosts for the exercises waiting; after a run (`idle`), a warm one per core in watch mode. */
  const refill = (idle: boolean) => {
    if (closed)
      return
    const wanted = Math.min(lanes, keepWarm && idle ? lanes : slots.waiting)
    while (spares.length < wanted) spares.push(launch())
  }
  const take = (): Promise<PythonHost> => {
    const host = spares.shift() ?? launch()
    refill(false)
    return host
  }
  // a host is replaced once its run is over, so loading the next never slows a run down
  const discard = (host: Promise<PythonHost>) => {
    live.delete(host)
    void host.then(made => made.close(), () => {})
    refill(true)
  }
  if (startAhead) { // ready before the first exercise asks
    while (spares.length < lanes) spares.push(launch())
  }

  return {
    /** A spare host ready (started if none waits, and kept for the next exercise). */
    async warm() {
      if (!spares.length)
        spares.push(launch())
      return (await spares[0]).preload()
    },
    /** A fresh host for one exercise; waits while one runs per core. */
    async exercise(): Promise<ExerciseRunner> {
      await slots.acquire()
      const pending = take()
      // watch mode, with a second warm host waiting: the Windows runs get it, side by side
      const second = keepWarm && spares.length > 0 ? take() : undefined
      const host = await pending.catch((error: Error) => {
        slots.release()
        if (second)
          discard(second)
        throw error
      })
      const windows = second && await second.catch(() => undefined)
      return {
        parallel: windows ? 2 : 1,
        runCase: (request, signal) => (windows && request.run.profile === 'windows' ? windows : host).runCase(request, signal),
        end() {
          discard(pending)
          if (second)
            discard(second)
          slots.release()
        },
      }
    },
    /** The spec's expressions, in a host no learner code has run in. */
    async evaluate(expressions: string[], profile: Profile = 'linux'): Promise<EvaluatedValue[]> {
      const pending = take()
      try {
        return await (await pending).evaluate(expressions, profile)
      }
      finally {
        discard(pending)
      }
    },
    /** A slide's script in a fresh host, like an exercise: waits while one runs per core. */
    async runScript(request: ScriptRequest, signal?: AbortSignal): Promise<RunResult> {
      await slots.acquire()
      const pending = take()
      try {
        return await (await pending).runScript(request, signal)
      }
      finally {
        discard(pending)
        slots.release()
      }
    },
    async close() {
      closed = true
      spares.length = 0
      await Promise.all([...live].map(host => host.then(made => made.close(), () => {})))
      live.clear()
    },
  }
}
