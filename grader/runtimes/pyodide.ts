// Pyodide in a Node worker thread: learner code sees only an in-memory file system.
// The host (queue, time limit, interrupt, restart) is core/python/host.ts.

import type { Runtime } from '../../core/protocol'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { Worker } from 'node:worker_threads'
import { createPythonHost } from '../../core/python/host'

const WORKER_URL = new URL('./pyodide-worker.js', import.meta.url)
const PYODIDE_DIR = `${dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))}/`

export function createPyodideRuntime(): Runtime {
  const host = createPythonHost({
    indexURL: PYODIDE_DIR,
    canShareMemory: true,
    spawn() {
      const worker = new Worker(WORKER_URL)
      return {
        post: message => worker.postMessage(message),
        listen(onMessage, onFailure) {
          worker.on('message', onMessage)
          worker.on('error', (error: Error) => onFailure(error.message))
          worker.on('exit', code => onFailure(`the Python worker stopped (exit code ${code})`))
        },
        terminate: () => void worker.terminate(),
      }
    },
  })
  return {
    name: 'pyodide',
    parallel: 1,
    version: () => host.preload(),
    runCase: (request, signal) => host.runCase(request, signal),
    close: () => host.close(),
  }
}
