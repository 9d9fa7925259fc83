// @ts-check
// One Pyodide in a Node process of its own (core/python/worker-loop.js), started by
// grader/runtimes/pyodide.ts under Node's permission model: it may read Pyodide's files,
// the harness and the snapshot, and nothing else; no writes, no child processes, no
// workers, no addons, no code made from strings. Messages are JSON lines on stdin and
// stdout; a snapshot it makes is posted to the grader, which keeps it.
import { constants as fsConstants, readdirSync, readFileSync, writeSync } from 'node:fs'
import { constants as osConstants } from 'node:os'
import { createWorkerLoop } from '../../core/python/worker-loop.js'

/** @type {{ pyodide: string, harness: string, snapshot: string }} */
const config = JSON.parse(process.argv[2])

// Pyodide's NODEFS asks for process.binding('constants'), which the permission model refuses.
Object.defineProperty(process, 'binding', {
  value: (/** @type {string} */ name) => {
    if (name === 'constants')
      return { fs: fsConstants, os: osConstants }
    throw new Error(`process.binding('${name}') is not available`)
  },
})

/** Writes one line to the grader, whole, even when the pipe is full for a moment. */
function send(/** @type {unknown} */ message) {
  let bytes = Buffer.from(`${JSON.stringify(message)}\n`)
  const pause = new Int32Array(new SharedArrayBuffer(4))
  while (bytes.length) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes))
    }
    catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EAGAIN')
        throw error
      Atomics.wait(pause, 0, 0, 5)
    }
  }
}

const harnessFiles = Object.fromEntries(readdirSync(config.harness)
  .filter(name => name.endsWith('.py'))
  .map(name => [name, readFileSync(`${config.harness}/${name}`, 'utf8')]))
const handle = createWorkerLoop({
  loadPyodide: async options => (await import(config.pyodide)).loadPyodide(options),
  harnessFiles,
  post: message => send(message.type === 'snapshot' ? { type: 'snapshot', base64: Buffer.from(message.bytes).toString('base64') } : message),
  snapshot: () => {
    try {
      return readFileSync(config.snapshot)
    }
    catch {
      return undefined
    }
  },
  keepsSnapshots: true,
})

let pending = ''
let queue = Promise.resolve()
process.stdin.setEncoding('utf8').on('data', (chunk) => {
  pending += chunk
  const lines = pending.split('\n')
  pending = lines.pop() ?? ''
  for (const line of lines)
    queue = queue.then(() => handle(JSON.parse(line)))
})
process.stdin.on('end', () => void queue.finally(() => process.exit(0)))
