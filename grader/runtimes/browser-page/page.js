// The page of the isolated grader: a relay between the grader (through Playwright)
// and one Web Worker per exercise. The grader trusts nothing it says; every message is
// validated there. Served with a Content-Security-Policy that allows no code made from
// strings and no request outside this server.
const workers = new Map()

/** Files every worker needs, fetched once per page; a fresh worker gets copies. */
const PRELOADED = ['/harness.json', '/snapshot', '/pyodide/pyodide-lock.json', '/pyodide/python_stdlib.zip']
const fetched = new Map()
let compiled

/** Pyodide compiled once (workers of one page share its code), and the files, once there. */
async function preloaded() {
  compiled ??= WebAssembly.compileStreaming(fetch('/pyodide/pyodide.asm.wasm'))
  const files = {}
  for (const path of PRELOADED) {
    if (!fetched.has(path)) {
      const response = await fetch(path)
      if (!response.ok)
        continue // the snapshot, before the first worker has made it: that worker fetches it itself
      fetched.set(path, await response.arrayBuffer())
    }
    files[path] = fetched.get(path)
  }
  return { type: 'preloaded', module: await compiled, files }
}

Object.assign(globalThis, {
  spawnWorker(id) {
    const worker = new Worker('/worker.js', { type: 'module' })
    workers.set(id, worker)
    worker.onmessage = event => globalThis.toGrader(id, event.data)
    worker.onerror = (event) => {
      event.preventDefault()
      globalThis.toGrader(id, { type: 'worker-failed', message: event.message || 'the worker stopped' })
    }
    preloaded().then(
      message => worker.postMessage(message),
      error => globalThis.toGrader(id, { type: 'worker-failed', message: `Pyodide could not be loaded: ${error}` }),
    )
  },
  postToWorker(id, message) {
    workers.get(id)?.postMessage(message)
  },
  terminateWorker(id) {
    workers.get(id)?.terminate()
    workers.delete(id)
  },
})
document.documentElement.dataset.ready = 'true'
