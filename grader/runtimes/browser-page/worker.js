// One exercise's Python in the isolated grader: the same worker loop as everywhere
// (core/python/worker-loop.js, served as /worker-loop.js), a fresh Web Worker, so a
// fresh realm and interpreter, for every exercise. The snapshot comes from the server;
// only the worker that makes it, before any learner code exists, may send it back.
// Pyodide's WebAssembly, compiled once, and its files come from the page first.
const early = []
let receivePreloaded
const preloaded = new Promise(resolve => (receivePreloaded = resolve))
globalThis.onmessage = (event) => {
  if (event.data?.type === 'preloaded')
    receivePreloaded(event.data)
  else early.push(event.data)
}

/** Pyodide's loader, answered from what the page sent, each file once: no download, no compile. */
function usePreloaded({ module, files }) {
  const fetchFromServer = globalThis.fetch
  globalThis.fetch = (resource, options) => {
    const path = new URL(resource instanceof Request ? resource.url : String(resource), globalThis.location.href).pathname
    const body = files[path]
    delete files[path] // a copy is in the response: this one can go
    return body ? Promise.resolve(new Response(body)) : fetchFromServer(resource, options)
  }
  WebAssembly.instantiateStreaming = async (response, imports) => {
    void Promise.resolve(response).then(r => r.body?.cancel(), () => {})
    return { module, instance: await WebAssembly.instantiate(module, imports) }
  }
}

async function start() {
  const { files, module } = await preloaded
  const saved = files['/snapshot'] ?? await fetch('/snapshot').then(r => (r.ok ? r.arrayBuffer() : undefined))
  delete files['/snapshot']
  usePreloaded({ files, module })
  const { createWorkerLoop } = await import('/worker-loop.js')
  const harnessFiles = await fetch('/harness.json').then(r => r.json())
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
