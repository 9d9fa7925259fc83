// Hints shown so far, and putting a starter back without losing the learner's work.

import type { Exercise } from './exercises'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { specOf, UsageError } from './exercises'
import { PROJECT_DIR, STARTERS_DIR, STATE_DIR } from './paths'

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
  const { hints, title } = specOf(exercise)
  if (!hints.length)
    return `Exercise ${exercise.number} has no hints. Read its README.md again, slowly.`
  const shown = readShown(file)
  const count = Math.min((shown[exercise.id] ?? 0) + 1, hints.length)
  mkdirSync(stateDir, { recursive: true })
  writeFileSync(file, JSON.stringify({ ...shown, [exercise.id]: count }, null, 2))
  const lines = hints.slice(0, count).map((hint, i) => `Hint ${i + 1} of ${hints.length}: ${hint}`)
  const more = count < hints.length
    ? `Run \`npm run hint -- ${exercise.number}\` again for the next hint.`
    : 'That was the last hint.'
  return [`${exercise.number} ${title}`, '', ...lines, '', more].join('\n')
}

/** Puts the pristine starter back (from starters/); the learner's file is kept as a dated backup. */
export function resetExercise(exercise: Exercise, { startersDir = STARTERS_DIR, projectDir = PROJECT_DIR } = {}): string {
  const task = join(exercise.dir, 'task.py')
  const shown = relative(projectDir, task)
  const pristine = join(startersDir, exercise.id, 'task.py')
  if (!existsSync(pristine))
    throw new UsageError(`the starter ${relative(projectDir, pristine)} is missing, so there is nothing to reset ${shown} to.`)
  const starter = readFileSync(pristine, 'utf8')
  if (existsSync(task) && readFileSync(task, 'utf8') === starter)
    return `${shown} is already the starter; nothing changed.`
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
