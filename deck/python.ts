// The page's side of the live Python: one Web Worker with Pyodide, loaded in the
// background as soon as the deck opens, one run at a time, with a time limit and Stop.
//
// Stopping: when the page is cross-origin isolated, a SharedArrayBuffer lets us
// raise KeyboardInterrupt inside the running script (Pyodide's interrupt buffer).
// If that is not available, or the script swallows the interrupt, the worker is
// terminated and a fresh one is started, so the deck never freezes.
import type { Observation } from '../../grader/judge'
import type { Case } from '../../grader/spec'
import type { FromWorker, RunResult, Tree } from './types'

export type PythonStatus = 'idle' | 'loading' | 'ready' | 'failed'

export interface RunRequest {
  source: string
  tree?: Tree
  /** time limit in seconds, counted from the moment the script starts (default 5) */
  timeoutS?: number
}

export interface RunHandle {
  result: Promise<RunResult>
  /** Stops this run (or takes it out of the queue). */
  stop: () => void
}

/** One case of an exercise: what the terminal grader's runtimes get (grader/runtimes/types.ts). */
export interface CaseRunRequest {
  source: string
  call: string
  case: Case
  /** the case's time limit in seconds, counted from the moment it is handed to Python */
  timeoutS: number
}

export interface CaseHandle {
  /**
   * What harness.py observed, as `judgeCase` expects it. Never rejects: a case that ran
   * out of time is `{ limit: 'timeout' }` (or the harness's report with that limit),
   * a Stop gives `limit: 'interrupted'` with `detail: 'stopped'`, and a broken
   * worker `{ limit: 'crash', detail }`, as in grader/runtimes/pyodide.ts.
   */
  result: Promise<Observation>
  stop: () => void
}

/** `detail` of an observation that ended because the learner pressed Stop. */
export const STOPPED = 'stopped'

type WorkerAnswer = Extract<FromWorker, { type: 'result' | 'observation' }> | { error: 'restarted' }

/** How long an interrupted script may take to give up before its worker is replaced. */
const INTERRUPT_GRACE_MS = 400
const SIGINT = 2

function indexURL(): string {
  const base = import.meta.env.BASE_URL ?? '/'
  return new URL(`${base.replace(/\/?$/, '/')}pyodide/`, location.href).href
}

class PythonClient {
  status: PythonStatus = 'idle'
  version = ''
  /** milliseconds the current worker took to load */
  loadMs = 0
  private worker?: Worker
  private interrupt?: Int32Array
  private ready?: Promise<void>
  private nextId = 0
  private pending = new Map<number, (m: WorkerAnswer) => void>()
  private queue: Promise<unknown> = Promise.resolve()
  private listeners = new Set<(status: PythonStatus) => void>()

  get isolated(): boolean {
    return typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated
  }

