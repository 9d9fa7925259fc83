// Where the workshop's folders are, seen from the terminal grader.
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)))
export const EXERCISES_DIR = join(PROJECT_DIR, 'exercises')
/** The pristine starters: what `reset` puts back and what the deck bundles. */
export const STARTERS_DIR = join(PROJECT_DIR, 'starters')
export const SOLUTIONS_DIR = join(PROJECT_DIR, 'solutions')
/** The grader's own memory (hints shown); never inside exercises/. */
export const STATE_DIR = join(PROJECT_DIR, '.grader')
