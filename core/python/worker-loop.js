// @ts-check
// The one Pyodide worker: the same message loop in a Node process of its own and in
// the browser (a Web Worker). It loads Pyodide and the harness package, then runs one
// case, one slide script or the spec's expressions per message. Plain JavaScript so
// that Node runs it with no compiler.
//
// Nothing of JavaScript is handed to Python: `jsglobals` is an empty object and the
// harness reports where a run is by printing a line, not through a JavaScript callback.
// That only makes the way out harder; the process or page around it is the boundary.

/** The interpreter's own environment, the same everywhere (each run then sets its own). */
const PYTHON_ENV = { HOME: '/home/learner', USER: 'learner', LANG: 'C.UTF-8' }
const STAGE_LINE = /^@@stage:(load|call)@@$/
const HARNESS_DIR = '/harness'
const WARM_UP = { source: 'import os\ndef f():\n    os.makedirs("a/b", exist_ok=True)\n    return sorted(os.listdir("."))\n', call: 'f', tree: { 'x.txt': 'x' } }

/**
 * @typedef {import('../protocol').ToWorker} ToWorker
 * @typedef {import('../protocol').EarlyLoad} EarlyLoad
 * @typedef {import('../protocol').FromWorker} FromWorker
 * @typedef {object} WorkerIO
 * @property {(options: Record<string, unknown>) => Promise<any>} loadPyodide Pyodide's own loader
 * @property {Record<string, string>} harnessFiles the harness package: file name -> source
 * @property {(message: FromWorker) => void} post sends a message to the host
 * @property {(indexURL: string) => Uint8Array | undefined | Promise<Uint8Array | undefined>} [snapshot]
 *   a memory snapshot the platform kept or ships
 * @property {boolean} [keepsSnapshots] post a snapshot after a load that had none
 */

/**
 * @param {WorkerIO} io
 * @returns {(message: ToWorker | EarlyLoad) => Promise<void>} handles one message from the host (or the page)
 */
export function createWorkerLoop({ loadPyodide, harnessFiles, post, snapshot, keepsSnapshots }) {
  /** @type {Promise<any> | undefined} */
  let harness
  /** the run in progress, for the stage messages */
  let runId = 0

  /** @param {string} line */
  const stdout = (line) => {
    const stage = STAGE_LINE.exec(line)?.[1]
    if (stage)
      post({ type: 'stage', id: runId, stage: /** @type {'load' | 'call'} */ (stage) })
  }

  /**
   * A load the page started before its host was there (EarlyLoad); the host's init
   * takes it over, and nothing is posted before that init.
   * @type {ReturnType<typeof loadPython> | undefined}
   */
  let early

  /**
   * A Python with the harness imported: from a snapshot when the platform kept or
   * ships one (about 0.5 s instead of 3 s), else loaded afresh, with a snapshot of it
   * made before any other code runs, for the platform to keep.
   * @param {string} indexURL @param {Uint8Array | undefined} saved
   * @returns {Promise<{ pyodide: any, made?: Uint8Array }>} the Python, and the snapshot made
   */
  async function loadPython(indexURL, saved) {
    const options = { indexURL, env: { ...PYTHON_ENV }, jsglobals: {}, stdout, stderr: () => {}, packages: [] }
    if (saved) {
      try {
        return { pyodide: await loadPyodide({ ...options, _loadSnapshot: saved }) }
      }
      catch {} // stale or damaged: load afresh, and post a new one
    }
    const pyodide = await loadPyodide({ ...options, _makeSnapshot: Boolean(keepsSnapshots) })
    pyodide.FS.mkdirTree(`${HARNESS_DIR}/harness`)
    for (const [name, source] of Object.entries(harnessFiles))
      pyodide.FS.writeFile(`${HARNESS_DIR}/harness/${name}`, source)
    pyodide.runPython(`import sys\nsys.path.insert(0, "${HARNESS_DIR}")\nimport harness.entry`)
    return { pyodide, made: keepsSnapshots ? pyodide.makeMemorySnapshot() : undefined }
  }

  /** @param {string} indexURL @param {SharedArrayBuffer | undefined} shared */
  async function start(indexURL, shared) {
    const { pyodide, made } = await (early ?? loadPython(indexURL, await snapshot?.(indexURL)))
    if (made)
      post({ type: 'snapshot', bytes: made })
    pyodide.setStdin({ error: true })
    if (shared)
      pyodide.setInterruptBuffer(new Int32Array(shared))
    const entry = pyodide.pyimport('harness.entry')
    const runs = { case: entry.run_case_json, script: entry.run_script_json, evaluate: entry.evaluate_json }
    // one trusted case first, so the learner's first case does not pay for Python's first steps
    runs.case(JSON.stringify(WARM_UP))
    post({ type: 'ready' })
    return runs
  }

  return async (message) => {
    if (message.type === 'load') {
      early ??= Promise.resolve(snapshot?.(message.indexURL)).then(saved => loadPython(message.indexURL, saved))
      early.catch(() => {}) // reported once the host's init waits for it
      return
    }
    if (message.type === 'init') {
      harness = start(message.indexURL, message.shared)
      harness.catch(error => post({ type: 'failed', message: String(error?.message ?? error) }))
      return
    }
    try {
      if (!harness)
        throw new Error('Python is not started')
      const runs = await harness
      runId = message.id
      post({ type: 'done', id: message.id, report: JSON.parse(runs[message.type](JSON.stringify(message.request))) })
    }
    catch (error) {
      const text = String(/** @type {Error} */ (error)?.message ?? error)
      post({ type: 'error', id: message.id, message: text.split('\n').slice(-3).join(' ') })
    }
  }
}
