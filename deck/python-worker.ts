// The browser side of the one Pyodide worker (core/python/worker-loop.js), as a
// module Web Worker: Python never runs on the page's thread, so slides stay responsive.

import type { ToWorker } from '../core/protocol'
import harnessSource from '../core/harness.py?raw'
import { createWorkerLoop } from '../core/python/worker-loop.js'
import { browserSnapshots } from './snapshot-store'

const handle = createWorkerLoop({
  loadPyodide: async options => (await import(/* @vite-ignore */ `${options.indexURL}pyodide.mjs`)).loadPyodide(options),
  harnessSource,
  post: message => (globalThis as unknown as Worker).postMessage(message),
  snapshots: indexURL => browserSnapshots(indexURL, harnessSource),
})
globalThis.onmessage = (event: MessageEvent<ToWorker>) => void handle(event.data)
