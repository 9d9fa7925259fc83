// The harness's JSON contract (what goes into core/harness.py and what comes out),
// the messages of the Pyodide worker, and what a runtime is.
import type { Case, Tree } from './spec'

/** One case of an exercise, for one runtime. */
export interface CaseRequest {
  source: string
  call: string
  case: Case
  /** seconds, counted from the moment Python starts on the case */
  timeoutS: number
}

/** A slide's script (a live block), run in a fresh folder seeded with `tree`. */
export interface ScriptRequest {
  source: string
  tree: Tree
  timeoutS: number
}

export interface DescribedValue { value?: unknown, repr: string, type?: string }
export interface PythonError { type: string, message: string, traceback: string }

/** Where a run was: loading task.py, or calling the learner's function. */
export type Stage = 'load' | 'call'

/** What one run of one case looked like, as reported by harness.py (or by the runtime). */
export interface Observation {
  stage?: Stage
  missing?: string
  returned?: DescribedValue
  expected_return?: DescribedValue
  exception?: PythonError
  limit?: 'timeout' | 'output' | 'exit' | 'interrupted' | 'blocked' | 'memory' | 'crash'
  exit_call?: string
  exit_code?: string
  output?: string
  output_truncated?: boolean
  tree_before?: Tree
  tree_after?: Tree
  cwd_after?: string | null
  /** Set by a runtime when Python itself could not report (crash, timeout, Stop). */
  detail?: string
}

/** What `run_script` in harness.py reports about one slide script. */
export interface ScriptReport {
  python?: string
  output: string
  output_truncated: boolean
  exception?: PythonError
  limit?: 'output' | 'interrupted'
  exit_code?: string
  tree_before: Tree
  tree_after: Tree
}

/** `detail` of an observation that ended because the learner pressed Stop. */
export const STOPPED = 'stopped'

export const RUNTIMES = ['pyodide', 'cpython'] as const
export type RuntimeName = typeof RUNTIMES[number]

/** Somewhere that runs harness.py: Pyodide (Node or browser) or the machine's CPython. */
export interface Runtime {
  readonly name: RuntimeName
  /** How many cases may run side by side without eating into each other's time limit. */
  readonly parallel: number
  /** Python's version, e.g. "3.14.2". */
  version: () => Promise<string>
  /** Never rejects: a crash, a time-out or a Stop (`signal`) is part of the observation. */
  runCase: (request: CaseRequest, signal?: AbortSignal) => Promise<Observation>
  close: () => Promise<void>
}

/** Messages to the Pyodide worker (core/python/worker-loop.js). */
export type ToWorker
  = | { type: 'init', indexURL: string, shared?: SharedArrayBuffer }
    | { type: 'case', id: number, request: Omit<CaseRequest, 'timeoutS'> }
    | { type: 'script', id: number, request: Omit<ScriptRequest, 'timeoutS'> }

/** Messages from the Pyodide worker. */
export type FromWorker
  = | { type: 'ready', version: string }
    | { type: 'failed', message: string }
    /** sent while the run goes on, so a host that must kill the worker knows where it was */
    | { type: 'stage', id: number, stage: Stage }
    | { type: 'done', id: number, report: Observation | ScriptReport }
    | { type: 'error', id: number, message: string }
