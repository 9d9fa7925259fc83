// hint remembers how many hints were shown; reset restores the starter and keeps a backup.

import type { ExerciseOnDisk } from '../../grader/exercises'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { loadExercises, selectExercises } from '../../grader/exercises'
import { resetExercise, showHint } from '../../grader/learner-state'
import { PROJECT, runCli } from './run-cli'

function exerciseIn(dir: string): ExerciseOnDisk {
  return { id: '04-demo', number: '04', dir, taskPath: join(dir, 'task.py'), spec: { title: 'Demo', call: 'f', hints: ['one', 'two', 'three'], cases: [] } }
}

it('hints come one more at a time and stop at the last', () => {
  const state = mkdtempSync(join(tmpdir(), 'hints-'))
  const exercise = exerciseIn(state)
  expect(showHint(exercise, state)).toMatch(/Hint 1 of 3: one\n\nRun `npm run hint -- 04` again/)
  expect(showHint(exercise, state)).toMatch(/Hint 1 of 3: one\nHint 2 of 3: two\n/)
  showHint(exercise, state)
  const last = showHint(exercise, state)
  expect(last).toContain('Hint 3 of 3: three')
  expect(last).toContain('That was the last hint.')
})

it('an exercise without hints says so in words', () => {
  const state = mkdtempSync(join(tmpdir(), 'hints-'))
  const exercise = { ...exerciseIn(state), spec: { title: 'Demo', call: 'f', hints: [], cases: [] } }
  expect(showHint(exercise, state)).toBe('Exercise 04 has no hints. Read its README.md again, slowly.')
})

it('reset puts the pristine starter back, keeps the learner\'s copy, and ignores what git holds', () => {
  const project = mkdtempSync(join(tmpdir(), 'reset-'))
  const dir = join(project, 'exercises', '04-demo')
  const starters = join(project, 'starters')
  mkdirSync(dir, { recursive: true })
  mkdirSync(join(starters, '04-demo'), { recursive: true })
  writeFileSync(join(starters, '04-demo', 'task.py'), 'STARTER\n')
  writeFileSync(join(dir, 'task.py'), 'MY WORK\n')
  // a learner who commits their work: reset must still give the starter, not the commit
  const git = (...args: string[]) => execFileSync('git', args, { cwd: project, stdio: 'ignore' })
  git('init', '-q')
  git('add', '.')
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'my work')
  const message = resetExercise(exerciseIn(dir), { startersDir: starters, projectDir: project })
  expect(readFileSync(join(dir, 'task.py'), 'utf8')).toBe('STARTER\n')
  const backups = readdirSync(dir).filter(n => n.startsWith('task.backup-'))
  expect(backups).toHaveLength(1)
  expect(readFileSync(join(dir, backups[0]), 'utf8')).toBe('MY WORK\n')
  expect(message).toContain(backups[0])
  expect(resetExercise(exerciseIn(dir), { startersDir: starters, projectDir: project })).toContain('already the starter')
})

it('backups made by reset are ignored by git', () => {
  const ignored = spawnSync('git', ['check-ignore', '-q', 'exercises/06-build-folders/task.backup-2026-01-01-10-00-00.py'], { cwd: PROJECT })
  expect(ignored.status).toBe(0)
})

it('a broken spec.json blocks only its own exercise', () => {
  const root = mkdtempSync(join(tmpdir(), 'broken-spec-'))
  for (const id of ['04-good', '05-broken']) mkdirSync(join(root, id))
  writeFileSync(join(root, '04-good', 'spec.json'), JSON.stringify({ title: 'Good', call: 'f', hints: ['one'], cases: [{ name: 'c', expect: { return: 1 } }] }))
  writeFileSync(join(root, '05-broken', 'spec.json'), '{ "title": "Broken", ')
  const all = loadExercises(root)
  expect(showHint(selectExercises(all, ['04'])[0], mkdtempSync(join(tmpdir(), 'hints-')))).toContain('Hint 1 of 1: one')
  expect(() => showHint(selectExercises(all, ['05'])[0])).toThrowError(/exercises\/05-broken\/spec\.json is not valid JSON/)
})

it('the CLI answers a wrong exercise name or runtime with a clear message', () => {
  const wrong = runCli(['grade', '99'])
  expect(wrong.code).toBe(2)
  expect(wrong.stderr).toContain('there is no exercise "99"')
  const runtime = runCli(['grade', '--runtime', 'jython'])
  expect(runtime.stderr).toContain('--runtime must be one of: pyodide, cpython')
  expect(runCli(['hint']).stderr).toContain('say which exercise')
  const typo = runCli(['grade', '--wach'])
  expect(typo.code).toBe(2)
  expect(typo.stderr).toContain('unknown option --wach. Did you mean --watch?')
  expect(typo.stderr).toContain('Usage:')
  expect(typo.stderr).not.toMatch(/ERR_PARSE_ARGS|at parseArgs/)
}, 120_000)

it('when the grader itself cannot do its job: exit code 2, and under --json a JSON report that says why', () => {
  const run = spawnSync(join(PROJECT, 'node_modules', '.bin', 'tsx'), ['grader/cli.ts', 'grade', '--json', '--runtime', 'cpython', '04'], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, PYTHON: join(tmpdir(), 'no-such-python') },
  })
  expect(run.status).toBe(2)
  const report = JSON.parse(run.stdout) as { status: string, message: string, exercises: unknown[] }
  expect(report.status).toBe('error')
  expect(report.message).toMatch(/^grader: .*no-such-python/)
  expect(report.exercises).toEqual([])
}, 60_000)

it('--runtime cpython says on its first line that it is no sandbox', () => {
  const run = runCli(['grade', '--runtime', 'cpython', '--solutions', '01'])
  expect(run.stdout.trim().split('\n')[0]).toMatch(/^Your code runs on this machine, as you, with guards against accidents only \(not a sandbox\)\.$/)
  expect(run.code).toBe(0)
}, 60_000)
