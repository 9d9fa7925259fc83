// What a fresh interpreter costs, each way the isolation between exercises could get one
// (the numbers the design was chosen by; see the README's "Where code runs").
import type { Row } from './measure'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { loadPyodide } from 'pyodide'
import { PYODIDE_DIR, pythonProcessCommand, snapshotFile } from '../grader/runtimes/pyodide'
import { median } from './measure'

async function timed(runs: number, start: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const begin = performance.now()
    await start()
    times.push(performance.now() - begin)
  }
  return times
}

/** The default runtime's way: a new restricted Node process, Python restored from the snapshot. */
function newProcess(file: string): Promise<void> {
  const [command, ...args] = pythonProcessCommand(file)
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'], env: {} })
  child.stdin.write(`${JSON.stringify({ type: 'init', indexURL: PYODIDE_DIR })}\n`)
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('"ready"')) {
        child.kill('SIGKILL')
        resolve()
      }
    })
    child.on('exit', () => reject(new Error('the Python process stopped before it was ready')))
  })
}

/** A worker thread (a realm of its own) in a process that has compiled Pyodide before. */
function newWorker(snapshot: Uint8Array): Promise<void> {
  const code = `const { parentPort, workerData } = require('node:worker_threads')
import(${JSON.stringify(join(PYODIDE_DIR, 'pyodide.mjs'))}).then(({ loadPyodide }) => loadPyodide({ indexURL: ${JSON.stringify(PYODIDE_DIR)}, jsglobals: {}, _loadSnapshot: workerData })).then(() => parentPort.postMessage('ready'))`
  const worker = new Worker(code, { eval: true, workerData: snapshot })
  return new Promise((resolve, reject) => {
    worker.once('message', () => void worker.terminate().then(() => resolve()))
    worker.once('error', reject)
  })
}

export async function benchFreshInterpreters(runs: number): Promise<Row[]> {
  const file = snapshotFile()
  const snapshot = readFileSync(file)
  const count = Math.max(5, runs)
  const rows: [string, number[]][] = [
    ['a new restricted process, from the snapshot (the default runtime)', await timed(count, () => newProcess(file))],
    ['a new worker thread, Pyodide compiled in the process before', await timed(count, () => newWorker(snapshot))],
    ['a second Pyodide in the same realm, from the snapshot (not isolated)', await timed(count, () => loadPyodide({ indexURL: PYODIDE_DIR, jsglobals: {}, _loadSnapshot: snapshot }))],
  ]
  return rows.map(([name, times]) => ({ name: `fresh interpreter: ${name}`, medianMs: median(times), runs: times.length }))
}
