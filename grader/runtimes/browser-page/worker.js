// One exercise's Python in the isolated grader: the same worker loop as everywhere
// (core/python/worker-loop.js, served as /worker-loop.js), a fresh Web Worker, so a
// fresh realm and interpreter, for every exercise. The snapshot comes from the server;
// only the worker that makes it, before any learner code exists, may send it back.
const early = []
globalThis.onmessage = event => early.push(event.data)

async function start() {
  const { createWorkerLoop } = await import('/worker-loop.js')
  const [harnessFiles, saved] = await Promise.all([
    fetch('/harness.json').then(r => r.json()),
    fetch('/snapshot').then(r => (r.ok ? r.arrayBuffer() : undefined)),
  ])
  return createWorkerLoop({
    loadPyodide: async options => (await import('/pyodide/pyodide.mjs')).loadPyodide(options),
    harnessFiles,
    snapshot: () => saved && new Uint8Array(saved),
    keepsSnapshots: !saved,
    post(message) {
      if (message.type === 'snapshot')
        void fetch('/snapshot', { method: 'PUT', body: message.bytes })
      else globalThis.postMessage(message)
    },
  })
}

void start().then((handle) => {
  globalThis.onmessage = event => void handle(event.data)
  early.forEach(message => void handle(message))
})
