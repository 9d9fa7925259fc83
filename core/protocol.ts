// The harness's JSON contract (what goes into core/harness/ and what comes out),
// the messages of the Pyodide worker, and what a runtime is.
import type { Profile } from './profiles'
import type { Case, Tree } from './spec'

/**
 * What the learner's interpreter is given for one case: what the call needs, never
 * what is expected of it (the expectations stay on the trusted side).
 */
interface CaseRun {
  source: string
  call: string
  args?: unknown[]
  kwargs?: Record<string, unknown>
  /** the folder the call starts in, relative to the case folder */
  cwd?: string
  env?: Record<string, string>
  deny?: string[]
  tree?: Tree
  ages?: Record<string, number>
  /** files whose age (days since their last modification) to report after the call */
  report_ages?: string[]
  /** a case with a frozen clock: the moment (whole seconds) its ages count from, and time.time() stays at */
  clock?: number
  /** the house the call runs as (left out: Linux) */
  profile?: Profile
}

/** The keys of a Case that may cross into the learner's interpreter. */
const RUN_KEYS = ['args', 'kwargs', 'cwd', 'env', 'deny', 'tree', 'ages'] as const

/** A case as the learner's interpreter gets it: an allowlist, so `expect` can never travel along. */
export function caseRun(source: string, call: string, c: Case, profile: Profile = 'linux'): CaseRun {
  const run: CaseRun = { source, call }
  for (const key of RUN_KEYS) {
    if (c[key] !== undefined)
      (run as unknown as Record<string, unknown>)[key] = c[key]
  }
  if (c.expect.ages) // which files, never their expected ages
    run.report_ages = Object.keys(c.expect.ages)
  if (c.frozen_clock)
    run.clock = Math.floor(Date.now() / 1000)
  if (profile !== 'linux')
    run.profile = profile
  return run
}

/** One case of an exercise, for one runtime. */
export interface CaseRequest {
  run: CaseRun
  /** seconds, counted from the moment Python starts on the case */
  timeoutS: number
}

/** A slide's script (a live block), run in a fresh folder seeded with `tree`. */
export interface ScriptRequest {
  source: string
  tree: Tree
  timeoutS: number
  /** run as on Windows (left out: Linux) */
  profile?: Profile
}

export interface DescribedValue { value?: unknown, repr: string, type?: string }
/** A spec's `return_expr`, worked out in an interpreter where no learner code ran. */
export type EvaluatedValue = DescribedValue | { error: string }
export interface PythonError { type: string, message: string, traceback: string }

/** Where a run was: loading task.py, or calling the learner's function. */
export type Stage = 'load' | 'call'

/** How a run ended when it did not simply return or raise: a limit, an exit, a block, a crash. */
export const ENDINGS = ['timeout', 'output', 'exit', 'interrupted', 'blocked', 'memory', 'crash'] as const
type Ending = typeof ENDINGS[number]

/** What one run of one case looked like, as reported by the harness (or by the runtime). */
export interface Observation {
  stage?: Stage
  missing?: string
  returned?: DescribedValue
  exception?: PythonError
  ending?: Ending
  exit_call?: string
  exit_code?: string
  output?: string
  output_truncated?: boolean
  tree_before?: Tree
  tree_after?: Tree
  /** days since each asked-for file's last modification, after the call (null: not a file) */
  ages_after?: Record<string, number | null>
  cwd_after?: string | null
  /** Set by a runtime when Python itself could not report (crash, timeout, Stop). */
  detail?: string
}

/** What `run_script` in the harness reports about one slide script. */
export interface ScriptReport {
  output: string
  output_truncated: boolean
  exception?: PythonError
  ending?: 'output' | 'interrupted'
  exit_code?: string
  tree_before: Tree
  tree_after: Tree
}

/** What happened to a slide script (a live block). */
export type RunResult
  = | { status: 'done', report: ScriptReport }
  /** `how`: KeyboardInterrupt, a fresh interpreter, or nothing (stopped while still waiting to start) */
    | { status: 'stopped', reason: 'stop' | 'timeout', how: 'interrupt' | 'restart' | 'cancelled', report?: ScriptReport }
    | { status: 'failed', message: string }

/** Characters of output the harness keeps before it stops a run (OUTPUT_CAP in core/harness/observe.py). */
export const HARNESS_OUTPUT_CAP = 64 * 1024

/** `detail` of an observation that ended because the learner pressed Stop. */
export const STOPPED = 'stopped'

export const RUNTIMES = ['pyodide', 'cpython'] as const
export type RuntimeName = typeof RUNTIMES[number]

/** The interpreter(s) of one exercise: never shared with another exercise. */
export interface ExerciseRunner {
  /** How many cases may run side by side without eating into each other's time limit. */
  readonly parallel: number
  /** Never rejects: a crash, a time-out or a Stop (`signal`) is part of the observation. */
  runCase: (request: CaseRequest, signal?: AbortSignal) => Promise<Observation>
  /** The exercise is graded: what ran it is discarded. */
  end: () => void
}

/** Somewhere that runs the harness: Pyodide (Node or browser) or the machine's CPython. */
export interface Runtime {
  readonly name: RuntimeName
  /** The houses its cases can run as: Pyodide imitates both; CPython has its machine's own rules only. */
  readonly profiles: readonly Profile[]
  /** Starts an interpreter ahead of the first exercise; resolves once it is ready. */
  warm: () => Promise<void>
  /** Interpreter(s) for one exercise; waits while as many exercises run as the machine allows. */
  exercise: () => Promise<ExerciseRunner>
  /** Works out `return_expr` values in an interpreter no learner code has run in, as `profile` would. */
  evaluate: (expressions: string[], profile?: Profile) => Promise<EvaluatedValue[]>
  /** A slide's script in an interpreter of its own, as a live block runs it; never rejects for what the script does. */
  runScript: (request: ScriptRequest, signal?: AbortSignal) => Promise<RunResult>
  close: () => Promise<void>
}

/** The spec's expressions, to be worked out as `profile` would. */
interface EvaluateRequest { expressions: string[], profile: Profile }

/** Messages to the Pyodide worker (core/python/worker-loop.js). */
export type ToWorker
  = | { type: 'init', indexURL: string, shared?: SharedArrayBuffer }
    | { type: 'case', id: number, request: CaseRun }
    | { type: 'script', id: number, request: Omit<ScriptRequest, 'timeoutS'> }
    | { type: 'evaluate', id: number, request: EvaluateRequest }

/**
 * Sent by a page before its host is there (the built deck's index.html): start loading
 * Python now; the host's init takes it over.
 */
export interface EarlyLoad { type: 'load', indexURL: string }

/** Messages from the Pyodide worker. */
export type FromWorker
  = | { type: 'ready' }
    | { type: 'failed', message: string }
    /** a memory snapshot of Python with the harness loaded, made before any other code ran */
    | { type: 'snapshot', bytes: Uint8Array }
    /** sent while the run goes on, so a host that must kill the worker knows where it was */
    | { type: 'stage', id: number, stage: Stage }
    | { type: 'done', id: number, report: unknown }
    | { type: 'error', id: number, message: string }
