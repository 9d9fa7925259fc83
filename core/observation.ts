// What an interpreter reports is read defensively: learner code shares that interpreter
// and may have written anything. A report that does not fit the protocol's types becomes
// that case's error, in words; it never reaches the judge half-formed.
import type { DescribedValue, EvaluatedValue, Observation, PythonError, RunResult, ScriptReport } from './protocol'
import type { Tree } from './spec'
import { ENDINGS } from './protocol'

type Fields = Record<string, unknown>

class ReportError extends Error {}

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)

function text(raw: Fields, key: string, optional = true): string | undefined {
  const value = raw[key]
  if (value === undefined && optional)
    return undefined
  if (typeof value !== 'string')
    throw new ReportError(`"${key}" is not text`)
  return value
}

function described(value: unknown, key: string): DescribedValue {
  if (!isObject(value) || typeof value.repr !== 'string' || (value.type !== undefined && typeof value.type !== 'string'))
    throw new ReportError(`"${key}" is not a described value`)
  return 'value' in value ? { value: value.value, repr: value.repr } : { repr: value.repr, type: value.type as string | undefined }
}

function pythonError(value: unknown): PythonError {
  if (!isObject(value))
    throw new ReportError('"exception" is not an error')
  return { type: text(value, 'type', false)!, message: text(value, 'message', false)!, traceback: text(value, 'traceback', false)! }
}

function readTree(value: unknown, key: string): Tree {
  if (!isObject(value))
    throw new ReportError(`"${key}" is not a folder listing`)
  for (const [path, file] of Object.entries(value)) {
    if (typeof file !== 'string' && !(isObject(file) && Number.isInteger(file.size) && Object.keys(file).length === 1))
      throw new ReportError(`"${key}" lists "${path}" as neither text nor a size`)
  }
  return value as Tree
}

/** The fields of an observation the interpreter may report, checked one by one. */
function observation(raw: unknown): Observation {
  if (!isObject(raw))
    throw new ReportError('it is not a JSON object')
  const seen: Observation = {}
  if (raw.stage !== undefined) {
    if (raw.stage !== 'load' && raw.stage !== 'call')
      throw new ReportError('"stage" is neither load nor call')
    seen.stage = raw.stage
  }
  if (raw.ending !== undefined) {
    if (!ENDINGS.includes(raw.ending as never))
      throw new ReportError('"ending" is not one the grader knows')
    seen.ending = raw.ending as Observation['ending']
  }
  for (const key of ['missing', 'exit_call', 'exit_code', 'output', 'detail'] as const) {
    const value = text(raw, key)
    if (value !== undefined)
      seen[key] = value
  }
  if (raw.returned !== undefined)
    seen.returned = described(raw.returned, 'returned')
  if (raw.exception !== undefined)
    seen.exception = pythonError(raw.exception)
  if (raw.output_truncated !== undefined) {
    if (typeof raw.output_truncated !== 'boolean')
      throw new ReportError('"output_truncated" is not true or false')
    seen.output_truncated = raw.output_truncated
  }
  if (raw.cwd_after !== undefined) {
    if (raw.cwd_after !== null && typeof raw.cwd_after !== 'string')
      throw new ReportError('"cwd_after" is not a folder')
    seen.cwd_after = raw.cwd_after
  }
  for (const key of ['tree_before', 'tree_after'] as const) {
    if (raw[key] !== undefined)
      seen[key] = readTree(raw[key], key)
  }
  if (raw.ages_after !== undefined) {
    const ages = raw.ages_after
    if (typeof ages !== 'object' || ages === null || Array.isArray(ages) || Object.values(ages).some(days => days !== null && typeof days !== 'number'))
      throw new ReportError('"ages_after" does not map paths to days')
    seen.ages_after = ages as Record<string, number | null>
  }
  return seen
}

/** The observation in `raw`, or a crash that says what was wrong with it. */
export function readObservation(raw: unknown): Observation {
  try {
    return observation(raw)
  }
  catch (error) {
    return { ending: 'crash', detail: `its report could not be read (${(error as Error).message})` }
  }
}

/** `readObservation` of a JSON text, which may not even be JSON. */
export function parseObservation(json: string): Observation {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  }
  catch {
    return { ending: 'crash', detail: json.trim() ? 'its report was not valid JSON' : 'it stopped without a report' }
  }
  return readObservation(raw)
}

/** A slide script's report; throws ReportError when it does not fit. */
function readScriptReport(raw: unknown): ScriptReport {
  const seen = observation(raw)
  if (seen.output === undefined || seen.tree_before === undefined || seen.tree_after === undefined)
    throw new ReportError('the report misses its output or folder')
  if (seen.ending !== undefined && seen.ending !== 'output' && seen.ending !== 'interrupted')
    throw new ReportError('"ending" is not one a script can reach')
  return {
    output: seen.output,
    output_truncated: seen.output_truncated ?? false,
    exception: seen.exception,
    ending: seen.ending,
    exit_code: seen.exit_code,
    tree_before: seen.tree_before,
    tree_after: seen.tree_after,
  }
}

/** A script's report as the run's result; a report that does not fit is the run's failure, in words. */
export function scriptResult(raw: unknown): RunResult {
  try {
    const report = readScriptReport(raw)
    // the script raised KeyboardInterrupt itself: shown like a Stop
    return report.ending === 'interrupted' ? { status: 'stopped', reason: 'stop', how: 'interrupt', report } : { status: 'done', report }
  }
  catch (error) {
    if (!(error instanceof ReportError))
      throw error
    return { status: 'failed', message: `the run's report could not be read (${error.message})` }
  }
}

/** The values of `return_expr`s, one per expression asked. */
export function readEvaluated(raw: unknown, count: number): EvaluatedValue[] {
  if (!Array.isArray(raw) || raw.length !== count)
    throw new ReportError(`expected ${count} values`)
  return raw.map(item => (isObject(item) && typeof item.error === 'string' ? { error: item.error } : described(item, 'value')))
}
