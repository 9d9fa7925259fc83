// The machine's own CPython, for real: it runs as this user, on this disk. Its guards
// (core/harness/sandbox.py) catch accidents, not malice; the README says so, and so
// does the grader's first line. Where Linux offers it for free, it runs without a network.
//
// One zygote per core: a Python with the harness loaded that never runs learner code
// itself. For each case (or slide script) it forks a fresh child, in a session of its
// own (killed as a group at the time limit), in a temporary folder the grader seeded;
// after the child has exited, the grader reads that folder back from disk itself.

import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import type { CaseRequest, EvaluatedValue, ExerciseRunner, Observation, RunResult, Runtime, ScriptRequest, Stage } from '../../core/protocol'
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseObservation, readEvaluated, scriptResult } from '../../core/observation'
import { STOPPED } from '../../core/protocol'
import { UsageError } from '../exercises'
import { ageFiles, chownTree, fileAges, readTree, removeFolder, seedTree } from './case-folder'
import { howItEnded, readChild } from './child-output'
import { withoutNetwork } from './confine'
import { createSlots } from './slots'

const CORE_DIR = fileURLToPath(new URL('../../core/', import.meta.url))
const ZYGOTE = `import sys; sys.path.insert(0, ${JSON.stringify(CORE_DIR)}); import harness.entry; harness.entry.zygote()`
/** Python's own start-up is not the learner's time, but it is not unlimited either. */
const STARTUP_LIMIT_MS = 30_000

/** Run every case as this user, with at most `maxProcesses` processes (tests of hostile code). */
interface Unprivileged { uid: number, gid: number, maxProcesses: number }

export interface CpythonOptions {
  /** The interpreter; default: the real binary behind `python3` (or $PYTHON). */
  python?: string
  unprivileged?: Unprivileged
}

let interpreter: string | undefined

