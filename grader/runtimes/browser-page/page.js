// The page of the isolated grader: a relay between the grader (through Playwright)
// and one Web Worker per exercise. The grader trusts nothing it says; every message is
// validated there. Served with a Content-Security-Policy that allows no code made from
// strings and no request outside this server.
const workers = new Map()

Object.assign(globalThis, {
  spawnWorker(id) {
    const worker = new Worker('/worker.js', { type: 'module' })
    workers.set(id, worker)
    worker.onmessage = event => globalThis.toGrader(id, event.data)
    worker.onerror = (event) => {
      event.preventDefault()
      globalThis.toGrader(id, { type: 'worker-failed', message: event.message || 'the worker stopped' })
    }
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
