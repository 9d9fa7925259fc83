// `window.__osWorkshop`: what the browser tests reach in the built deck, the exercises and
// the Check button's checking. Installed only in a browser that automation drives
// (navigator.webdriver, set by Playwright), so a learner's page carries none of it.

import type { ExerciseVerdict } from '../core/grade'
import { checkExercise } from './exercise-check'
import { exercises, findExercise } from './exercise-files'

interface WorkshopHook {
  ids: string[]
  starter: (id: string) => string | undefined
  solution: (id: string) => string | undefined
  /** The Check button's checking, without touching the learner's progress. */
  check: (id: string, source: string) => Promise<ExerciseVerdict>
}

declare global {
  interface Window { __osWorkshop?: WorkshopHook }
}

export function installTestHook() {
  if (typeof window === 'undefined' || !navigator.webdriver)
    return
  window.__osWorkshop = {
    ids: exercises.map(e => e.id),
    starter: id => findExercise(id)?.starter,
    solution: id => findExercise(id)?.solution,
    check: (id, source) => {
      const exercise = findExercise(id)
      return exercise ? checkExercise(exercise, source).result : Promise.reject(new Error(`unknown exercise ${id}`))
    },
  }
}
