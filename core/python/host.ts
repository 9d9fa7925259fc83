// The one host of the Pyodide worker, for Node and the browser alike: one run at a
// time, a time limit, Stop, and a fresh worker when a run will not stop.
//
// Stopping: with shared memory, the host raises KeyboardInterrupt inside the run
// (Pyodide's interrupt buffer) and waits a short grace; a run that swallows it, or a
// platform without shared memory, gets its worker terminated and a fresh one started.

import type { Profile } from '../profiles'
import type { CaseRequest, EvaluatedValue, FromWorker, Observation, RunResult, ScriptRequest, Stage, ToWorker } from '../protocol'
import { readEvaluated, readObservation, scriptResult } from '../observation'
import { STOPPED } from '../protocol'

/** A running worker, as the platform gives it (worker_threads or a Web Worker). */
export interface WorkerPort {
  post: (message: ToWorker) => void
  /** `onFailure` is called once if the worker dies (an error it did not catch, out of memory, exit). */
  listen: (onMessage: (message: FromWorker) => void, onFailure: (error: string) => void) => void
  terminate: () => void
}

interface HostAdapter {
  /** Where Pyodide's files are (a folder in Node, a URL in the browser). */
  indexURL: string
  /** false where SharedArrayBuffer is missing (a page without cross-origin isolation). */
  canShareMemory: boolean
  spawn: () => WorkerPort
  /** Keeps a snapshot a worker made before it ran anything (later ones are never trusted). */
  keepSnapshot?: (bytes: Uint8Array) => void
}

interface HostOptions {
  /** How long a run may ignore KeyboardInterrupt before its worker is replaced. */
  graceMs?: number
  /** Start a fresh worker at once after one was replaced (false: only when needed). */
  restart?: boolean
}

type HostStatus = 'idle' | 'loading' | 'ready' | 'failed'

/** How long the spec's expressions may take. */
const EVALUATE_LIMIT_S = 10

type Outcome
  = | { kind: 'done', report: unknown }
    | { kind: 'stopped', reason: 'stop' | 'timeout', how: 'interrupt' | 'restart' | 'cancelled', report?: unknown, stage?: Stage }
    | { kind: 'failed', message: string }

type Answer = FromWorker | { type: 'lost', message: string }

/** A run to hand to the worker, before it gets its id. */
type Job = Omit<Extract<ToWorker, { type: 'case' | 'script' | 'evaluate' }>, 'id'>

interface LiveWorker {
  port: WorkerPort
  interrupt?: Int32Array
  /** the stage each run in progress has reached */
  stages: Map<number, Stage>
  ready: Promise<void>
  pending: Map<number, (answer: Answer) => void>
  gone: boolean
}

const SIGINT = 2

