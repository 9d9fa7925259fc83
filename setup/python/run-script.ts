// Runs one live block inside a loaded Pyodide with the grader's harness
// (`run_script_json`), the same way `grader/runtimes/pyodide-case.js` runs a case:
// a fresh folder per run, removed afterwards.
import type { Tree } from './types'

let runs = 0

export interface PyodideLike {
  FS: { mkdirTree: (path: string) => void }
  runPython: (code: string) => unknown
}

export interface HarnessLike {
  run_script_json: (request: string) => string
}

export function runScript(pyodide: PyodideLike, harness: HarnessLike, request: { source: string, tree?: Tree }) {
  const root = `/sandbox/run-${++runs}`
  pyodide.FS.mkdirTree(root)
  try {
    return JSON.parse(harness.run_script_json(JSON.stringify({ source: request.source, tree: request.tree ?? {}, root })))
  }
  finally {
    pyodide.runPython(`import os, shutil\nos.chdir("/")\nshutil.rmtree(${JSON.stringify(root)}, ignore_errors=True)`)
  }
}
