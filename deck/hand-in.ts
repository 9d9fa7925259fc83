// "Download my work": the learner's code of every exercise they worked on, in the
// hand-in format (core/hand-in.ts), as a file to give the teacher. The name is asked
// once and kept. The file claims nothing about passing: the class grader grades it again.

import type { HandIn } from '../core/hand-in'
import { HAND_IN_FORMAT, HAND_IN_VERSION, validateHandIn } from '../core/hand-in'
import { exercises } from './exercise-files'
import { progressOf } from './progress'

const NAME_KEY = 'os-workshop:learner'

/** The deck's version: the project's, and whether it is the class build. */
const DECK_VERSION = `os-workshop ${__DECK_VERSION__}${__CLASS_BUILD__ ? ' (class build)' : ''}`

function makeHandIn(learner: string, now = new Date()): HandIn {
  const worked = exercises.map(e => ({ e, p: progressOf(e.id) })).filter(({ e, p }) => p.code !== undefined && p.code !== e.starter)
  return validateHandIn({
    format: HAND_IN_FORMAT,
    version: HAND_IN_VERSION,
    learner,
    made: now.toISOString(),
    deck: DECK_VERSION,
    exercises: Object.fromEntries(worked.map(({ e, p }) => [e.id, { code: p.code!, ...(p.checked ? { changed: new Date(p.checked.at).toISOString() } : {}) }])),
  })
}

/** The learner's name: asked the first time, kept for the next; undefined if they cancel. */
function learnerName(): string | undefined {
  const kept = localStorage.getItem(NAME_KEY)
  if (kept)
    return kept
  const typed = window.prompt('Your name, as your teacher knows you (it goes in the file):')?.trim()
  if (typed)
    localStorage.setItem(NAME_KEY, typed.slice(0, 200))
  return typed ? typed.slice(0, 200) : undefined
}

/** Saves the hand-in file; returns its name, or undefined when no name was given. */
export function downloadHandIn(): string | undefined {
  const learner = learnerName()
  if (!learner)
    return undefined
  const file = `os-workshop-${learner.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'work'}.json`
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(makeHandIn(learner), null, 2)}\n`], { type: 'application/json' }))
  const link = Object.assign(document.createElement('a'), { href: url, download: file })
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return file
}
