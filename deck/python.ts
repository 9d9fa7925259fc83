// The deck's one Python: the shared host (core/python/host.ts) on a Web Worker,
// loaded in the background as soon as the deck opens. Stop uses Pyodide's interrupt
// when the page is cross-origin isolated, and a fresh worker otherwise.
import type { Observation, Runtime } from '../core/protocol'
import { createPythonHost } from '../core/python/host'

function indexURL(): string {
  const base = import.meta.env.BASE_URL ?? '/'
  return new URL(`${base.replace(/\/?$/, '/')}pyodide/`, location.href).href
}

export const python = createPythonHost({
  get indexURL() { return indexURL() },
  get canShareMemory() { return typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated && typeof SharedArrayBuffer !== 'undefined' },
  spawn() {
    const worker = new Worker(new URL('./python-worker.ts', import.meta.url), { type: 'module', name: 'python' })
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

/** The deck's Python as a grading runtime, for the exercise slides. */
export const deckRuntime: Runtime = {
  name: 'pyodide',
  parallel: 1,
  version: () => python.preload(),
  runCase: (request, signal): Promise<Observation> => python.runCase(request, signal),
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
