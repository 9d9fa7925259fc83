// Shapes shared by the deck's Python client, its worker and the runner.
import type { Observation } from '../../grader/judge'
import type { Case } from '../../grader/spec'

export type FileValue = string | { size: number }
export type Tree = Record<string, FileValue>

/** What `run_script_json` in grader/harness.py reports about one run. */
export interface RunReport {
  python?: string
  output: string
  output_truncated: boolean
  exception?: { type: string, message: string, traceback: string }
  limit?: 'output' | 'interrupted'
  exit_code?: string
  tree_before: Tree
  tree_after: Tree
}

/** The client's answer: the harness report, or why there is none. */
export type RunResult =
  | { status: 'done', report: RunReport, ms: number }
  /**
   * stopped by the Stop button or the time limit; `how` says what it took:
   * KeyboardInterrupt, a fresh worker, or nothing (stopped while still waiting to start)
   */
  | { status: 'stopped', reason: 'stop' | 'timeout', how: 'interrupt' | 'restart' | 'cancelled', report?: RunReport, ms: number }
  | { status: 'failed', message: string, ms: number }

export type ToWorker =
  | { type: 'init', indexURL: string, interrupt?: SharedArrayBuffer }
  | { type: 'run', id: number, source: string, tree: Tree }
  /** one case of an exercise, run by grader/runtimes/pyodide-case.js (`runCase`) */
  | { type: 'case', id: number, source: string, call: string, case: Case }

export type FromWorker =
  | { type: 'ready', version: string, ms: number }
  | { type: 'failed', message: string }
  | { type: 'result', id: number, report?: RunReport, error?: string }
  | { type: 'observation', id: number, observation?: Observation, error?: string }

/** What a live block shows; changes while the run goes on. */
export interface LiveState {
  /** counts the runs of the page: tells one run's output from the next */
  run: number
  phase: 'loading' | 'running' | 'finished'
  result?: RunResult
  /** the slide's folder before the run */
  tree: Tree
  /** printed output the slide promises, shown when Python could not run (print only) */
  fallback?: string
  stop?: () => void
}