/** The real interpreter behind `python3` (or $PYTHON): version-manager shims are slow to start. */
function pythonCommand(): string {
  const asked = process.env.PYTHON ?? 'python3'
  try {
    interpreter ??= execFileSync(asked, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  }
  catch (error) {
    throw new UsageError(`--runtime cpython could not start \`${asked}\` (${(error as NodeJS.ErrnoException).code ?? 'it failed'}). Install Python 3.9 or newer, or leave out --runtime to grade with Pyodide.`)
  }
  return interpreter
}

/** What the CPython runtime says about itself before it runs anything. */
export const CPYTHON_WARNING = 'Your code runs on this machine, as you, with guards against accidents only (not a sandbox).'

type Reply = Record<string, unknown> & { id?: number }

/** How a run in a child ended: stopped (the time limit or Stop), its zygote lost, or with the child's reply. */
type ChildEnd
  = | { how: 'timeout', stage?: Stage }
    | { how: 'stop', stage?: Stage }
    | { how: 'lost', stage?: Stage, detail: string }
    | { how: 'done', stage?: Stage, reply: Reply }

/** One zygote: its requests answered by id. */
interface Zygote {
  child: ChildProcessWithoutNullStreams
  ready: Promise<void>
  handlers: Map<number, (reply: Reply) => void>
  gone: boolean
}

export function createCpythonRuntime(options: CpythonOptions = {}): Runtime {
  if (process.platform === 'win32')
    throw new UsageError('--runtime cpython needs fork(), which Windows does not have; the default runtime works on Windows.')
  const python = options.python ?? pythonCommand()
  const { unprivileged } = options
  const lanes = availableParallelism()
  const slots = createSlots(lanes)
  const idle: Zygote[] = []
  const live = new Set<Zygote>()
  let nextId = 0
  let closed = false

  function startZygote(): Zygote {
    const runAs = unprivileged
      ? ['prlimit', `--nproc=${unprivileged.maxProcesses}:${unprivileged.maxProcesses}`, '--', 'setpriv', `--reuid=${unprivileged.uid}`, `--regid=${unprivileged.gid}`, '--clear-groups']
      : []
    // -I: isolated from the user's environment and site-packages; -S: no site module; -B: no .pyc files
    const [command, ...args] = [...runAs, ...withoutNetwork(runAs), python, '-I', '-S', '-B', '-X', 'utf8', '-c', ZYGOTE]
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), LANG: 'C.UTF-8' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let settle!: { resolve: () => void, reject: (error: Error) => void }
    const zygote: Zygote = { child, handlers: new Map(), gone: false, ready: new Promise((resolve, reject) => (settle = { resolve, reject })) }
    zygote.ready.catch(() => {})
    live.add(zygote)
    const stderr = readChild(child, (line) => {
      const reply = readReply(line)
      if (reply?.ready === true)
        settle.resolve()
      else if (reply && typeof reply.id === 'number')
        zygote.handlers.get(reply.id)?.(reply)
    })
    const startup = setTimeout(() => child.kill('SIGKILL'), STARTUP_LIMIT_MS)
    zygote.ready.then(() => clearTimeout(startup), () => {})
    child.on('close', (code, signal) => {
      clearTimeout(startup)
      zygote.gone = true
      live.delete(zygote)
      const why = `Python stopped (${howItEnded(code, signal, stderr())})`
      settle.reject(new Error(why))
      for (const handler of zygote.handlers.values()) handler({ lost: why })
      zygote.handlers.clear()
    })
    return zygote
  }

  const takeZygote = (): Zygote => {
    let zygote = idle.shift()
    while (zygote?.gone) zygote = idle.shift()
    return zygote ?? startZygote()
  }
  const giveBack = (zygote: Zygote) => {
    if (!zygote.gone && !closed)
      idle.push(zygote)
  }
  for (let i = 0; i < lanes; i++) idle.push(startZygote())

  /** Sends one request to a zygote; `onReply` sees every reply to it until it returns true. */
  function request(zygote: Zygote, message: object, onReply: (reply: Reply) => boolean) {
    const id = ++nextId
    zygote.handlers.set(id, (reply) => {
      if (onReply(reply))
        zygote.handlers.delete(id)
    })
    zygote.child.stdin.write(`${JSON.stringify({ ...message, id })}\n`)
  }

  /** A slot, a zygote and a folder the grader seeded (removed afterwards), for one run. */
  async function inFolder<T>(seed: (folder: string) => void, use: (zygote: Zygote, folder: string) => Promise<T>): Promise<T> {
    await slots.acquire()
    const zygote = takeZygote()
    const folder = mkdtempSync(join(tmpdir(), 'os-workshop-case-'))
    try {
      seed(folder)
      if (unprivileged)
        chownTree(folder, unprivileged.uid, unprivileged.gid)
      return await use(zygote, folder)
    }
    finally {
      removeFolder(folder)
      giveBack(zygote)
      slots.release()
    }
  }

  function runCase({ run, timeoutS }: CaseRequest, signal?: AbortSignal): Promise<Observation> {
    return inFolder((folder) => {
      seedTree(folder, run.tree ?? {})
      ageFiles(folder, run.ages ?? {}, run.clock)
    }, async (zygote, folder) => {
      const treeBefore = readTree(folder)
      try {
        await zygote.ready
      }
      catch (error) {
        return { ending: 'crash', detail: (error as Error).message }
      }
      const { tree, ages, report_ages: agesAsked, ...call } = run
      const end = await runInChild(zygote, { folder, request: call }, timeoutS, signal)
      return { ...caseSeen(end), tree_before: treeBefore, tree_after: readTree(folder), ages_after: agesAsked && fileAges(folder, agesAsked) }
    })
  }

  function runScript({ source, tree, timeoutS, profile = 'linux' }: ScriptRequest, signal?: AbortSignal): Promise<RunResult> {
    if (profile !== 'linux')
      return Promise.resolve({ status: 'failed', message: 'CPython runs as its own machine only' })
    return inFolder(folder => seedTree(folder, tree), async (zygote, folder): Promise<RunResult> => {
      const treeBefore = readTree(folder)
      try {
        await zygote.ready
      }
      catch (error) {
        return { status: 'failed', message: (error as Error).message }
      }
      const end = await runInChild(zygote, { folder, script: source }, timeoutS, signal)
      if (end.how === 'stop' || end.how === 'timeout')
        return { status: 'stopped', reason: end.how, how: 'restart' }
      if (end.how === 'lost')
        return { status: 'failed', message: end.detail }
      const result = typeof end.reply.result === 'string' ? end.reply.result : ''
      if (!result.trim())
        return { status: 'failed', message: `Python stopped without a report (${statusOf(end.reply)})` }
      let raw: unknown
      try {
        raw = JSON.parse(result)
      }
      catch {
        return { status: 'failed', message: 'the run\'s report was not valid JSON' }
      }
      // the folder as the grader reads it on disk, never as the script's process tells it
      const trees = { tree_before: treeBefore, tree_after: readTree(folder) }
      return scriptResult(typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...raw, ...trees } : raw)
    })
  }

  /** Runs one case or script in a fresh child of `zygote`, killed as a group at the time limit or on Stop. */
  function runInChild(zygote: Zygote, message: object, timeoutS: number, signal?: AbortSignal): Promise<ChildEnd> {
    return new Promise((resolve) => {
      let pid: number | undefined
      let stage: Stage | undefined
      let ended: 'timeout' | 'stop' | undefined
      let timer: ReturnType<typeof setTimeout> | undefined
      const stop = (why: 'timeout' | 'stop') => {
        ended ??= why
        killGroup(pid)
      }
      const onAbort = () => stop('stop')
      signal?.addEventListener('abort', onAbort, { once: true })
      if (signal?.aborted)
        return resolve({ how: 'stop' })
      request(zygote, message, (reply) => {
        if (typeof reply.pid === 'number') {
          pid = reply.pid
          timer = setTimeout(stop, timeoutS * 1000, 'timeout')
          if (ended)
            killGroup(pid)
          return false
        }
        if (reply.stage === 'load' || reply.stage === 'call') {
          stage = reply.stage
          return false
        }
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        killGroup(pid) // anything the child left running goes with it
        if (ended)
          resolve({ how: ended, stage })
        else if (typeof reply.lost === 'string')
          resolve({ how: 'lost', stage, detail: reply.lost })
        else
          resolve({ how: 'done', stage, reply })
        return true
      })
    })
  }

  return {
    name: 'cpython',
    profiles: ['linux'], // the machine's own rules (Linux or macOS): CPython cannot pretend
    warm: () => (idle[0] ?? takeZygote()).ready,
    async exercise(): Promise<ExerciseRunner> {
      return { parallel: lanes, runCase, end: () => {} }
    },
    runScript,
    async evaluate(expressions): Promise<EvaluatedValue[]> {
      // in a zygote: an interpreter that never runs learner code itself
      await slots.acquire()
      const zygote = takeZygote()
      try {
        await zygote.ready
        const values = await new Promise<unknown>((resolve, reject) => request(zygote, { evaluate: expressions }, (reply) => {
          if (typeof reply.lost === 'string')
            reject(new Error(reply.lost))
          resolve(reply.values)
          return true
        }))
        return readEvaluated(values, expressions.length)
      }
      finally {
        giveBack(zygote)
        slots.release()
      }
    },
    async close() {
      closed = true
      for (const zygote of live) zygote.child.kill('SIGKILL')
      idle.length = 0
    },
  }
}

