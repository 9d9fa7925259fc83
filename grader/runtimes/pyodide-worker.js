// @ts-check
// The Node side of the one Pyodide worker (core/python/worker-loop.js), in a worker thread.
import { readFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { loadPyodide } from 'pyodide'
import { createWorkerLoop } from '../../core/python/worker-loop.js'

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)
const handle = createWorkerLoop({
  loadPyodide: options => loadPyodide(options),
  harnessSource: readFileSync(new URL('../../core/harness.py', import.meta.url), 'utf8'),
  post: message => port.postMessage(message),
})
port.on('message', handle)
