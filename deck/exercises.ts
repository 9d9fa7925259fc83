// The exercises on the slides: their files (bundled at build time), checking a
// learner's code case by case with the terminal grader's own judge, and the
// learner's progress, kept in localStorage.
//
// Checking runs each case of spec.json in the deck's Python worker through
// grader/runtimes/pyodide-case.js and judges it with grader/judge.ts, so the
// verdicts are the ones `npm run grade` gives.
import { reactive } from 'vue'
import { type CaseVerdict, judgeCase } from '../../grader/judge'
import { type Spec, DEFAULT_TIMEOUT_S, validateSpec } from '../../grader/spec'
import { STOPPED, python } from './client'
import { renderMarkdown, sections } from './markdown'

const specs = import.meta.glob<unknown>('../../exercises/*/spec.json', { eager: true, import: 'default' })
const readmes = import.meta.glob<string>('../../exercises/*/README.md', { eager: true, query: '?raw', import: 'default' })
const starters = import.meta.glob<string>('../../exercises/*/task.py', { eager: true, query: '?raw', import: 'default' })
const solutions = import.meta.glob<string>('../../solutions/*/task.py', { eager: true, query: '?raw', import: 'default' })

export interface Exercise {
  /** the folder name, e.g. "04-build-folders" */
  id: string
  /** "04" */
  number: string
  spec: Spec
  readme: string
  starter: string
  solution: string
  /** the README's title line without the "#", e.g. "04 · Build a set of folders" */
  heading: string
  /** HTML: the README's "Your task" section */
  taskHtml: string
  /** HTML: the whole README except its title and the terminal instructions */
  readmeHtml: string
  /** `def build_folders(root, names):` */
  signature: string
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
      const spec = validateSpec(raw, `exercises/${id}/spec.json`)
      const text = readme[id] ?? ''
      const parts = sections(text)
      const heading = (text.match(/^#\s+(.+)$/m)?.[1] ?? `${id.slice(0, 2)} · ${spec.title}`).trim()
      const task = parts.get('Your task') ?? ''
      const signature = task.match(/^def .*:$/m)?.[0] ?? (starter[id] ?? '').match(/^def .*:$/m)?.[0] ?? `def ${spec.call}(...):`
      const kept = [...parts.entries()]
        .filter(([name]) => name !== 'Check your work')
        .map(([name, body]) => name ? `## ${name}\n\n${body}` : body.replace(/^#\s+.*$/m, '').trim())
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
      }
    })
    .sort((a, b) => a.id.localeCompare(b.id))
}

export const exercises: Exercise[] = build()

export function findExercise(id: string): Exercise | undefined {
  return exercises.find(e => e.id === id || e.number === id)
}

// ---------------------------------------------------------------- checking

export interface CheckProgress {
  /** 0-based index of the case that runs now */
  index: number
  total: number
  verdicts: CaseVerdict[]
}

export interface CheckHandle {
  result: Promise<CaseVerdict[]>
  stop: () => void
}

/**
 * Runs every case of exercise `id` on `source`, one after the other, and judges each
 * like the terminal grader does (grader/service.ts). Used by the Check button and by
 * the test hook `window.__osWorkshop.check`.
 */
export function checkExercise(id: string, source: string, onProgress?: (progress: CheckProgress) => void): CheckHandle {
  const exercise = findExercise(id)
  if (!exercise)
    return { result: Promise.reject(new Error(`unknown exercise ${id}`)), stop: () => {} }
  const { spec } = exercise
  let stopped = false
  let stopCurrent: (() => void) | undefined
  const result = (async () => {
    const verdicts: CaseVerdict[] = []
    for (const [index, c] of spec.cases.entries()) {
      onProgress?.({ index, total: spec.cases.length, verdicts: [...verdicts] })
      if (stopped) {
        verdicts.push({ name: c.name, call: spec.call, status: 'error', output: '', message: 'Not run: the check was stopped.' })
        continue
      }
      const timeoutS = c.timeout ?? spec.timeout ?? DEFAULT_TIMEOUT_S
      const handle = python.startCase({ source, call: spec.call, case: c, timeoutS })
      stopCurrent = handle.stop
      const seen = await handle.result
      stopCurrent = undefined
      const verdict = judgeCase(c, seen, spec.call, timeoutS)
      verdicts.push(seen.detail === STOPPED && seen.limit === 'interrupted'
        ? { ...verdict, status: 'error', message: 'Stopped before it finished (you pressed Stop).' }
        : verdict)
    }
    onProgress?.({ index: spec.cases.length, total: spec.cases.length, verdicts: [...verdicts] })
    return verdicts
  })()
  return {
    result,
    stop: () => {
      stopped = true
      stopCurrent?.()
    },
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
  checked?: { code: string, verdicts: SavedVerdict[], at: number }
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
    Object.assign(progress, fresh)
  })
}

export function doneCount(): number {
  return exercises.filter(e => progress[e.id]?.passed).length
}

/** Keeps the outcome of a Check button press. */
export function recordCheck(id: string, code: string, verdicts: CaseVerdict[]) {
  const p = progressOf(id)
  p.code = code
  p.passed = verdicts.length > 0 && verdicts.every(v => v.status === 'pass')
  p.checked = { code, verdicts: verdicts.map(v => ({ name: v.name, status: v.status, message: v.message })), at: Date.now() }
  saveProgress()
}

// ---------------------------------------------------------------- test hook

export interface WorkshopHook {
  ids: string[]
  starter: (id: string) => string | undefined
  solution: (id: string) => string | undefined
  /** The Check button's checking, without touching the learner's progress. */
  check: (id: string, source: string) => Promise<CaseVerdict[]>
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
