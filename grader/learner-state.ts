// What the terminal remembers for the learner (hints shown, the last verdict of each
// task.py), and putting a starter back without losing the learner's work.

import type { ExerciseOnDisk } from './exercises'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { specOf } from '../core/exercise.ts'
import { UsageError } from './exercises.ts'
import { PROJECT_DIR, STARTERS_DIR, STATE_DIR } from './paths.ts'

function readJson<T>(file: string): Record<string, T> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, T>
  }
  catch {
    return {}
  }
}

function writeJson(stateDir: string, name: string, key: string, value: unknown) {
  const file = join(stateDir, name)
  mkdirSync(stateDir, { recursive: true })
  writeFileSync(file, JSON.stringify({ ...readJson(file), [key]: value }, null, 2))
}

/** How many hints of this exercise were shown so far (in the terminal or the deck). */
export function hintsShown(exercise: ExerciseOnDisk, stateDir = STATE_DIR): number {
  return readJson<number>(join(stateDir, 'hints.json'))[exercise.id] ?? 0
}

/** The next hint (all shown so far, newest last); remembers how many were shown. */
export function showHint(exercise: ExerciseOnDisk, stateDir = STATE_DIR): string {
  const { hints, title } = specOf(exercise)
  if (!hints.length)
    return `Exercise ${exercise.number} has no hints. Read its README.md again, slowly.`
  const count = Math.min(hintsShown(exercise, stateDir) + 1, hints.length)
  writeJson(stateDir, 'hints.json', exercise.id, count)
  const lines = hints.slice(0, count).map((hint, i) => `Hint ${i + 1} of ${hints.length}: ${hint}`)
  const more = count < hints.length
    ? `Run \`npm run hint -- ${exercise.number}\` again for the next hint.`
    : 'That was the last hint.'
  return [`${exercise.number} ${title}`, '', ...lines, '', more].join('\n')
}

/** A short fingerprint of a task.py's text: a verdict belongs to the text it was given for. */
export function sourceHash(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16)
}

/** Remembers whether this source passed every case (`npm run grade` and the deck's Check under dev). */
export function recordVerdict(exercise: ExerciseOnDisk, source: string, passed: boolean, stateDir = STATE_DIR) {
  writeJson(stateDir, 'verdicts.json', exercise.id, { source: sourceHash(source), passed })
}

/** The last verdict for exactly this source passed; an edit since then is not known to pass. */
export function passedAsIs(exercise: ExerciseOnDisk, source: string, stateDir = STATE_DIR): boolean {
  const last = readJson<{ source: string, passed: boolean }>(join(stateDir, 'verdicts.json'))[exercise.id]
  return !!last && last.passed && last.source === sourceHash(source)
}

/** A new task.backup-<time>.py beside the task: backups never overwrite one another. */
export function backupPath(exercise: ExerciseOnDisk): string {
  const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19)
  let path = join(exercise.dir, `task.backup-${stamp}.py`)
  for (let n = 2; existsSync(path); n++)
    path = join(exercise.dir, `task.backup-${stamp}-${n}.py`)
  return path
}

/** Puts the pristine starter back (from starters/); the learner's file is kept as a dated backup. */
export function resetExercise(exercise: ExerciseOnDisk, { startersDir = STARTERS_DIR, projectDir = PROJECT_DIR } = {}): string {
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
    backup = backupPath(exercise)
    copyFileSync(task, backup)
  }
  writeFileSync(task, starter)
  return backup
    ? `${shown} is the starter again. Your version is kept in ${relative(projectDir, backup)}.`
    : `${shown} was missing; the starter is back.`
}
