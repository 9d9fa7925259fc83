// Every reference solution passes and every starter fails cleanly, on both runtimes and
// in the isolated mode (Pyodide in Chromium), which gives the default runtime's verdicts.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gradeJson, PROJECT } from './run-cli'

const EXERCISES = readdirSync(join(PROJECT, 'exercises')).filter(n => /^\d\d-/.test(n))

function fingerprint(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name)
      return `${path}:${statSync(path).mtimeMs}:${readFileSync(path, 'utf8').length}`
    })
    .sort()
    .join('\n')
}

it('there are at least 12 exercises, each with a reference solution', () => {
  expect(EXERCISES.length).toBeGreaterThanOrEqual(12)
  const solutions = readdirSync(join(PROJECT, 'solutions'))
  expect(EXERCISES.filter(id => !solutions.includes(id))).toEqual([])
})

const MODES: [string, string[]][] = [
  ['pyodide', ['--runtime', 'pyodide']],
  ['cpython', ['--runtime', 'cpython']],
  ['isolated (Pyodide in Chromium)', ['--isolated']],
]

describe.each(MODES)('on %s', (_, mode) => {
  it('every solution passes every case', () => {
    const { code, report } = gradeJson(['--solutions', ...mode])
    const failing = report.exercises.filter(e => e.status !== 'pass')
      .map(e => `${e.id}: ${e.tests.filter(t => t.status !== 'pass').map(t => `${t.name}: ${t.message}`).join('; ')}`)
    expect(failing).toEqual([])
    expect(report.exercises.map(e => e.id)).toEqual(EXERCISES)
    expect(report.status).toBe('pass')
    expect(code).toBe(0)
  })

  it('every pristine starter fails with a verdict for each case', () => {
    const { code, report } = gradeJson(['--starters', ...mode])
    expect(code).toBe(1)
    expect(report.status).toBe('fail')
    expect(report.exercises.map(e => e.id)).toEqual(EXERCISES)
    for (const exercise of report.exercises) {
      expect(exercise.status, exercise.id).not.toBe('pass')
      for (const t of exercise.tests) {
        if (t.status !== 'pass')
          expect(t.message, `${exercise.id} ${t.name}`).toMatch(/\S/)
        expect(t.message ?? '', `${exercise.id} ${t.name}`).not.toMatch(/did not run|Not run|could not be loaded|Python stopped unexpectedly/)
      }
    }
  })
})

it('the isolated mode gives every starter the default runtime\'s verdicts, word for word', () => {
  const verdicts = (mode: string[]) => gradeJson(['--starters', ...mode]).report.exercises.map(e => e.tests.map(t => `${t.status}: ${t.message}`))
  expect(verdicts(['--isolated'])).toEqual(verdicts([]))
}, 300_000)

it('grading the learner\'s exercises never changes a file in exercises/', () => {
  const before = fingerprint(join(PROJECT, 'exercises'))
  const { report } = gradeJson([])
  expect(report.exercises.map(e => e.id)).toEqual(EXERCISES)
  expect(fingerprint(join(PROJECT, 'exercises'))).toBe(before)
})

it('each exercise has a pristine starter, and the learner\'s copy starts from it, byte for byte', () => {
  // in a fresh clone exercises/*/task.py are the starters; a learner's edits live only there,
  // so the committed copies are compared, not the working tree
  const starters = readdirSync(join(PROJECT, 'starters'))
  expect(starters).toEqual(EXERCISES)
  const committed = (path: string) => execFileSync('git', ['show', `HEAD:${path}`], { cwd: PROJECT, encoding: 'utf8' })
  const differ = EXERCISES.filter(id => committed(`exercises/${id}/task.py`) !== committed(`starters/${id}/task.py`))
  expect(differ).toEqual([])
})
