// Solutions (and the harness) must work on every supported Python, 3.9 to 3.14.
// Pyodide brings its own 3.14; the CPython versions are whichever this machine has.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT } from './run-cli'

const VERSIONS = ['3.9', '3.10', '3.11', '3.12', '3.13', '3.14']
const CANDIDATES = VERSIONS.map(v => `python${v}`)
const runs = (cmd: string) => spawnSync(cmd, ['-c', 'pass']).status === 0

/** `python3.X` on PATH, or the one pyenv keeps for that version (its shims refuse inactive ones). */
function interpreter(version: string): string | undefined {
  if (runs(`python${version}`))
    return `python${version}`
  const prefix = spawnSync('pyenv', ['prefix', version], { encoding: 'utf8' })
  const path = prefix.status === 0 ? join(prefix.stdout.trim(), 'bin', `python${version}`) : ''
  return path && runs(path) ? path : undefined
}

const installed = VERSIONS.map(v => [`Python ${v}`, interpreter(v)]).filter((pair): pair is [string, string] => pair[1] !== undefined)

const HARNESS = join(PROJECT, 'core', 'harness')
const pythonFiles = [
  ...readdirSync(HARNESS).filter(n => n.endsWith('.py')).map(n => join(HARNESS, n)),
  ...['starters', 'solutions'].flatMap(root => readdirSync(join(PROJECT, root)).filter(n => /^\d\d-/.test(n)).map(n => join(PROJECT, root, n, 'task.py'))),
]

it('the harness, starters and solutions use only Python 3.9 syntax', () => {
  const check = `import ast, sys\nfor path in sys.argv[1:]:\n    ast.parse(open(path, encoding="utf-8").read(), path, feature_version=(3, 9))\n`
  const result = spawnSync('python3', ['-c', check, ...pythonFiles], { encoding: 'utf8' })
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
})

it('this machine has at least one supported CPython besides Pyodide', () => {
  expect(installed.length, `none of ${CANDIDATES.join(', ')} found on PATH`).toBeGreaterThan(0)
})

describe.each(installed)('%s', (_, python) => {
  it('every solution passes on the CPython runtime', () => {
    const run = spawnSync('npx', ['tsx', 'grader/cli.ts', 'grade', '--solutions', '--json', '--runtime', 'cpython'], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, PYTHON: python },
      timeout: 300_000,
    })
    const report = JSON.parse(run.stdout) as { status: string, exercises: { id: string, status: string }[] }
    expect(report.exercises.filter(e => e.status !== 'pass').map(e => e.id)).toEqual([])
    expect(report.status).toBe('pass')
  }, 300_000)
})
