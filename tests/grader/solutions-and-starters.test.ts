// Every reference solution passes and every starter fails cleanly, on both runtimes.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
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

test('there are at least 12 exercises, each with a reference solution', () => {
  expect(EXERCISES.length).toBeGreaterThanOrEqual(12)
  const solutions = readdirSync(join(PROJECT, 'solutions'))
  expect(EXERCISES.filter(id => !solutions.includes(id))).toEqual([])
})

describe.each(['pyodide', 'cpython'])('on %s', (runtime) => {
  test('every solution passes every case', () => {
    const { code, report } = gradeJson(['--solutions', '--runtime', runtime])
    const failing = report.exercises.filter(e => e.status !== 'pass')
      .map(e => `${e.id}: ${e.tests.filter(t => t.status !== 'pass').map(t => `${t.name}: ${t.message}`).join('; ')}`)
    expect(failing).toEqual([])
    expect(report.exercises.map(e => e.id)).toEqual(EXERCISES)
    expect(report.status).toBe('pass')
    expect(code).toBe(0)
  })

  test('every starter fails with a verdict for each case, and exercises/ is left untouched', () => {
    const before = fingerprint(join(PROJECT, 'exercises'))
    const { code, report } = gradeJson(['--runtime', runtime])
    expect(fingerprint(join(PROJECT, 'exercises'))).toBe(before)
    expect(code).toBe(1)
    expect(report.status).toBe('fail')
    for (const exercise of report.exercises) {
      expect(exercise.status, exercise.id).not.toBe('pass')
      for (const t of exercise.tests) {
        expect(['pass', 'fail', 'error'], `${exercise.id} ${t.name}`).toContain(t.status)
        if (t.status !== 'pass') expect(t.message, `${exercise.id} ${t.name}`).toMatch(/\S/)
        expect(t.message ?? '', `${exercise.id} ${t.name}`).not.toMatch(/did not run|grader failed|Python stopped unexpectedly/)
      }
    }
  })
})
