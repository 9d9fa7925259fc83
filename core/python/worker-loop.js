// @ts-check
// The one Pyodide worker: the same message loop in Node (worker_threads) and in the
// browser (a Web Worker). It loads Pyodide and harness.py, then runs one case or one
// slide script per message. Plain JavaScript so that a Node worker needs no compiler.

/** The interpreter's own environment, the same everywhere (each run then sets its own). */
export const PYTHON_ENV = { HOME: '/home/learner', USER: 'learner', LANG: 'C.UTF-8' }

/**
 * @typedef {import('../protocol').ToWorker} ToWorker
 * @typedef {import('../protocol').FromWorker} FromWorker
 * @typedef {{ load: () => Promise<Uint8Array | undefined>, save: (bytes: Uint8Array) => Promise<void>, forget: () => Promise<void> }} SnapshotStore
 *   where a platform keeps a memory snapshot of a Python with the harness already loaded
 * @typedef {{ loadPyodide: (options: Record<string, unknown>) => Promise<any>, harnessSource: string, post: (message: FromWorker) => void, snapshots?: (indexURL: string) => Promise<SnapshotStore | undefined> }} WorkerIO
 */

/**
 * @param {WorkerIO} io
 * @returns {(message: ToWorker) => Promise<void>} handles one message from the host
 */
export function createWorkerLoop({ loadPyodide, harnessSource, post, snapshots }) {
  /** @type {Promise<any> | undefined} */
  let harness
  /** the run in progress, for the stage messages */
  let runId = 0

  /**
   * A Python with the harness imported: from a snapshot when the platform kept one
   * (Node: about 0.5 s instead of 3 s; a browser reopening the deck: about 3 s instead
   * of 12), else loaded afresh and then snapshotted.
   * @param {string} indexURL
   */
  async function loadPython(indexURL) {
    const options = { indexURL, env: { ...PYTHON_ENV }, stdout: () => {}, stderr: () => {}, packages: [] }
    const store = await snapshots?.(indexURL).catch(() => undefined)
    const snapshot = await store?.load().catch(() => undefined)
    if (snapshot) {
      try {
        return await loadPyodide({ ...options, _loadSnapshot: snapshot })
      }
      catch {
        await store?.forget().catch(() => {}) // stale or damaged: make a new one
      }
    }
    const pyodide = await loadPyodide({ ...options, _makeSnapshot: Boolean(store) })
    pyodide.FS.mkdirTree('/harness')
    pyodide.FS.writeFile('/harness/harness.py', harnessSource)
    pyodide.runPython('import sys\nsys.path.insert(0, "/harness")\nimport harness')
    if (store) // kept for the next start; writing it does not hold this one up
      void store.save(pyodide.makeMemorySnapshot()).catch(() => {})
    return pyodide
  }

  /** @param {string} indexURL @param {SharedArrayBuffer | undefined} shared */
  async function start(indexURL, shared) {
    const pyodide = await loadPython(indexURL)
    pyodide.setStdin({ error: true })
    const loaded = pyodide.pyimport('harness')
    // posted while Python still runs: the host learns the stage even if it must kill us
    loaded.set_stage_reporter((/** @type {'load' | 'call'} */ stage) => post({ type: 'stage', id: runId, stage }))
    if (shared)
      pyodide.setInterruptBuffer(new Int32Array(shared))
    post({ type: 'ready', version: pyodide.runPython('import platform; platform.python_version()') })
    return loaded
  }

  return async (message) => {
    if (message.type === 'init') {
      harness = start(message.indexURL, message.shared)
      harness.catch(error => post({ type: 'failed', message: String(error?.message ?? error) }))
      return
    }
    try {
      if (!harness)
        throw new Error('Python is not started')
      const loaded = await harness
      runId = message.id
      const json = JSON.stringify(message.request)
      const answer = message.type === 'case' ? loaded.run_case_json(json) : loaded.run_script_json(json)
      post({ type: 'done', id: message.id, report: JSON.parse(answer) })
    }
    catch (error) {
      const text = String(/** @type {Error} */ (error)?.message ?? error)
      post({ type: 'error', id: message.id, message: text.split('\n').slice(-3).join(' ') })
    }
  }
}