  onStatus(listener: (status: PythonStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private setStatus(status: PythonStatus) {
    this.status = status
    if (typeof document !== 'undefined')
      document.documentElement.dataset.python = status
    for (const listener of this.listeners) listener(status)
  }

  /** Starts the worker if it is not running; resolves when Python is ready. */
  preload(): Promise<void> {
    if (this.ready)
      return this.ready
    this.setStatus('loading')
    if (typeof document !== 'undefined')
      document.documentElement.dataset.pythonStartedAt = String(Math.round(performance.now()))
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' })
    this.worker = worker
    let buffer: SharedArrayBuffer | undefined
    if (this.isolated && typeof SharedArrayBuffer !== 'undefined') {
      buffer = new SharedArrayBuffer(4)
      this.interrupt = new Int32Array(buffer)
    }
    else {
      this.interrupt = undefined
    }
    const ready = new Promise<void>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data
        if (message.type === 'ready') {
          this.version = message.version
          this.loadMs = message.ms
          if (typeof document !== 'undefined')
            document.documentElement.dataset.pythonLoadMs = String(Math.round(message.ms))
          this.setStatus('ready')
          resolve()
        }
        else if (message.type === 'failed') {
          this.setStatus('failed')
          reject(new Error(message.message))
        }
        else if (message.type === 'result' || message.type === 'observation') {
          const done = this.pending.get(message.id)
          this.pending.delete(message.id)
          done?.(message)
        }
      }
      worker.onerror = (event) => {
        event.preventDefault()
        this.setStatus('failed')
        reject(new Error(event.message || 'the Python worker could not start'))
      }
    })
    ready.catch(() => {
      // a later preload() tries again with a fresh worker
      if (this.worker === worker) {
        worker.terminate()
        this.worker = undefined
        this.ready = undefined
      }
    })
    worker.postMessage({ type: 'init', indexURL: indexURL(), interrupt: buffer })
    this.ready = ready
    return ready
  }

  /** Throws the worker away (a runaway script) and starts a fresh one. */
  restart() {
    this.worker?.terminate()
    this.worker = undefined
    this.ready = undefined
    for (const [, done] of this.pending) done({ error: 'restarted' })
    this.pending.clear()
    this.preload().catch(() => {})
  }

  /** Queues one script; the result says what happened, it never rejects. */
  start(request: RunRequest): RunHandle {
    let stopRequested: (() => void) | undefined
    let stoppedEarly = false
    const started = performance.now()
    const result = this.queue.then(() => this.execute(request, started, (stop) => {
      stopRequested = stop
      if (stoppedEarly)
        stop()
    }))
    this.queue = result.catch(() => {})
    return {
      result,
      stop: () => {
        stoppedEarly = true
        stopRequested?.()
      },
    }
  }

  run(request: RunRequest): Promise<RunResult> {
    return this.start(request).result
  }

  /** Queues one exercise case (same queue as the live blocks: one run at a time). */
  startCase(request: CaseRunRequest): CaseHandle {
    let stopRequested: (() => void) | undefined
    let stoppedEarly = false
    const result = this.queue.then(() => this.executeCase(request, (stop) => {
      stopRequested = stop
      if (stoppedEarly)
        stop()
    }))
    this.queue = result.catch(() => {})
    return {
      result,
      stop: () => {
        stoppedEarly = true
        stopRequested?.()
      },
    }
  }

  /** Runs one exercise case and resolves with the harness's observation. */
  runCase(request: CaseRunRequest): Promise<Observation> {
    return this.startCase(request).result
  }

  private async execute(request: RunRequest, started: number, onStoppable: (stop: () => void) => void): Promise<RunResult> {
    let stopped: 'stop' | 'timeout' | undefined
    let cancelWait: (() => void) | undefined
    // a Stop while Python is still loading takes the run out of the queue
    onStoppable(() => {
      stopped = 'stop'
      cancelWait?.()
    })
    try {
      await Promise.race([this.preload(), new Promise<void>(resolve => (cancelWait = resolve))])
    }
    catch (error: any) {
      return { status: 'failed', message: `Python could not start: ${error?.message ?? error}`, ms: performance.now() - started }
    }
    if (stopped)
      return { status: 'stopped', reason: 'stop', how: 'cancelled', ms: performance.now() - started }

    const worker = this.worker!
    const interrupt = this.interrupt
    if (interrupt)
      Atomics.store(interrupt, 0, 0)
    const id = ++this.nextId
    const answer = new Promise<WorkerAnswer>(resolve => this.pending.set(id, resolve))
    worker.postMessage({ type: 'run', id, source: request.source, tree: request.tree ?? {} })

    let finish!: (result: RunResult) => void
    const outcome = new Promise<RunResult>(resolve => (finish = resolve))
    let settled = false
    const settle = (result: RunResult) => {
      if (!settled) {
        settled = true
        finish(result)
      }
    }
    const halt = (reason: 'stop' | 'timeout') => {
      if (settled || stopped)
        return
      stopped = reason
      if (interrupt) {
        Atomics.store(interrupt, 0, SIGINT)
        setTimeout(() => {
          if (!settled && this.worker === worker) {
            this.restart()
            settle({ status: 'stopped', reason, how: 'restart', ms: performance.now() - started })
          }
        }, INTERRUPT_GRACE_MS)
      }
      else {
        this.restart()
        settle({ status: 'stopped', reason, how: 'restart', ms: performance.now() - started })
      }
    }
    onStoppable(() => halt('stop'))
    const timer = setTimeout(() => halt('timeout'), (request.timeoutS ?? 5) * 1000)
    answer.then((message) => {
      const ms = performance.now() - started
      if (message.error === 'restarted')
        return settle({ status: 'stopped', reason: stopped ?? 'stop', how: 'restart', ms })
      if (!('type' in message) || message.type !== 'result' || message.error || !message.report)
        return settle({ status: 'failed', message: message.error || 'no report', ms })
      if (stopped || message.report.limit === 'interrupted')
        return settle({ status: 'stopped', reason: stopped ?? 'stop', how: 'interrupt', report: message.report, ms })
      settle({ status: 'done', report: message.report, ms })
    })
    try {
      return await outcome
    }
    finally {
      clearTimeout(timer)
      if (interrupt)
        Atomics.store(interrupt, 0, 0)
    }
  }
  /**
   * Like `execute`, for one exercise case. The time limit works as in the terminal
   * grader (grader/runtimes/pyodide.ts): KeyboardInterrupt when the page is
   * cross-origin isolated, and a fresh worker when that is not possible or not enough.
   */
  private async executeCase(request: CaseRunRequest, onStoppable: (stop: () => void) => void): Promise<Observation> {
    let stopped: 'stop' | 'timeout' | undefined
    let cancelWait: (() => void) | undefined
    onStoppable(() => {
      stopped = 'stop'
      cancelWait?.()
    })
    try {
      await Promise.race([this.preload(), new Promise<void>(resolve => (cancelWait = resolve))])
    }
    catch (error: any) {
      return { limit: 'crash', detail: `Python could not start: ${error?.message ?? error}` }
    }
    const ended = (reason: 'stop' | 'timeout'): Observation =>
      reason === 'timeout' ? { limit: 'timeout' } : { limit: 'interrupted', detail: STOPPED }
    if (stopped)
      return ended(stopped)

    const worker = this.worker!
    const interrupt = this.interrupt
    if (interrupt)
      Atomics.store(interrupt, 0, 0)
    const id = ++this.nextId
    const answer = new Promise<WorkerAnswer>(resolve => this.pending.set(id, resolve))
    worker.postMessage({ type: 'case', id, source: request.source, call: request.call, case: request.case })

    let finish!: (seen: Observation) => void
    const outcome = new Promise<Observation>(resolve => (finish = resolve))
    let settled = false
    const settle = (seen: Observation) => {
      if (!settled) {
        settled = true
        finish(seen)
      }
    }
    const halt = (reason: 'stop' | 'timeout') => {
      if (settled || stopped)
        return
      stopped = reason
      if (interrupt) {
        Atomics.store(interrupt, 0, SIGINT)
        setTimeout(() => {
          if (!settled && this.worker === worker) {
            this.restart()
            settle(ended(reason))
          }
        }, INTERRUPT_GRACE_MS)
      }
      else {
        this.restart()
        settle(ended(reason))
      }
    }
    onStoppable(() => halt('stop'))
    const timer = setTimeout(() => halt('timeout'), request.timeoutS * 1000)
    answer.then((message) => {
      if (message.error === 'restarted')
        return settle(ended(stopped ?? 'stop'))
      if (!('type' in message) || message.type !== 'observation' || message.error || !message.observation)
        return settle({ limit: 'crash', detail: message.error || 'the Python worker sent no observation' })
      const seen = message.observation
      if (stopped && seen.limit === 'interrupted')
        return settle(stopped === 'timeout' ? { ...seen, limit: 'timeout' } : { ...seen, detail: STOPPED })
      settle(seen)
    })
    try {
      return await outcome
    }
    finally {
      clearTimeout(timer)
      if (interrupt)
        Atomics.store(interrupt, 0, 0)
    }
  }
}

/** The deck's one Python. */
export const python = new PythonClient()

/** Starts loading Python in the background, without blocking the page. */
export function preloadPython() {
  if (typeof window === 'undefined' || typeof Worker === 'undefined')
    return
  // the worker has its own thread: start right away, next to the page's own loading
  setTimeout(() => python.preload().catch(() => {}), 0)
}
