// A Node worker thread that hosts Pyodide for the terminal grader.
import { readFileSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { loadPyodide } from 'pyodide'
import { installHarness, runCase } from './pyodide-case.js'

const pyodide = await loadPyodide({ indexURL: workerData.indexURL, env: {}, stdout: () => {}, stderr: () => {} })
pyodide.setInterruptBuffer(new Int32Array(workerData.interrupt))
pyodide.setStdin({ error: true })
const harness = installHarness(pyodide, readFileSync(workerData.harnessPath, 'utf8'))
parentPort.postMessage({ ready: true, version: pyodide.runPython('import platform; platform.python_version()') })

parentPort.on('message', ({ id, request }) => {
  try {
    parentPort.postMessage({ id, observation: runCase(pyodide, harness, request) })
  }
  catch (error) {
    parentPort.postMessage({ id, observation: { limit: 'crash', detail: String(error?.message ?? error).split('\n').slice(-3).join(' ') } })
  }
})
