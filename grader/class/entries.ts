// A class folder: one entry per learner, a folder of their exercises (the layout of
// exercises/, or only NN-slug/task.py) or a hand-in file from the deck. Only task.py
// files are read, never followed through a link, never past a size limit; whatever is
// wrong with one costs that learner that exercise, or that entry, only.

import { createHash } from 'node:crypto'
import { lstatSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HandInError, TASK_SIZE_LIMIT, validateHandIn } from '../../core/hand-in'

/** A learner's task.py as read: its code, or why it could not be graded. */
type Task = { source: string } | { problem: string }

export interface LearnerEntry {
  /** unique in the class: the folder's name or the hand-in's learner, " (2)" added to a repeat */
  name: string
  /** where it came from, relative to the class folder */
  from: string
  /** by exercise id; an exercise with no entry was not handed in */
  tasks: Map<string, Task>
  notes: string[]
  /** changes whenever anything graded for this learner changes */
  fingerprint: string
}

interface ClassFolder {
  learners: LearnerEntry[]
  /** entries that could not be read at all, and why */
  skipped: { from: string, why: string }[]
}

const HAND_IN_LIMIT = 8 * 1024 * 1024
const utf8 = new TextDecoder('utf-8', { fatal: true })
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`
const size = (bytes: number) => bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : kb(bytes)

/** Text a task.py holds, or why it is not gradable. */
function readTask(bytes: Buffer): Task {
  if (bytes.length > TASK_SIZE_LIMIT)
    return { problem: `task.py is ${size(bytes.length)}; a task.py may be at most ${kb(TASK_SIZE_LIMIT)}, so it was not graded.` }
  if (bytes.includes(0))
    return { problem: 'task.py is not text (it holds binary data), so it was not graded.' }
  try {
    return { source: utf8.decode(bytes).replace(/^\uFEFF/, '') }
  }
  catch {
    return { problem: 'task.py is not UTF-8 text, so it was not graded. Save it as UTF-8.' }
  }
}

/** A file's bytes, refusing links, folders and anything over `limit` before reading it. */
function readRegularFile(path: string, limit: number): Buffer | { problem: string } | undefined {
  let info
  try {
    info = lstatSync(path)
  }
  catch {
    return undefined
  }
  if (!info.isFile())
    return { problem: `${info.isSymbolicLink() ? 'it is a link' : 'it is not a file'}, so it was not read.` }
  if (info.size > limit)
    return { problem: `it is ${size(info.size)}; the limit is ${size(limit)}, so it was not read.` }
  try {
    return readFileSync(path)
  }
  catch (error) {
    return { problem: `it could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).` }
  }
}

function fromFolder(folder: string, exerciseIds: string[]): Map<string, Task> {
  const tasks = new Map<string, Task>()
  for (const id of exerciseIds) {
    for (const path of [join(folder, 'exercises', id, 'task.py'), join(folder, id, 'task.py')]) {
      const read = readRegularFile(path, TASK_SIZE_LIMIT)
      if (read === undefined)
        continue
      tasks.set(id, Buffer.isBuffer(read) ? readTask(read) : { problem: `task.py: ${read.problem}` })
      break
    }
  }
  return tasks
}

function fromHandIn(bytes: Buffer, exerciseIds: string[]): { name: string, tasks: Map<string, Task>, notes: string[] } {
  let raw: unknown
  try {
    raw = JSON.parse(utf8.decode(bytes))
  }
  catch {
    throw new HandInError('it is not valid JSON text')
  }
  const handIn = validateHandIn(raw)
  const tasks = new Map<string, Task>()
  const notes: string[] = []
  for (const [id, { code }] of Object.entries(handIn.exercises)) {
    if (exerciseIds.includes(id))
      tasks.set(id, readTask(Buffer.from(code)))
    else notes.push(`the hand-in has an exercise "${id}" this workshop does not: ignored`)
  }
  return { name: handIn.learner.trim(), tasks, notes }
}

function fingerprint(tasks: Map<string, Task>): string {
  const hash = createHash('sha256')
  for (const id of [...tasks.keys()].sort())
    hash.update(`${id}\n${JSON.stringify(tasks.get(id))}\n`)
  return hash.digest('hex')
}

/** Everyone in `folder`, in a stable order (by name, then where they came from). */
export function readClassFolder(folder: string, exerciseIds: string[]): ClassFolder {
  const learners: Omit<LearnerEntry, 'fingerprint'>[] = []
  const skipped: ClassFolder['skipped'] = []
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.'))
      continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) {
      learners.push({ name: entry.name.normalize('NFC'), from: `${entry.name}/`, tasks: fromFolder(path, exerciseIds), notes: [] })
      continue
    }
    if (!entry.name.endsWith('.json')) {
      skipped.push({ from: entry.name, why: 'neither a learner\'s folder nor a hand-in file (.json)' })
      continue
    }
    const bytes = readRegularFile(path, HAND_IN_LIMIT)
    if (!Buffer.isBuffer(bytes)) {
      skipped.push({ from: entry.name, why: bytes?.problem ?? 'it disappeared while it was read' })
      continue
    }
    try {
      const { name, tasks, notes } = fromHandIn(bytes, exerciseIds)
      learners.push({ name: name.normalize('NFC'), from: entry.name, tasks, notes })
    }
    catch (error) {
      if (!(error instanceof HandInError))
        throw error
      skipped.push({ from: entry.name, why: `not a hand-in this grader can trust: ${error.message}` })
    }
  }
  return { learners: uniqueNames(learners).map(l => ({ ...l, fingerprint: fingerprint(l.tasks) })), skipped }
}

/** Two entries with one name (a folder and a hand-in, say) both stay, told apart by a number. */
function uniqueNames<T extends { name: string, from: string, notes: string[] }>(learners: T[]): T[] {
  const seen = new Map<string, number>()
  return [...learners].sort((a, b) => a.name.localeCompare(b.name) || a.from.localeCompare(b.from)).map((learner) => {
    const key = learner.name.toLocaleLowerCase()
    const count = (seen.get(key) ?? 0) + 1
    seen.set(key, count)
    if (count === 1)
      return learner
    return { ...learner, name: `${learner.name} (${count})`, notes: [...learner.notes, `another entry is also called "${learner.name}"`] }
  })
}
