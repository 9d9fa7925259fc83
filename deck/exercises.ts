// The exercises on the slides: their files (bundled at build time), checking a
// learner's code with the core's gradeExercise on the deck's Python (the verdicts
// `npm run grade` gives), and the learner's progress, kept in localStorage.

import type { ExerciseVerdict } from '../core/grade'
import type { CaseVerdict } from '../core/judge'
import type { Profile } from '../core/protocol'
import type { Spec } from '../core/spec'
import { reactive } from 'vue'
import { gradeExercise } from '../core/grade'
import { specOrStandIn } from '../core/spec'
import { renderMarkdown } from './markdown'
import { sections } from './markdown-blocks'
import { deckRuntime } from './python'

const specs = import.meta.glob<unknown>('../exercises/*/spec.json', { eager: true, import: 'default' })
const readmes = import.meta.glob<string>('../exercises/*/README.md', { eager: true, query: '?raw', import: 'default' })
// the pristine starters, never the learner's edited copies in exercises/
const starters = import.meta.glob<string>('../starters/*/task.py', { eager: true, query: '?raw', import: 'default' })
// the class build has none: a learner with the deck cannot read them
const solutions: Record<string, string> = __CLASS_BUILD__ ? {} : import.meta.glob<string>('../solutions/*/task.py', { eager: true, query: '?raw', import: 'default' })

export interface Exercise {
  /** the folder name, e.g. "06-build-folders" */
  id: string
  /** "04" */
  number: string
  spec: Spec
  readme: string
  starter: string
  solution: string
  /** the README's title line without the "#", e.g. "06 · Build a set of folders" */
  heading: string
  /** HTML: the README's "Your task" section */
  taskHtml: string
  /** HTML: the whole README except its title and the terminal instructions */
  readmeHtml: string
  /** `def build_folders(root, names):` */
  signature: string
  /** what is wrong with its spec.json: it cannot be checked, the other exercises can */
  broken?: string
}

const folderOf = (path: string) => path.split('/').at(-2) ?? ''

function build(): Exercise[] {
  const byId = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([p, v]) => [folderOf(p), v]))
  const readme = byId(readmes)
  const starter = byId(starters)
  const solution = byId(solutions)
  return Object.entries(specs)
    .map(([path, raw]) => {
      const id = folderOf(path)
      const { spec, broken } = specOrStandIn(raw, `exercises/${id}/spec.json`)
      const text = readme[id] ?? ''
      const parts = sections(text)
      const heading = (text.match(/^#\s+(.+)$/m)?.[1] ?? `${id.slice(0, 2)} · ${spec.title}`).trim()
      const task = parts.get('Your task') ?? ''
      const signature = task.match(/^def .*:$/m)?.[0] ?? (starter[id] ?? '').match(/^def .*:$/m)?.[0] ?? `def ${spec.call}(...):`
      const kept = [...parts.entries()]
        .filter(([name]) => name !== 'Check your work')
        .map(([name, body]) => name ? `## ${name}\n\n${body}` : body.replace(/^#\s+(?:\S.*)?$/m, '').trim())
        .join('\n\n')
      return {
        id,
        number: id.slice(0, 2),
        spec,
        readme: text,
        starter: starter[id] ?? '',
        solution: solution[id] ?? '',
        heading,
        taskHtml: renderMarkdown(task.replace(/^Write the function in `task\.py`/m, 'Write the function')),
        readmeHtml: renderMarkdown(kept),
        signature,
        broken,
      }
    })
    .sort((a, b) => a.id.localeCompare(b.id))
}

export const exercises: Exercise[] = build()

export function findExercise(id: string): Exercise | undefined {
  return exercises.find(e => e.id === id || e.number === id)
}

// ---------------------------------------------------------------- checking

export interface CheckHandle {
  result: Promise<ExerciseVerdict>
  stop: () => void
}

/**
 * Grades `source` for exercise `id` in the deck's Python, exactly as `npm run grade`
 * does. Used by the Check button and by the test hook `window.__osWorkshop.check`.
 */
export function checkExercise(id: string, source: string, onProgress?: (index: number, total: number) => void, profiles?: Profile[]): CheckHandle {
  const exercise = findExercise(id)
  if (!exercise)
    return { result: Promise.reject(new Error(`unknown exercise ${id}`)), stop: () => {} }
  if (exercise.broken)
    return { result: Promise.resolve({ status: 'error', problem: exercise.broken, cases: [] }), stop: () => {} }
  const stopper = new AbortController()
  return {
    result: gradeExercise(deckRuntime, exercise.spec, source, { signal: stopper.signal, onProgress, profiles }),
    stop: () => stopper.abort(),
  }
}

// ---------------------------------------------------------------- progress

/** What a verdict keeps in localStorage (no folder snapshots: they can be large). */
export interface SavedVerdict {
  name: string
  status: CaseVerdict['status']
  message: string
}

export interface ExerciseProgress {
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

export const STORAGE_KEY = 'os-workshop:exercises:v1'

function blank(): ExerciseProgress {
  return { hintsShown: 0, passed: false }
}

function load(): Record<string, ExerciseProgress> {
  if (typeof localStorage === 'undefined')
    return {}
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}')
    return raw && typeof raw === 'object' ? raw : {}
  }
  catch {
    return {}
  }
}

/** Every exercise's progress; shared by all exercise slides (and the presenter's views). */
export const progress = reactive<Record<string, ExerciseProgress>>(load())

export function progressOf(id: string): ExerciseProgress {
  if (!progress[id])
    progress[id] = blank()
  return progress[id]
}

export function saveProgress() {
  if (typeof localStorage === 'undefined')
    return
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(progress))
  }
  catch {
    // storage full or disabled: progress lives as long as the page
  }
}

if (typeof window !== 'undefined') {
  // another window of the deck (presenter view, a second tab) saved its progress
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY)
      return
    const fresh = load()
    for (const id of Object.keys(progress)) {
      if (!(id in fresh))
        delete progress[id]
    }
    // in place: an open slide keeps the object it read, and sees the change
    for (const [id, value] of Object.entries(fresh)) {
      const p = progressOf(id) as unknown as Record<string, unknown>
      for (const key of Object.keys(p).filter(key => !(key in value)))
        delete p[key]
      Object.assign(p, value)
    }
  })
}

export function doneCount(): number {
  return exercises.filter(e => progress[e.id]?.passed).length
}

/** Keeps the outcome of a Check button press. */
export function recordCheck(id: string, code: string, verdict: ExerciseVerdict) {
  const p = progressOf(id)
  p.code = code
  p.passed = verdict.status === 'pass'
  const verdicts = verdict.cases.map((v: CaseVerdict) => ({ name: v.name, status: v.status, message: v.message }))
  p.checked = { code, verdicts, problem: verdict.problem, at: Date.now() }
  saveProgress()
}

// ---------------------------------------------------------------- test hook

export interface WorkshopHook {
  ids: string[]
  starter: (id: string) => string | undefined
  solution: (id: string) => string | undefined
  /** The Check button's checking, without touching the learner's progress. */
  check: (id: string, source: string) => Promise<ExerciseVerdict>
}

declare global {
  interface Window { __osWorkshop?: WorkshopHook }
}

if (typeof window !== 'undefined') {
  window.__osWorkshop = {
    ids: exercises.map(e => e.id),
    starter: id => findExercise(id)?.starter,
    solution: id => findExercise(id)?.solution,
    check: (id, source) => checkExercise(id, source).result,
  }
}