export function createPythonHost(adapter: HostAdapter, { graceMs = 400, restart = true }: HostOptions = {}) {
  let current: LiveWorker | undefined
  let queue: Promise<unknown> = Promise.resolve()
  let nextId = 0
  let closed = false
  let status: HostStatus = 'idle'
  const listeners = new Set<(status: HostStatus) => void>()
  const setStatus = (next: HostStatus) => {
    status = next
    listeners.forEach(listener => listener(next))
  }

  function boot(): LiveWorker {
    const shared = adapter.canShareMemory ? new SharedArrayBuffer(4) : undefined
    const port = adapter.spawn()
    let settle!: { resolve: () => void, reject: (error: Error) => void }
    const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }))
    const worker: LiveWorker = {
      port,
      interrupt: shared && new Int32Array(shared),
      stages: new Map(),
      ready,
      pending: new Map(),
      gone: false,
    }
    let started = false
    port.listen((message) => {
      if (message.type === 'ready') {
        started = true
        settle.resolve()
      }
      else if (message.type === 'snapshot') {
        if (!started && message.bytes instanceof Uint8Array)
          adapter.keepSnapshot?.(message.bytes)
      }
      else if (message.type === 'failed') {
        settle.reject(new Error(message.message))
      }
      else if (message.type === 'stage') {
        worker.stages.set(message.id, message.stage)
      }
      else {
        worker.pending.get(message.id)?.(message)
      }
    }, (error) => {
      settle.reject(new Error(error))
      discard(worker, error)
    })
    ready.then(() => current === worker && setStatus('ready'), () => {
      if (current === worker)
        setStatus('failed')
      discard(worker, 'Python could not start')
    })
    setStatus('loading')
    port.post({ type: 'init', indexURL: adapter.indexURL, shared })
    return worker
  }

  function discard(worker: LiveWorker, why: string) {
    if (worker.gone)
      return
    worker.gone = true
    worker.port.terminate()
    if (current === worker)
      current = undefined
    for (const answer of worker.pending.values()) answer({ type: 'lost', message: why })
    worker.pending.clear()
  }

  /** Starts a worker if there is none; resolves with it once Python is ready. */
  async function ready(): Promise<LiveWorker> {
    if (closed)
      throw new Error('the Python host is closed')
    current ??= boot()
    const worker = current
    await worker.ready
    return worker
  }

  async function execute(job: Job, timeoutS: number, signal?: AbortSignal): Promise<Outcome> {
    const cancelled: Outcome = { kind: 'stopped', reason: 'stop', how: 'cancelled' }
    if (signal?.aborted)
      return cancelled
    let worker: LiveWorker
    let stopWaiting = () => {}
    try {
      const aborted = new Promise<undefined>((resolve) => {
        const onAbort = () => resolve(undefined)
        signal?.addEventListener('abort', onAbort, { once: true })
        stopWaiting = () => signal?.removeEventListener('abort', onAbort)
      })
      const got = await Promise.race([ready(), aborted])
      if (!got)
        return cancelled
      worker = got
    }
    catch (error) {
      return { kind: 'failed', message: `Python could not start: ${(error as Error).message}` }
    }
    finally {
      stopWaiting() // one listener per run, gone once Python is there
    }
    if (worker.interrupt)
      Atomics.store(worker.interrupt, 0, 0)
    const id = ++nextId
    return new Promise<Outcome>((resolve) => {
      let stopped: 'stop' | 'timeout' | undefined
      let graceTimer: ReturnType<typeof setTimeout> | undefined
      const finish = (outcome: Outcome) => {
        clearTimeout(limitTimer)
        clearTimeout(graceTimer)
        signal?.removeEventListener('abort', onAbort)
        worker.pending.delete(id)
        worker.stages.delete(id)
        resolve(outcome)
      }
      const replace = (reason: 'stop' | 'timeout') => {
        const stage = worker.stages.get(id)
        finish({ kind: 'stopped', reason, how: 'restart', stage })
        discard(worker, 'stopped')
        if (!closed && restart)
          void ready().catch(() => {}) // the next run finds Python warm again
      }
      const halt = (reason: 'stop' | 'timeout') => {
        if (stopped)
          return
        stopped = reason
        if (!worker.interrupt)
          return replace(reason)
        Atomics.store(worker.interrupt, 0, SIGINT)
        graceTimer = setTimeout(() => replace(reason), graceMs)
      }
      const onAbort = () => halt('stop')
      worker.pending.set(id, (answer) => {
        if (answer.type === 'lost')
          finish(stopped ? { kind: 'stopped', reason: stopped, how: 'restart' } : { kind: 'failed', message: answer.message })
        else if (answer.type === 'error')
          finish({ kind: 'failed', message: answer.message })
        else if (answer.type === 'done')
          finish(stopped ? { kind: 'stopped', reason: stopped, how: 'interrupt', report: answer.report } : { kind: 'done', report: answer.report })
      })
      signal?.addEventListener('abort', onAbort, { once: true })
      const limitTimer = setTimeout(() => halt('timeout'), timeoutS * 1000)
      worker.port.post({ ...job, id } as ToWorker)
    })
  }

  /** One run at a time, in the order asked. */
  function enqueue(job: Job, timeoutS: number, signal?: AbortSignal): Promise<Outcome> {
    const outcome = queue.then(() => execute(job, timeoutS, signal))
    queue = outcome.catch(() => {})
    return outcome
  }

  return {
    get status() { return status },
    onStatus(listener: (status: HostStatus) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Starts Python in the background; resolves once it is ready. */
    preload: async (): Promise<void> => {
      await ready()
    },
    async runCase({ run, timeoutS }: CaseRequest, signal?: AbortSignal): Promise<Observation> {
      const outcome = await enqueue({ type: 'case', request: run }, timeoutS, signal)
      if (outcome.kind === 'done')
        return readObservation(outcome.report)
      if (outcome.kind === 'failed')
        return /memory/i.test(outcome.message) ? { ending: 'memory' } : { ending: 'crash', detail: outcome.message }
      const seen = outcome.report === undefined ? {} : readObservation(outcome.report)
      if (outcome.reason === 'stop')
        return { ...seen, ending: 'interrupted', detail: STOPPED }
      return { ...seen, ending: 'timeout', stage: seen.stage ?? outcome.stage }
    },
    async runScript({ source, tree, timeoutS, profile }: ScriptRequest, signal?: AbortSignal): Promise<RunResult> {
      const outcome = await enqueue({ type: 'script', request: { source, tree, ...(profile ? { profile } : {}) } }, timeoutS, signal)
      if (outcome.kind === 'done')
        return scriptResult(outcome.report)
      if (outcome.kind === 'failed')
        return { status: 'failed', message: outcome.message }
      const stopped = { status: 'stopped', reason: outcome.reason, how: outcome.how } as const
      if (outcome.report === undefined)
        return stopped
      const read = scriptResult(outcome.report)
      return read.status === 'failed' ? read : { ...stopped, report: read.report }
    },
    /** The spec's `return_expr` values; throws when Python cannot work them out. */
    async evaluate(expressions: string[], profile: Profile = 'linux'): Promise<EvaluatedValue[]> {
      const outcome = await enqueue({ type: 'evaluate', request: { expressions, profile } }, EVALUATE_LIMIT_S)
      if (outcome.kind !== 'done')
        throw new Error(outcome.kind === 'failed' ? outcome.message : `the spec's expressions took longer than ${EVALUATE_LIMIT_S} s`)
      return readEvaluated(outcome.report, expressions.length)
    },
    async close() {
      closed = true
      if (current)
        discard(current, 'closed')
      setStatus('idle')
    },
  }
}

export type PythonHost = ReturnType<typeof createPythonHost>
