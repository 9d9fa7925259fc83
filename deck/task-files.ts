// Under `npm run dev`, the exercise slides work on exercises/NN/task.py itself, through
// the dev server (grader/dev-server.ts): the deck and the learner's own editor edit one
// file, and the deck shows the terminal's hints and verdicts. The built deck has no such
// server and keeps everything in the browser (deck/progress.ts).

import type { ResetAnswer, SaveAnswer, SaveRequest, TaskState, VerdictRequest } from '../core/task-files'
import type { TaskFile } from './use-exercise'
import { reactive, ref } from 'vue'
import { TASK_FILES_EVENT, TASK_FILES_PATH } from '../core/task-files'
import { findExercise } from './exercise-files'
import { progressOf } from './progress'

/**
 * Decided when the deck is built: only Slidev's own server (`npm run dev`, and the one
 * `slidev export` starts) has the endpoint. Not import.meta.env.DEV, which is also true in a
 * build made with NODE_ENV set to anything but production (a test runner's, for one).
 */
const onDisk = __SLIDEV_HAS_SERVER__

interface TaskFileStatus {
  /** "exercises/06-build-folders/task.py" once the dev server answered */
  path?: string
  /** what the learner should know: a conflict, a reset, a save that failed */
  notice?: string
}

/** Each exercise's file as the slides show it. */
const taskFiles = reactive<Record<string, TaskFileStatus>>({})

const SAVE_DELAY_MS = 300
/** the version of each file the deck last read or wrote: a save names it */
const versions = new Map<string, string | null>()
/** text typed but not yet sent */
const unsent = new Map<string, string>()
const timers = new Map<string, ReturnType<typeof setTimeout>>()
/** one save at a time per file, in order */
const sending = new Map<string, Promise<void>>()

const url = (rest = '') => `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${TASK_FILES_PATH}${rest}`

async function ask<T>(rest: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(url(rest), {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const answer = await response.json() as T & { error?: string }
  if (!response.ok)
    throw new Error(answer.error ?? `the dev server answered ${response.status}`)
  return answer
}

function statusOf(id: string): TaskFileStatus {
  if (!taskFiles[id])
    taskFiles[id] = {}
  return taskFiles[id]
}

/** Takes what is on disk, unless the learner's typing here is still on its way there. */
function take(state: TaskState) {
  const p = progressOf(state.id)
  p.hintsShown = state.hintsShown
  p.passed = state.passed
  statusOf(state.id).path = state.path
  if (unsent.has(state.id) || sending.has(state.id))
    return
  versions.set(state.id, state.version)
  p.code = state.text ?? findExercise(state.id)?.starter ?? ''
}

/** Set when the dev server could not be reached: the slides then keep the code in this browser. */
export const unreachable = ref<string>()

/** Resolves once every exercise shows its task.py (under dev); never rejects. */
export const taskFilesReady: Promise<void> = onDisk
  ? ask<TaskState[]>('').then(states => states.forEach(take)).catch((error: Error) => {
      unreachable.value = `the dev server did not answer (${error.message})`
    })
  : Promise.resolve()

if (onDisk && import.meta.hot)
  import.meta.hot.on(TASK_FILES_EVENT, (states: TaskState[]) => states.forEach(take))

/** Saves the learner's code shortly after they stop typing. */
function saveTask(id: string, text: string) {
  unsent.set(id, text)
  clearTimeout(timers.get(id))
  timers.set(id, setTimeout(() => void flushTask(id), SAVE_DELAY_MS))
}

/** Sends what is typed now (Check, Reset and leaving the slide wait for it). */
function flushTask(id: string): Promise<void> {
  clearTimeout(timers.get(id))
  timers.delete(id)
  const next = (sending.get(id) ?? Promise.resolve()).then(() => send(id))
  sending.set(id, next)
  void next.finally(() => {
    if (sending.get(id) === next)
      sending.delete(id)
  })
  return next
}

async function send(id: string) {
  let conflict: SaveAnswer | undefined
  const backups: string[] = []
  while (unsent.has(id)) {
    const text = unsent.get(id)!
    unsent.delete(id)
    try {
      const answer = await ask<SaveAnswer>(`/${id}`, 'PUT', { text, base: versions.get(id) ?? null } satisfies SaveRequest)
      if (answer.backup) {
        // the version stays the old one: whatever was typed meanwhile is backed up too
        conflict = answer
        backups.push(answer.backup)
      }
      else {
        versions.set(id, answer.state.version)
        statusOf(id).notice = undefined
      }
    }
    catch (error) {
      statusOf(id).notice = `Not saved: ${(error as Error).message}. Your code is still in the editor; type again to retry.`
      return
    }
  }
  if (conflict) {
    const { state } = conflict
    versions.set(id, state.version)
    progressOf(id).code = state.text ?? findExercise(id)?.starter ?? ''
    statusOf(id).notice = `${state.path} changed on disk while you typed here, so this is the file now. What you had typed is kept in ${backups.join(' and ')}.`
  }
}

/** Puts the starter back as `npm run reset` does (the file is kept as a backup first). */
async function resetTask(id: string) {
  await flushTask(id)
  const answer = await ask<ResetAnswer>(`/${id}/reset`, 'POST', {})
  take(answer.state)
  statusOf(id).notice = answer.message
}

/** One more hint, counted where `npm run hint` counts. */
async function hintTask(id: string) {
  take(await ask<TaskState>(`/${id}/hint`, 'POST', {}))
}

/** A Check's outcome, remembered where `npm run grade` remembers its verdicts. */
async function recordTaskVerdict(id: string, source: string, passed: boolean) {
  take(await ask<TaskState>(`/${id}/verdict`, 'POST', { source, passed } satisfies VerdictRequest))
}

/** The exercise's task.py as its slide uses it; undefined where there is none to use (the built deck, a dev server that did not answer). */
export function taskFile(id: string): TaskFile | undefined {
  if (!onDisk || unreachable.value)
    return undefined
  // read, not made: a slide asks this inside a computed
  const status = taskFiles[id]
  return {
    path: status?.path ?? `exercises/${id}/task.py`,
    notice: status?.notice,
    save: text => saveTask(id, text),
    flush: () => flushTask(id),
    hint: () => hintTask(id),
    reset: () => resetTask(id),
    recordVerdict: (source, passed) => recordTaskVerdict(id, source, passed),
    tell: (problem) => {
      statusOf(id).notice = problem
    },
  }
}
