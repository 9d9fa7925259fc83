// Lints the harness package (core/harness/) with Ruff, in its WebAssembly build: no
// Python tooling to install. Part of `npm run check`; exits 1 on any finding.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs'

const PROJECT = fileURLToPath(new URL('..', import.meta.url))
const FOLDERS = [join(PROJECT, 'core', 'harness')]
const SETTINGS = {
  'target-version': 'py39', // the oldest Python the CPython runtime supports
  'line-length': 120,
  'lint': { select: ['E', 'F', 'W', 'B'] },
}

const workspace = new Workspace(SETTINGS, PositionEncoding.Utf16)
let findings = 0
for (const folder of FOLDERS) {
  for (const name of readdirSync(folder).filter(n => n.endsWith('.py')).sort()) {
    const path = join(folder, name)
    for (const d of workspace.check(readFileSync(path, 'utf8'))) {
      findings++
      console.error(`${relative(PROJECT, path)}:${d.start_location.row}:${d.start_location.column}: ${d.code ?? 'error'} ${d.message}`)
    }
  }
}
if (findings) {
  console.error(`ruff: ${findings} finding${findings === 1 ? '' : 's'} in the harness`)
  process.exitCode = 1
}
