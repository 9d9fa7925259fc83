// The contract between the deck and its dev server under `npm run dev`: one exercise's
// task.py on disk, and what the terminal remembers of it (hints shown, last verdict).

/** Below the deck's base path; only the dev server answers it. */
export const TASK_FILES_PATH = '__os-workshop/tasks'
/** The dev server's message when a task.py, hints.json or verdicts.json changed on disk. */
export const TASK_FILES_EVENT = 'os-workshop:tasks'

export interface TaskState {
  id: string
  /** as the learner finds it, e.g. "exercises/06-build-folders/task.py" */
  path: string
  /** the file's text; null when the file is missing */
  text: string | null
  /** a fingerprint of `text`; a save says which version it was edited from */
  version: string | null
  hintsShown: number
  /** the last check of exactly this text, in the terminal or the deck, passed every case */
  passed: boolean
}

/** PUT <path>/<id> */
export interface SaveRequest {
  text: string
  /** the version the deck last read (null: the file was missing) */
  base: string | null
}

export interface SaveAnswer {
  state: TaskState
  /** the file changed on disk since `base`: it was left alone and the deck's text was kept here */
  backup?: string
}

/** POST <path>/<id>/reset */
export interface ResetAnswer {
  state: TaskState
  /** what `npm run reset` prints */
  message: string
}

/** POST <path>/<id>/verdict */
export interface VerdictRequest {
  source: string
  passed: boolean
}
