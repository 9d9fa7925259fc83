// Runs one case inside a loaded Pyodide. Shared by the Node worker (terminal
// grader) and the deck's Web Worker, so both grade with the same steps.

/** Installs harness.py into Pyodide's file system and imports it. */
export function installHarness(pyodide, harnessSource) {
  pyodide.FS.mkdirTree('/grader')
  pyodide.FS.writeFile('/grader/harness.py', harnessSource)
  pyodide.runPython('import sys\nif "/grader" not in sys.path: sys.path.insert(0, "/grader")\nimport harness, shutil')
  return pyodide.pyimport('harness')
}

let runs = 0

/** request: { source, call, case }. Each run gets a fresh folder that is removed afterwards. */
export function runCase(pyodide, harness, request) {
  const root = `/sandbox/run-${++runs}`
  pyodide.FS.mkdirTree(root)
  try {
    return JSON.parse(harness.run_case_json(JSON.stringify({ ...request, root })))
  }
  finally {
    pyodide.runPython(`import os, shutil\nos.chdir("/")\nshutil.rmtree(${JSON.stringify(root)}, ignore_errors=True)`)
  }
}
