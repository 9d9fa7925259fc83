// The deck's one Python: the shared host (core/python/host.ts) on a Web Worker, which
// the built index.html starts before the slide app has loaded (the dev server: when the
// deck opens). Stop uses Pyodide's interrupt when the page is cross-origin isolated,
// and a fresh worker otherwise.
import type { Runtime } from '../core/protocol'
import { PROFILES } from '../core/profiles'
import { createPythonHost } from '../core/python/host'

function indexURL(): string {
  const base = import.meta.env.BASE_URL ?? '/'
  return new URL(`${base.replace(/\/?$/, '/')}pyodide/`, location.href).href
}

/**
 * The worker the built index.html started before the slide app (deck/vite-pyodide.ts),
 * taken once: a later one (after a Stop) is started here.
 */
function takeEarlyWorker(): Worker | undefined {
  const page = globalThis as { earlyPythonWorker?: Worker }
  const worker = page.earlyPythonWorker
  page.earlyPythonWorker = undefined
  return worker
}

export const python = createPythonHost({
  get indexURL() { return indexURL() },
  get canShareMemory() { return typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated && typeof SharedArrayBuffer !== 'undefined' },
  spawn() {
    const worker = takeEarlyWorker() ?? new Worker(new URL('./python-worker.ts', import.meta.url), { type: 'module', name: 'python' })
    return {
      post: message => worker.postMessage(message),
      listen(onMessage, onFailure) {
        worker.onmessage = event => onMessage(event.data)
        worker.onerror = (event) => {
          event.preventDefault()
          onFailure(event.message || 'the Python worker could not start')
        }
      },
      terminate: () => worker.terminate(),
    }
  },
})

/**
 * The deck's Python as a grading runtime, for the exercise slides. Unlike the terminal,
 * every exercise and every live block share one worker: the learner grades their own code
 * in their own browser. What a page keeps (progress, the snapshot) is out of that worker's reach.
 */
export const deckRuntime: Runtime = {
  name: 'pyodide',
  profiles: PROFILES,
  warm: () => python.preload(),
  exercise: async () => ({ parallel: 1, runCase: (request, signal) => python.runCase(request, signal), end: () => {} }),
  evaluate: (expressions, profile) => python.evaluate(expressions, profile),
  runScript: (request, signal) => python.runScript(request, signal),
  close: () => python.close(),
}

/** Starts loading Python in the background, without blocking the page. */
export function preloadPython() {
  if (typeof window === 'undefined' || typeof Worker === 'undefined')
    return
  python.onStatus((status) => {
    document.documentElement.dataset.python = status
  })
  setTimeout(() => python.preload().catch(() => {}), 0)
}
