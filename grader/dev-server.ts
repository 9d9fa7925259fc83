// Under `npm run dev`, the deck's exercise slides read and write exercises/NN/task.py
// through the dev server (a Vite plugin, registered in vite.config.ts), with the
// terminal's own rules: reset keeps a backup, hints and verdicts are remembered in
// .grader/. The built deck has no server and keeps its work in the browser.

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import type { ResetAnswer, SaveAnswer, SaveRequest, TaskState } from '../core/task-files.ts'
import type { ExerciseOnDisk } from './exercises.ts'
import { existsSync, mkdirSync, readFileSync, watch, writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { TASK_FILES_EVENT, TASK_FILES_PATH } from '../core/task-files.ts'
import { loadExercises } from './exercises.ts'
import { backupPath, hintsShown, passedAsIs, recordVerdict, resetExercise, showHint, sourceHash } from './learner-state.ts'
import { EXERCISES_DIR, PROJECT_DIR, STATE_DIR } from './paths.ts'
import { watchTasks } from './watch.ts'

/** what the deck may ask of one exercise ('' is its task.py) */
const ACTIONS = ['', 'reset', 'hint', 'verdict']

/** A task.py is a few kilobytes; anything much larger is not one. */
const MAX_BODY = 1_000_000

class Refused extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

function readTask(exercise: ExerciseOnDisk): string | null {
  return existsSync(exercise.taskPath) ? readFileSync(exercise.taskPath, 'utf8') : null
}

function stateOf(exercise: ExerciseOnDisk): TaskState {
  const text = readTask(exercise)
  return {
    id: exercise.id,
    path: relative(PROJECT_DIR, exercise.taskPath).split('\\').join('/'),
    text,
    version: text === null ? null : sourceHash(text),
    hintsShown: hintsShown(exercise),
    passed: text !== null && passedAsIs(exercise, text),
  }
}

/**
 * Writes the deck's text unless the file changed on disk since the deck read it (the
 * learner saved in their own editor): then the file wins, and the deck's text is kept
 * in a backup beside it, as `npm run reset` keeps one.
 */
function saveTask(exercise: ExerciseOnDisk, { text, base }: SaveRequest): SaveAnswer {
  const now = readTask(exercise)
  if (now !== text && (now === null ? null : sourceHash(now)) !== base) {
    const backup = backupPath(exercise)
    writeFileSync(backup, text)
    return { state: stateOf(exercise), backup: relative(PROJECT_DIR, backup).split('\\').join('/') }
  }
  if (now !== text)
    writeFileSync(exercise.taskPath, text)
  return { state: stateOf(exercise) }
}

export function taskFilesPlugin(): Plugin {
  return {
    name: 'os-workshop:task-files',
    apply: 'serve',
    configureServer(server) {
      const exercises = loadExercises(EXERCISES_DIR)
      const prefix = `${server.config.base.replace(/\/?$/, '/')}${TASK_FILES_PATH}`
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0]
        if (url !== prefix && !url.startsWith(`${prefix}/`))
          return next()
        answer(req, res, url.slice(prefix.length), exercises).catch((error: Error) => {
          const status = error instanceof Refused ? error.status : 500
          send(res, status, { error: error.message })
        })
      })
      // the learner saved in their own editor, or ran `npm run hint` / `npm run grade`
      const push = (changed: ExerciseOnDisk[]) => server.ws.send(TASK_FILES_EVENT, changed.map(stateOf))
      const stopTasks = watchTasks(exercises, exercise => push([exercise]))
      mkdirSync(STATE_DIR, { recursive: true })
      const memory = watch(STATE_DIR, (_, name) => {
        if (name === 'hints.json' || name === 'verdicts.json')
          push(exercises)
      })
      server.httpServer?.once('close', () => {
        stopTasks()
        memory.close()
      })
    },
  }
}

/** GET ''  all states · GET /<id> · PUT /<id> save · POST /<id>/reset | /hint | /verdict */
async function answer(req: IncomingMessage, res: ServerResponse, rest: string, exercises: ExerciseOnDisk[]) {
  if (rest === '' || rest === '/') {
    if (req.method !== 'GET')
      throw new Refused(405, 'only GET reads every exercise')
    return send(res, 200, exercises.map(stateOf))
  }
  const [, id, action = '', ...more] = rest.split('/')
  // only the known folder names, compared whole: no other path can be reached
  const exercise = exercises.find(e => e.id === decodeURIComponent(id))
  if (!exercise || more.length || !ACTIONS.includes(action))
    throw new Refused(404, `there is no exercise "${decodeURIComponent(rest.slice(1))}"; known: ${exercises.map(e => e.id).join(', ')}`)
  const route = `${req.method} ${action}`
  if (route === 'GET ')
    return send(res, 200, stateOf(exercise))
  const body = await readBody(req)
  if (route === 'PUT ') {
    const { text, base } = body
    if (typeof text !== 'string' || (base !== null && typeof base !== 'string'))
      throw new Refused(400, 'a save needs { text, base }')
    return send(res, 200, saveTask(exercise, { text, base: base as string | null }))
  }
  if (route === 'POST reset')
    return send(res, 200, { message: resetExercise(exercise), state: stateOf(exercise) } satisfies ResetAnswer)
  if (route === 'POST hint') {
    showHint(exercise)
    return send(res, 200, stateOf(exercise))
  }
  if (route === 'POST verdict') {
    const { source, passed } = body
    if (typeof source !== 'string' || typeof passed !== 'boolean')
      throw new Refused(400, 'a verdict needs { source, passed }')
    recordVerdict(exercise, source, passed)
    return send(res, 200, stateOf(exercise))
  }
  throw new Refused(405, `${req.method} ${action || 'task.py'} is not something the deck asks`)
}

/**
 * A change must come from the deck's own page: a JSON body (which another web page
 * cannot send here without the browser asking the server first) and no other origin.
 */
async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    throw new Refused(415, 'send JSON')
  const origin = req.headers.origin
  if (origin && new URL(origin).host !== req.headers.host)
    throw new Refused(403, `${origin} may not change the exercises`)
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY)
      throw new Refused(413, 'too large for a task.py')
    chunks.push(chunk as Buffer)
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
    if (body && typeof body === 'object')
      return body as Record<string, unknown>
  }
  catch {}
  throw new Refused(400, 'the body is not a JSON object')
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify(body))
}
