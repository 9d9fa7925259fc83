// Where the workshop's folders are, seen from the terminal grader.
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** This project; OS_WORKSHOP_DIR points the grader (and the deck's dev server) at a copy of it. */
export const PROJECT_DIR = resolve(process.env.OS_WORKSHOP_DIR || fileURLToPath(new URL('..', import.meta.url)))
export const EXERCISES_DIR = join(PROJECT_DIR, 'exercises')
/** The pristine starters: what `reset` puts back and what the deck bundles. */
export const STARTERS_DIR = join(PROJECT_DIR, 'starters')
export const SOLUTIONS_DIR = join(PROJECT_DIR, 'solutions')
/** The grader's own memory (hints shown, last verdicts); never inside exercises/. */
export const STATE_DIR = join(PROJECT_DIR, '.grader')
