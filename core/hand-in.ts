// The hand-in file: what a learner downloads from the deck ("Download my work") and
// hands to the teacher. Plain JSON, documented in the README; read defensively, since
// anyone can write one. What it claims about passing is never read: the class grader
// grades every exercise again.

export const HAND_IN_FORMAT = 'os-workshop-hand-in'
export const HAND_IN_VERSION = 1
/** The most code one exercise may hold: a task.py is a few hundred lines at most. */
export const TASK_SIZE_LIMIT = 256 * 1024
const NAME_LIMIT = 200

export interface HandIn {
  format: typeof HAND_IN_FORMAT
  version: typeof HAND_IN_VERSION
  /** the learner's name, as they typed it */
  learner: string
  /** when the file was made (ISO 8601) */
  made: string
  /** the deck's version (package.json version and build) */
  deck: string
  /** exercise id -> the code and when it was last changed */
  exercises: Record<string, { code: string, changed?: string }>
}

export class HandInError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Checks a parsed hand-in; throws HandInError saying what is wrong. */
export function validateHandIn(raw: unknown): HandIn {
  const fail = (what: string): never => {
    throw new HandInError(what)
  }
  if (!isObject(raw) || raw.format !== HAND_IN_FORMAT)
    fail(`it is not an os-workshop hand-in (no "format": "${HAND_IN_FORMAT}")`)
  const data = raw as Record<string, unknown>
  if (data.version !== HAND_IN_VERSION)
    fail(`it is version ${JSON.stringify(data.version)} of the format; this grader reads version ${HAND_IN_VERSION}`)
  if (typeof data.learner !== 'string' || !data.learner.trim() || data.learner.length > NAME_LIMIT)
    fail(`"learner" must be a name of 1 to ${NAME_LIMIT} characters`)
  for (const key of ['made', 'deck'] as const) {
    if (typeof data[key] !== 'string')
      fail(`"${key}" must be text`)
  }
  if (!isObject(data.exercises))
    fail('"exercises" must map exercise ids to their code')
  for (const [id, entry] of Object.entries(data.exercises as object)) {
    if (!/^\d\d-[a-z0-9-]+$/.test(id))
      fail(`"${id}" is not an exercise id like "06-build-folders"`)
    if (!isObject(entry) || typeof entry.code !== 'string')
      fail(`exercise ${id} has no "code" text`)
    if ((entry as { code: string }).code.length > TASK_SIZE_LIMIT)
      fail(`exercise ${id} holds more than ${TASK_SIZE_LIMIT / 1024} KB of code`)
    if (entry.changed !== undefined && typeof entry.changed !== 'string')
      fail(`exercise ${id}: "changed" must be text`)
  }
  return raw as unknown as HandIn
}
