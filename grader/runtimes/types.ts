import type { Observation } from '../judge'
import type { Case } from '../spec'

export interface CaseRequest {
  source: string
  call: string
  case: Case
  timeoutS: number
}

export interface Runtime {
  readonly name: 'pyodide' | 'cpython'
  /** Python's version, once known, e.g. "3.14.2". */
  version(): Promise<string>
  runCase(request: CaseRequest): Promise<Observation>
  close(): Promise<void>
}

export const RUNTIMES = ['pyodide', 'cpython'] as const
export type RuntimeName = typeof RUNTIMES[number]
