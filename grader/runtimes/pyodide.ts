// Pyodide in a worker thread: learner code sees only an in-memory file system.
// A case that overstays its time limit is interrupted (KeyboardInterrupt); if it
// swallows that too, the worker is terminated and a fresh one loaded.
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Observation } from '../judge'
import { HARNESS_PATH } from '../paths'
import type { CaseRequest, Runtime } from './types'

const WORKER_URL = new URL('./pyodide-worker.js', import.meta.url)
const GRACE_MS = 400
const PYODIDE_DIR = `${dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))}/`

interface Loaded { worker: Worker, interrupt: Int32Array, version: string }

export function createPyodideRuntime(): Runtime {
  let loading: Promise<Loaded> | undefined
  let nextId = 0
  let queue: Promise<unknown> = Promise.resolve()

  const load = () => (loading ??= start())
  const discard = async () => {
    const current = loading
    loading = undefined
    if (current) await (await current).worker.terminate()
  }

  async function runOne(request: CaseRequest): Promise<Observation> {
    const { worker, interrupt } = await load()
    const id = ++nextId
    Atomics.store(interrupt, 0, 0)
    return new Promise<Observation>((resolve) => {
      let interrupted = false
      const finish = (observation: Observation) => {
        clearTimeout(interruptTimer)
        clearTimeout(killTimer)
        worker.off('message', onMessage)
        worker.off('error', onFailure)
        worker.off('exit', onFailure)
        resolve(observation)
      }
      const onMessage = (message: { id: number, observation: Observation }) => {
        if (message.id !== id) return
        const seen = message.observation
        finish(interrupted && seen.limit === 'interrupted' ? { ...seen, limit: 'timeout' } : seen)
      }
      const onFailure = (error: unknown) => {
        void discard()
        const text = String((error as Error)?.message ?? error)
        finish(/memory/i.test(text) ? { limit: 'memory' } : { limit: 'crash', detail: text })
      }
      const interruptTimer = setTimeout(() => {
        interrupted = true
        Atomics.store(interrupt, 0, 2) // SIGINT: Python raises KeyboardInterrupt
      }, request.timeoutS * 1000)
      const killTimer = setTimeout(() => {
        void discard()
        finish({ limit: 'timeout' })
      }, request.timeoutS * 1000 + GRACE_MS)
      worker.on('message', onMessage)
      worker.on('error', onFailure)
      worker.on('exit', onFailure)
      worker.postMessage({ id, request: { source: request.source, call: request.call, case: request.case } })
    })
  }

  return {
    name: 'pyodide',
    async version() {
      return (await load()).version
    },
    runCase(request) {
      const result = queue.then(() => runOne(request))
      queue = result.catch(() => {})
      return result
    },
    close: discard,
  }
}

function start(): Promise<Loaded> {
  const interrupt = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(WORKER_URL, { workerData: { interrupt: interrupt.buffer, harnessPath: HARNESS_PATH, indexURL: PYODIDE_DIR } })
  worker.unref()
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { ready: boolean, version: string }) => resolve({ worker, interrupt, version: message.version }))
    worker.once('error', reject)
  })
}