/** How the child ended, e.g. "exit 0" or "killed by signal 9". */
function statusOf(reply: Reply): string {
  return typeof reply.status === 'string' ? reply.status.replace(/^signal (\d+)$/, 'killed by signal $1') : 'an unknown end'
}

/** A case's observation: how it ended, or what the child reported, read defensively; a child that died says how. */
function caseSeen(end: ChildEnd): Observation {
  const { stage } = end
  if (end.how === 'stop')
    return { ending: 'interrupted', detail: STOPPED, stage }
  if (end.how === 'timeout')
    return { ending: 'timeout', stage }
  if (end.how === 'lost')
    return { ending: 'crash', stage, detail: end.detail }
  const { reply } = end
  const result = typeof reply.result === 'string' ? reply.result : ''
  if (!result.trim())
    return { ending: 'crash', stage, detail: `it stopped without a report (${statusOf(reply)})` }
  const seen = parseObservation(result)
  return { ...seen, stage: seen.stage ?? stage }
}

function readReply(line: string): Reply | undefined {
  try {
    const reply = JSON.parse(line) as unknown
    return typeof reply === 'object' && reply !== null ? reply as Reply : undefined
  }
  catch {
    return undefined
  }
}

function killGroup(pid: number | undefined) {
  if (!pid)
    return
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL') // the child's whole session, then the child itself
    }
    catch {}
  }
}
