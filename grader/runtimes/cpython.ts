// The machine's own CPython: one process per case, in a fresh temporary folder.
// This runs learner code on the real machine; the README says so. Processes are
// started ahead of need, while the grader is idle (harness loaded, waiting for its
// case), so a watch-mode re-grade costs only the runs themselves; each process is
// killed, with its whole process group, at its time limit.

import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import type { CaseRequest, Observation, Runtime, Stage } from '../../core/protocol'
import { execFileSync, spawn } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { STOPPED } from '../../core/protocol'

const HARNESS_PATH = fileURLToPath(new URL('../../core/harness.py', import.meta.url))
const MARKER = '\n@@harness-result@@'
const READY = '@@harness-ready@@'
const STAGE = /@@stage:(load|call)@@/g
/** Python's own start-up is not the learner's time, but it is not unlimited either. */
const STARTUP_LIMIT_MS = 30_000
const STDOUT_CAP = 1024 * 1024
/** Processes kept waiting while idle: enough for any exercise's cases. */
const SPARES = 10

/** Run every case as this user, with at most `maxProcesses` processes (tests of hostile code). */
export interface Unprivileged { uid: number, gid: number, maxProcesses: number }

export interface CpythonOptions {
  /** The interpreter; default: the real binary behind `python3` (or $PYTHON). */
  python?: string
  unprivileged?: Unprivileged
}

let interpreter: string | undefined

/** The real interpreter behind `python3` (or $PYTHON): version-manager shims are slow to start. */
export function pythonCommand(): string {
  interpreter ??= execFileSync(process.env.PYTHON ?? 'python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim()
  return interpreter
}

interface Spare { child: ChildProcessWithoutNullStreams, folder: string }

export function createCpythonRuntime(options: CpythonOptions = {}): Runtime {
  const python = options.python ?? pythonCommand()
  const parallel = availableParallelism()
  let version: string | undefined
  let closed = false
  const spares: Spare[] = []
  const live = new Set<Spare>()

  function startProcess(): Spare {
    const folder = mkdtempSync(join(tmpdir(), 'os-workshop-case-'))
    const { unprivileged } = options
    if (unprivileged)
      chownSync(folder, unprivileged.uid, unprivileged.gid)
    // -I: isolated from the user's environment and site-packages; -S: no site module at all
    const pythonArgs = [python, '-I', '-S', '-X', 'utf8', HARNESS_PATH]
    const [command, ...args] = unprivileged
      ? ['prlimit', `--nproc=${unprivileged.maxProcesses}:${unprivileged.maxProcesses}`, '--', 'setpriv', `--reuid=${unprivileged.uid}`, `--regid=${unprivileged.gid}`, '--clear-groups', ...pythonArgs]
      : pythonArgs
    const child = spawn(command, args, {
      cwd: folder,
      detached: true, // its own process group: a time-out kills everything it started
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: folder, LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const spare = { child, folder }
    live.add(spare)
    child.on('close', () => {
      live.delete(spare)
      rmSync(folder, { recursive: true, force: true })
    })
    child.stdin.on('error', () => {}) // a learner's early exit closes the pipe
    return spare
  }

  /** A waiting process for the next case, or a new one when none is left. */
  const take = (): Spare => spares.shift() ?? startProcess()

  /** Starts spares once nothing runs, so starting them never slows a case down. */
  let refill: ReturnType<typeof setTimeout> | undefined
  function refillWhenIdle() {
    clearTimeout(refill)
    refill = setTimeout(() => {
      if (closed || free < parallel)
        return
      while (spares.length < SPARES) spares.push(startProcess())
    }, 50)
  }

  // As many cases at once as there are cores: more would eat into each case's time limit.
  let free = parallel
  const waiting: (() => void)[] = []
  const slot = () => new Promise<void>((resolve) => {
    if (free > 0) {
      free--
      resolve()
    }
    else {
      waiting.push(resolve)
    }
  })
  const release = () => {
    const next = waiting.shift()
    if (next)
      next()
    else free++
    refillWhenIdle()
  }
  refillWhenIdle()

  return {
    name: 'cpython',
    parallel,
    async version() {
      version ??= execFileSync(python, ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' }).trim()
      return version
    },
    async runCase(request, signal) {
      await slot()
      try {
        return await runInProcess(take(), request, signal)
      }
      finally {
        release()
      }
    },
    async close() {
      closed = true
      clearTimeout(refill)
      for (const spare of live) kill(spare.child.pid)
      spares.length = 0
    },
  }
}

function runInProcess({ child }: Spare, request: CaseRequest, signal?: AbortSignal): Promise<Observation> {
  let stdout = ''
  let stderr = ''
  let stage: Stage | undefined
  let ended: 'timeout' | 'stop' | undefined
  let started = false
  const stop = (why: 'timeout' | 'stop') => {
    ended = why
    kill(child.pid)
  }
  let timer = setTimeout(stop, STARTUP_LIMIT_MS, 'timeout')
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (stdout.length < STDOUT_CAP)
      stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 4096)
      stderr += chunk
    for (const match of chunk.matchAll(STAGE)) stage = match[1] as Stage
    if (!started && stderr.includes(READY)) {
      started = true
      clearTimeout(timer)
      timer = setTimeout(stop, request.timeoutS * 1000, 'timeout')
    }
  })
  const onAbort = () => stop('stop')
  signal?.addEventListener('abort', onAbort, { once: true })
  child.stdin.end(JSON.stringify({ source: request.source, call: request.call, case: request.case }))

  return new Promise((resolve) => {
    const finish = (code: number | null, signalName: NodeJS.Signals | null) => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      const at = stdout.lastIndexOf(MARKER)
      if (ended === 'stop')
        resolve({ limit: 'interrupted', detail: STOPPED, stage })
      else if (ended === 'timeout')
        resolve({ limit: 'timeout', stage })
      else if (at >= 0)
        resolve(JSON.parse(stdout.slice(at + MARKER.length)) as Observation)
      else if (stdout.length >= STDOUT_CAP)
        resolve({ limit: 'output', stage })
      else resolve({ limit: 'crash', stage, detail: signalName ? `killed by ${signalName}` : `exit code ${code}${stderr ? `, ${lastLine(stderr.replace(READY, '').replace(STAGE, ''))}` : ''}` })
    }
    if (child.exitCode !== null || child.signalCode !== null)
      finish(child.exitCode, child.signalCode)
    else child.on('close', finish)
  })
}

function kill(pid: number | undefined) {
  if (!pid)
    return
  try {
    process.kill(-pid, 'SIGKILL') // the whole process group
  }
  catch {}
}

const lastLine = (text: string) => text.trim().split('\n').pop() ?? ''
