// @ts-check
// The Node side of the one Pyodide worker (core/python/worker-loop.js), in a worker
// thread. It keeps a memory snapshot of a Python with the harness loaded in .grader/,
// keyed by Pyodide's version and the harness, so a cold grade skips most of the load.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parentPort } from 'node:worker_threads'
import { loadPyodide } from 'pyodide'
import { createWorkerLoop } from '../../core/python/worker-loop.js'

const harnessSource = readFileSync(new URL('../../core/harness.py', import.meta.url), 'utf8')
const pyodideVersion = createRequire(import.meta.url)('pyodide/package.json').version
const stateDir = fileURLToPath(new URL('../../.grader/', import.meta.url))
const key = createHash('sha1').update(`${pyodideVersion}\n${harnessSource}`).digest('hex').slice(0, 16)
const snapshotFile = join(stateDir, `python-${key}.snapshot`)

/** @type {import('../../core/python/worker-loop.js').SnapshotStore} */
const snapshots = {
  load: async () => {
    try {
      return readFileSync(snapshotFile)
    }
    catch {
      return undefined
    }
  },
  save: async (bytes) => {
    mkdirSync(stateDir, { recursive: true })
    // older snapshots (another harness or Pyodide) are of no use any more
    for (const old of readdirSync(stateDir).filter(name => name.endsWith('.snapshot')))
      rmSync(join(stateDir, old), { force: true })
    const partial = `${snapshotFile}.${process.pid}.partial`
    writeFileSync(partial, bytes)
    renameSync(partial, snapshotFile) // other graders never read half a file
  },
  forget: async () => rmSync(snapshotFile, { force: true }),
}

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)
const handle = createWorkerLoop({
  loadPyodide: options => loadPyodide(options),
  harnessSource,
  post: message => port.postMessage(message),
  snapshots: async () => snapshots,
})
port.on('message', handle)
