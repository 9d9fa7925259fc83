// What the CLI asked for, handed to vitest's processes through one environment variable.
import type { RuntimeName } from './runtimes/types'

export interface GradeOptions {
  runtime: RuntimeName
  solutions: boolean
  ids: string[]
  watch: boolean
}

const VARIABLE = 'OS_WORKSHOP_GRADE'

export function encodeOptions(options: GradeOptions): Record<string, string> {
  return { [VARIABLE]: JSON.stringify(options) }
}

export function readOptions(): GradeOptions {
  const raw = process.env[VARIABLE]
  return raw ? JSON.parse(raw) as GradeOptions : { runtime: 'pyodide', solutions: false, ids: [], watch: false }
}

/** What the test file needs to know about each selected exercise. */
export interface ExerciseOutline {
  id: string
  number: string
  title: string
  taskPath: string
  cases: string[]
}

declare module 'vitest' {
  export interface ProvidedContext {
    grader: { url: string, runtime: string, python: string, exercises: ExerciseOutline[] }
  }
}
