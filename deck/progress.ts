// The learner's progress on the exercise slides, kept in localStorage by VueUse's
// useStorage, which also follows other windows of the deck (presenter view, a second tab).

import type { ExerciseVerdict } from '../core/grade'
import type { CaseVerdict } from '../core/judge'
import { useStorage } from '@vueuse/core'
import { exercises } from './exercise-files'

/** What a verdict keeps in localStorage (no folder trees: they can be large). */
export interface SavedVerdict {
  name: string
  status: CaseVerdict['status']
  message: string
}

interface ExerciseProgress {
  /** the learner's code (absent: the starter) */
  code?: string
  /** the code before the last Reset or "use the solution", for Undo */
  undo?: string
  hintsShown: number
  /** the last Check passed every case */
  passed: boolean
  /** the last Check's verdicts, and the code they were for */
  checked?: { code: string, verdicts: SavedVerdict[], problem?: string, at: number }
  solutionShown?: boolean
}

const STORAGE_KEY = 'os-workshop:exercises:v1'

type Progress = Record<string, ExerciseProgress>

const blank = (): ExerciseProgress => ({ hintsShown: 0, passed: false })
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Whatever was saved, with an entry for every exercise: a slide always finds its own. */
function complete(saved: unknown): Progress {
  const all: Progress = isObject(saved) ? { ...saved as Progress } : {}
  for (const { id } of exercises)
    all[id] = { ...blank(), ...(isObject(all[id]) ? all[id] : {}) }
  return all
}

/** Only what the learner did: an exercise not yet touched takes no room. */
function worked(all: Progress): Progress {
  const untouched = (p: ExerciseProgress) => Object.entries(p).every(([key, value]) => value === undefined || (key === 'hintsShown' && value === 0) || (key === 'passed' && value === false))
  return Object.fromEntries(Object.entries(all).filter(([, p]) => !untouched(p)))
}

// the defaults as a function: after another window clears storage, a blank record, not an edited one
const store = useStorage<Progress>(STORAGE_KEY, () => complete({}), undefined, {
  // also when another window saves: that replaces the whole record, so slides read it through progressOf
  serializer: { read: raw => complete(JSON.parse(raw)), write: value => JSON.stringify(worked(value)) },
  writeDefaults: false,
  // storage full, disabled or unreadable: progress lives as long as the page
  onError: () => {},
})

/** One exercise's progress, as saved now (read it again after another window saved). */
export function progressOf(id: string): ExerciseProgress {
  return store.value[id] ?? (store.value[id] = blank())
}

export function doneCount(): number {
  return exercises.filter(e => store.value[e.id]?.passed).length
}

/** Keeps the outcome of a Check button press. */
export function recordCheck(id: string, code: string, verdict: ExerciseVerdict) {
  const p = progressOf(id)
  p.code = code
  p.passed = verdict.status === 'pass'
  const verdicts = verdict.cases.map((v: CaseVerdict) => ({ name: v.name, status: v.status, message: v.message }))
  p.checked = { code, verdicts, problem: verdict.problem, at: Date.now() }
}
