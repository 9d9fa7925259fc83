// hint remembers how many hints were shown; reset restores the starter and keeps a backup.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import type { Exercise } from '../../grader/exercises'
import { resetExercise, showHint } from '../../grader/learner-state'
import { runCli } from './run-cli'

function exerciseIn(dir: string): Exercise {
  return { id: '04-demo', number: '04', dir, taskPath: join(dir, 'task.py'), spec: { title: 'Demo', call: 'f', hints: ['one', 'two', 'three'], cases: [] } }
}

test('hints come one more at a time and stop at the last', () => {
  const state = mkdtempSync(join(tmpdir(), 'hints-'))
  const exercise = exerciseIn(state)
  expect(showHint(exercise, state)).toMatch(/Hint 1 of 3: one\n\nRun `npm run hint -- 04` again/)
  expect(showHint(exercise, state)).toMatch(/Hint 1 of 3: one\nHint 2 of 3: two\n/)
  showHint(exercise, state)
  const last = showHint(exercise, state)
  expect(last).toContain('Hint 3 of 3: three')
  expect(last).toContain('That was the last hint.')
})

test('reset restores the committed starter and keeps the learner\'s copy', () => {
  const project = mkdtempSync(join(tmpdir(), 'reset-'))
  const dir = join(project, 'exercises', '04-demo')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'task.py'), 'STARTER\n')
  const git = (...args: string[]) => execFileSync('git', args, { cwd: project, stdio: 'ignore' })
  git('init', '-q')
  git('add', '.')
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'starter')
  writeFileSync(join(dir, 'task.py'), 'MY WORK\n')
  const message = resetExercise(exerciseIn(dir), project)
  expect(readFileSync(join(dir, 'task.py'), 'utf8')).toBe('STARTER\n')
  const backups = readdirSync(dir).filter(n => n.startsWith('task.backup-'))
  expect(backups).toHaveLength(1)
  expect(readFileSync(join(dir, backups[0]), 'utf8')).toBe('MY WORK\n')
  expect(message).toContain(backups[0])
  expect(resetExercise(exerciseIn(dir), project)).toContain('already the starter')
})

test('the CLI answers a wrong exercise name or runtime with a clear message', () => {
  const wrong = runCli(['grade', '99'])
  expect(wrong.code).toBe(2)
  expect(wrong.stderr).toContain('there is no exercise "99"')
  const runtime = runCli(['grade', '--runtime', 'jython'])
  expect(runtime.stderr).toContain('--runtime must be one of: pyodide, cpython')
  expect(runCli(['hint']).stderr).toContain('say which exercise')
}, 120_000)
