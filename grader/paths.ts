import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const GRADER_DIR = dirname(fileURLToPath(import.meta.url))
export const PROJECT_DIR = resolve(GRADER_DIR, '..')
export const HARNESS_PATH = join(GRADER_DIR, 'harness.py')
export const EXERCISES_DIR = join(PROJECT_DIR, 'exercises')
export const SOLUTIONS_DIR = join(PROJECT_DIR, 'solutions')
/** The grader's own memory (hints shown); never inside exercises/. */
export const STATE_DIR = join(PROJECT_DIR, '.grader')
