// A module Web Worker that hosts Pyodide for the live blocks and the exercise slides
// of the deck (an exercise case runs exactly as in the terminal grader's Pyodide worker).
// Python runs here, never on the page's thread, so a busy script cannot freeze the slides.
import harnessSource from '../../grader/harness.py?raw'
import { installHarness, runCase } from '../../grader/runtimes/pyodide-case.js'
import { runScript } from './run-script'
import type { FromWorker, ToWorker } from './types'

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message)

let ready: Promise<{ pyodide: any, harness: any }> | undefined

async function start(indexURL: string, interrupt?: SharedArrayBuffer) {
  const started = performance.now()
  const { loadPyodide } = await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)
  const pyodide = await loadPyodide({
    indexURL,
    env: { HOME: '/home/learner', USER: 'learner' },
    stdout: () => {},
    stderr: () => {},
    packages: [],
  })
  if (interrupt)
    pyodide.setInterruptBuffer(new Int32Array(interrupt))
  pyodide.setStdin({ error: true })
  const harness = installHarness(pyodide, harnessSource)
  const version = pyodide.runPython('import platform; platform.python_version()') as string
  post({ type: 'ready', version, ms: performance.now() - started })
  return { pyodide, harness }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data
  if (message.type === 'init') {
    ready = start(message.indexURL, message.interrupt)
    ready.catch(error => post({ type: 'failed', message: String(error?.message ?? error) }))
    return
  }
  if (message.type === 'run') {
    try {
      if (!ready)
        throw new Error('Python is not started')
      const { pyodide, harness } = await ready
      const report = runScript(pyodide, harness, { source: message.source, tree: message.tree })
      post({ type: 'result', id: message.id, report })
    }
    catch (error: any) {
      post({ type: 'result', id: message.id, error: String(error?.message ?? error).split('\n').slice(-3).join(' ') })
    }
    return
  }
  if (message.type === 'case') {
    try {
      if (!ready)
        throw new Error('Python is not started')
      const { pyodide, harness } = await ready
      const observation = runCase(pyodide, harness, { source: message.source, call: message.call, case: message.case })
      post({ type: 'observation', id: message.id, observation })
    }
    catch (error: any) {
      post({ type: 'observation', id: message.id, error: String(error?.message ?? error).split('\n').slice(-3).join(' ') })
    }
  }
}
