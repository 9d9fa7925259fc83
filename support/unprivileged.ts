// How tests run hostile code on real CPython: as user nobody, with a process cap,
// using a system interpreter that user can reach. Fails loudly when that is impossible.

import type { Runtime } from '../core/protocol'
import type { CpythonOptions } from '../grader/runtimes/cpython'
import { spawnSync } from 'node:child_process'
import { createCpythonRuntime } from '../grader/runtimes/cpython'
import { createPyodideRuntime } from '../grader/runtimes/pyodide'

const NOBODY = 65534
const CANDIDATES = ['/usr/bin/python3', '/usr/local/bin/python3']

export function unprivilegedPython(): CpythonOptions {
  const unprivileged = { uid: NOBODY, gid: NOBODY, maxProcesses: 32 }
  const python = CANDIDATES.find(path => spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', path, '-c', 'pass']).status === 0)
  if (!python)
    throw new Error(`no Python that user nobody can run (tried ${CANDIDATES.join(', ')}); install Debian's python3`)
  return { python, unprivileged }
}

/** The runtimes that hostile-code tests run on: the sandbox, and CPython as nobody. */
export const RUNTIMES_UNDER_TEST: [string, () => Runtime][] = [
  ['pyodide', () => createPyodideRuntime()],
  ['cpython as an unprivileged user', () => createCpythonRuntime(unprivilegedPython())],
]
