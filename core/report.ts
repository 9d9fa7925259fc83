// The grading report: one shape for the terminal, --json and the tests.
// Field names and the 500-character output cap follow Exercism's results.json.
import type { CaseVerdict, Status } from './judge'

export const OUTPUT_CAP = 500
const TRUNCATED = '… (output truncated to 500 characters)'

export interface TestResult {
  name: string
  status: Status
  message: string | null
  output: string | null
}

export interface ExerciseResult {
  id: string
  title: string
  status: Status
  message: string | null
  tests: TestResult[]
}

export interface Report {
  version: 2
  status: Status
  message: string | null
  runtime: string
  exercises: ExerciseResult[]
}

export interface ExerciseRun { id: string, title: string, verdicts: (CaseVerdict | undefined)[], names: string[] }

export function capOutput(output: string): string | null {
  if (!output) return null
  return output.length <= OUTPUT_CAP ? output : output.slice(0, OUTPUT_CAP - TRUNCATED.length) + TRUNCATED
}

export function exerciseResult(run: ExerciseRun): ExerciseResult {
  const tests: TestResult[] = run.names.map((name, i) => {
    const v = run.verdicts[i]
    if (!v) return { name, status: 'error', message: 'this case did not run', output: null }
    return { name, status: v.status, message: v.status === 'pass' ? null : v.message, output: capOutput(v.output) }
  })
  const status: Status = tests.every(t => t.status === 'pass') ? 'pass' : tests.some(t => t.status === 'fail') ? 'fail' : 'error'
  const passed = tests.filter(t => t.status === 'pass').length
  return {
    id: run.id,
    title: run.title,
    status,
    message: status === 'pass' ? null : `${passed} of ${tests.length} cases pass`,
    tests,
  }
}

export function buildReport(runtime: string, exercises: ExerciseResult[], problem?: string): Report {
  const status: Status = problem ? 'error' : exercises.every(e => e.status === 'pass') ? 'pass' : 'fail'
  return { version: 2, status, message: problem ?? null, runtime, exercises }
}
