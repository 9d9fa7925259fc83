// The browser side of the one Pyodide worker (core/python/worker-loop.js), as a
// module Web Worker: Python never runs on the page's thread, so slides stay responsive.
// Python starts from the snapshot the deck ships (deck/python-snapshot.ts).

import type { EarlyLoad, ToWorker } from '../core/protocol'
import { createWorkerLoop } from '../core/python/worker-loop.js'
import { harnessFiles } from './harness-files'
import { fetchSnapshot } from './python-snapshot'

const handle = createWorkerLoop({
  loadPyodide: async options => (await import(/* @vite-ignore */ `${options.indexURL}pyodide.mjs`)).loadPyodide(options),
  harnessFiles,
  post: message => globalThis.postMessage(message),
  snapshot: fetchSnapshot,
})
globalThis.onmessage = (event: MessageEvent<ToWorker | EarlyLoad>) => void handle(event.data)
