// The grading report: one shape for the terminal, --json and the tests.
// Field names and the 500-character output cap follow Exercism's results.json.
import type { ExerciseVerdict } from './grade'
import type { Status } from './judge'
import type { Profile } from './profiles'

export const OUTPUT_CAP = 500
const TRUNCATED = '… (output truncated to 500 characters)'

interface TestResult {
  name: string
  status: Status
  message: string | null
  output: string | null
  /** how the case went as each house it ran as, e.g. {"linux": "pass", "windows": "fail"} */
  profiles?: Partial<Record<Profile, Status>>
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

/** One exercise as graded: its verdict, or the problem that kept it from being graded. */
export interface ExerciseRun {
  id: string
  title: string
  verdict: ExerciseVerdict
  /** Not gradable whatever task.py holds (a broken spec, a task.py that is not there): its problem says what to do. */
  blocked?: boolean
}

export function capOutput(output: string): string | null {
  if (!output)
    return null
  return output.length <= OUTPUT_CAP ? output : output.slice(0, OUTPUT_CAP - TRUNCATED.length) + TRUNCATED
}

export function exerciseResult({ id, title, verdict }: ExerciseRun): ExerciseResult {
  const tests: TestResult[] = verdict.cases.map(v => ({
    name: v.name,
    status: v.status,
    message: v.status === 'pass' ? null : v.message,
    output: capOutput(v.output),
    ...(v.profiles ? { profiles: v.profiles } : {}),
  }))
  const passed = tests.filter(t => t.status === 'pass').length
  const message = verdict.problem ?? (verdict.status === 'pass' ? null : `${passed} of ${tests.length} cases pass`)
  return { id, title, status: verdict.status, message, tests }
}

export function buildReport(runtime: string, exercises: ExerciseResult[], problem?: string): Report {
  const status: Status = problem ? 'error' : exercises.every(e => e.status === 'pass') ? 'pass' : 'fail'
  return { version: 2, status, message: problem ?? null, runtime, exercises }
}
