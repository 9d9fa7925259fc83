// The browser side of the one Pyodide worker (core/python/worker-loop.js), as a
// module Web Worker: Python never runs on the page's thread, so slides stay responsive.
// The snapshot comes from the page and goes back to it: the page checks and keeps it.

import type { EarlyLoad, FromWorker, ToWorker } from '../core/protocol'
import { createWorkerLoop } from '../core/python/worker-loop.js'
import { harnessFiles } from './harness-files'

function post(message: FromWorker) {
  return message.type === 'snapshot'
    ? (globalThis as unknown as Worker).postMessage(message, [message.bytes.buffer])
    : (globalThis as unknown as Worker).postMessage(message)
}

const handle = createWorkerLoop({
  loadPyodide: async options => (await import(/* @vite-ignore */ `${options.indexURL}pyodide.mjs`)).loadPyodide(options),
  harnessFiles,
  post,
  keepsSnapshots: true,
})
globalThis.onmessage = (event: MessageEvent<ToWorker | EarlyLoad>) => void handle(event.data)
