// Hints shown so far, and putting a starter back without losing the learner's work.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Exercise } from './exercises'
import { PROJECT_DIR, STATE_DIR } from './paths'
import { SpecError } from './spec'

function readShown(file: string): Record<string, number> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>
  }
  catch {
    return {}
  }
}

/** The next hint (all shown so far, newest last); remembers how many were shown. */
export function showHint(exercise: Exercise, stateDir = STATE_DIR): string {
  const file = join(stateDir, 'hints.json')
  const hints = exercise.spec.hints
  if (!hints.length) return `Exercise ${exercise.number} has no hints. Read its README.md again, slowly.`
  const shown = readShown(file)
  const count = Math.min((shown[exercise.id] ?? 0) + 1, hints.length)
  mkdirSync(stateDir, { recursive: true })
  writeFileSync(file, JSON.stringify({ ...shown, [exercise.id]: count }, null, 2))
  const lines = hints.slice(0, count).map((hint, i) => `Hint ${i + 1} of ${hints.length}: ${hint}`)
  const more = count < hints.length
    ? `Run \`npm run hint -- ${exercise.number}\` again for the next hint.`
    : 'That was the last hint.'
  return [`${exercise.number} ${exercise.spec.title}`, '', ...lines, '', more].join('\n')
}

/** Restores the committed starter; the learner's file is kept as a dated backup. */
export function resetExercise(exercise: Exercise, projectDir = PROJECT_DIR): string {
  const task = join(exercise.dir, 'task.py')
  const shown = relative(projectDir, task)
  let starter: string
  try {
    starter = execFileSync('git', ['show', `HEAD:${shown.split('\\').join('/')}`], { cwd: projectDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  }
  catch {
    throw new SpecError(`could not find the starter of ${shown}: reset takes it from git, so the workshop must be a git clone.`)
  }
  if (existsSync(task) && readFileSync(task, 'utf8') === starter) return `${shown} is already the starter; nothing changed.`
  let backup: string | undefined
  if (existsSync(task)) {
    const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19)
    backup = join(exercise.dir, `task.backup-${stamp}.py`)
    copyFileSync(task, backup)
  }
  writeFileSync(task, starter)
  return backup
    ? `${shown} is the starter again. Your version is kept in ${relative(projectDir, backup)}.`
    : `${shown} was missing; the starter is back.`
}
