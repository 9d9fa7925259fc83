import type { Profile } from './profiles'
// Turns what the harness saw into a verdict a beginner can act on.
import type { EvaluatedValue, Observation } from './protocol'
import type { Case, Tree } from './spec'
import type { TreeProblem } from './tree-diff'
import { HARNESS_OUTPUT_CAP } from './protocol'
import { diffTrees, drawTree, problemMarks } from './tree-diff'

export type Status = 'pass' | 'fail' | 'error'

export interface CaseVerdict {
  name: string
  status: Status
  message: string
  output: string
  /** What was called, in Python syntax. */
  call: string
  problems?: TreeProblem[]
  /** The folder afterwards with the problems marked, when the folder was checked. */
  picture?: string
  tree_before?: Tree
  tree_after?: Tree
  /** how the case went as each house it ran as */
  profiles?: Partial<Record<Profile, Status>>
  /** the house whose run the message is about, when only some failed */
  profile?: Profile
}

/** How far a file's age may be from the one expected: a quarter of an hour, in days. */
const AGE_TOLERANCE_DAYS = 0.01

const whenChanged = (days: number) => (days < AGE_TOLERANCE_DAYS ? 'just now' : `${Number(days.toFixed(1))} days ago`)

/** `expected`: the value of the case's `return_expr`, worked out on the trusted side. */
export function judgeCase(c: Case, seen: Observation, fn: string, timeoutS: number, expected?: EvaluatedValue): CaseVerdict {
  const call = `${fn}(${[...(c.args ?? []).map(pyRepr), ...Object.entries(c.kwargs ?? {}).map(([k, v]) => `${k}=${pyRepr(v)}`)].join(', ')})`
  const base = { name: c.name, call, output: seen.output ?? '', tree_before: seen.tree_before, tree_after: seen.tree_after }
  const stopped = endingMessage(seen, call, timeoutS)
  if (stopped)
    return { ...base, status: 'error', message: stopped }
  if (seen.missing) {
    return { ...base, status: 'error', message: `task.py has no function \`${fn}\`. Keep the name \`${fn}\` from the starter: the grader calls it.` }
  }
  const e = c.expect
  const error = seen.exception
  if (error && (seen.stage === 'load' || error.type !== e.raises)) {
    const when = seen.stage === 'load'
      ? 'task.py raised an error while Python was loading it, before anything was called'
      : `\`${call}\` raised ${error.type}${e.raises ? ` (expected ${e.raises})` : ''}`
    return { ...base, status: 'error', message: `${when}:\n${indent(error.traceback)}` }
  }

  const failures: string[] = []
  let problems: TreeProblem[] | undefined
  if (e.raises && !error) {
    failures.push(`\`${call}\` should raise ${e.raises}, but it returned \`${seen.returned?.repr ?? 'None'}\``)
  }
  if (!error && ('return' in e || e.return_expr !== undefined)) {
    const wanted = e.return_expr !== undefined ? expected : { value: e.return, repr: pyRepr(e.return) }
    const got = seen.returned
    if (!wanted || !('value' in wanted)) {
      const why = wanted && 'error' in wanted ? `: ${wanted.error}` : ''
      failures.push(`the spec's expected value could not be worked out (${e.return_expr})${why}`)
    }
    else if (!got || !('value' in got)) {
      failures.push(`\`${call}\` returned \`${got?.repr}\`, a ${got?.type} the grader cannot compare; return ${describeKind(wanted.value)} like \`${wanted.repr}\``)
    }
    else if (!sameValue(got.value, wanted.value, e.unordered === true)) {
      failures.push(`\`${call}\` returned \`${got.repr}\`\n   expected \`${pyRepr(wanted.value)}\`${e.unordered ? ' (in any order)' : ''}${returnHint(got.value, wanted.value)}`)
    }
  }
  if (e.tree || e.unchanged) {
    const expected = e.tree ?? seen.tree_before ?? {}
    problems = diffTrees(expected, seen.tree_after ?? {}, seen.tree_before ?? {})
    if (problems.length) {
      const what = e.unchanged ? 'should leave the folder as it was' : 'left the folder different from what was expected'
      failures.push(`\`${call}\` ${what}:\n${problems.map(p => `   - ${p.message}`).join('\n')}`)
    }
  }
  for (const [path, days] of Object.entries(e.ages ?? {})) {
    const actual = seen.ages_after?.[path]
    if (typeof actual === 'number' && Math.abs(actual - days) > AGE_TOLERANCE_DAYS) // a missing file is the tree's failure
      failures.push(`\`${call}\` left \`${path}\` last changed ${whenChanged(actual)}; it should keep the time of the file it came from, ${whenChanged(days)} (\`shutil.copy2\` and \`shutil.copytree\` keep a file's time, \`shutil.copy\` does not)`)
  }
  if (e.stdout !== undefined && trimLines(seen.output ?? '') !== trimLines(e.stdout)) {
    failures.push(`\`${call}\` printed:\n${indent(seen.output || '(nothing)')}\n   expected it to print:\n${indent(e.stdout)}`)
  }
  if (e.cwd_after !== undefined && seen.cwd_after !== e.cwd_after) {
    const where = seen.cwd_after == null ? 'outside the exercise folder' : `\`${seen.cwd_after}\``
    failures.push(`after \`${call}\` the current folder is ${where}, but it should be \`${e.cwd_after}\`${e.cwd_after === '.' ? ' (where it started: change back with os.chdir)' : ''}`)
  }
  if (!failures.length)
    return { ...base, status: 'pass', message: '' }
  const picture = problems?.length ? drawTree(seen.tree_after ?? {}, problemMarks(problems)) : undefined
  return { ...base, status: 'fail', message: failures.join('\n'), problems, picture }
}

function endingMessage(seen: Observation, call: string, timeoutS: number): string | undefined {
  switch (seen.ending) {
    case 'timeout':
    case 'interrupted':
      return `\`${call}\` did not finish within ${timeoutS} s, so the grader stopped it. Look for a loop that never ends (a \`while\` whose condition never becomes false) or a long \`time.sleep\`.`
    case 'output':
      return `\`${call}\` printed more than ${HARNESS_OUTPUT_CAP / 1024}K characters of text, so the grader stopped it. Is a \`print\` inside a loop that never ends?`
    case 'exit':
      return `\`${call}\` called ${seen.exit_call}(${seen.exit_code === 'None' || seen.exit_code === '0' ? '' : seen.exit_code}), which would stop the whole program. A function should \`return\` its answer instead.`
    case 'blocked':
      return `\`${call}\` tried something the grader does not allow: ${seen.exception?.message ?? ''}`
    case 'memory':
      return `\`${call}\` used more memory than the grader allows, so it was stopped. Is a list growing inside a loop that never ends?`
    case 'crash':
      return `Python stopped unexpectedly while running \`${call}\`${seen.detail ? `: ${seen.detail}` : ''}.`
    default:
      return undefined
  }
}

function returnHint(got: unknown, wanted: unknown): string {
  if (got === null && wanted !== null)
    return '\n   (None usually means the function has no `return` line yet)'
  if (got !== null && typeof got === 'object' && sameValue(got, wanted, true))
    return '\n   (the same items in another order: sort them)'
  return ''
}

function describeKind(value: unknown): string {
  if (Array.isArray(value))
    return 'a list'
  if (value !== null && typeof value === 'object')
    return 'a dict'
  return `a ${typeof value === 'string' ? 'str' : typeof value}`
}

function sameValue(a: unknown, b: unknown, unordered: boolean): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length)
      return false
    const [x, y] = unordered ? [sortByJson(a), sortByJson(b)] : [a, b]
    return x.every((item, i) => sameValue(item, y[i], unordered))
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).sort()
    const kb = Object.keys(b).sort()
    return ka.length === kb.length && ka.every((k, i) => k === kb[i]
      && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], unordered))
  }
  return a === b
}

const sortByJson = (items: unknown[]) => [...items].sort((p, q) => JSON.stringify(p).localeCompare(JSON.stringify(q)))

/** A JSON value written the way Python would print it. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined)
    return 'None'
  if (value === true)
    return 'True'
  if (value === false)
    return 'False'
  if (typeof value === 'string')
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, '\\\'').replace(/\n/g, '\\n')}'`
  if (Array.isArray(value))
    return `[${value.map(pyRepr).join(', ')}]`
  if (typeof value === 'object')
    return `{${Object.entries(value).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`
  return String(value)
}

const trimLines = (text: string) => text.split('\n').map(l => l.trimEnd()).join('\n').trimEnd()
const indent = (text: string) => text.split('\n').map(l => `     ${l}`).join('\n')

/**
 * Why task.py could not be loaded at all, or undefined when it loaded (the function
 * was called, or the case failed for another reason). One message for the whole exercise.
 */
export function loadProblem(seen: Observation, fn: string, timeoutS: number): string | undefined {
  if (seen.stage !== 'load')
    return undefined
  if (seen.missing)
    return `task.py has no function \`${fn}\`. Keep the name \`${fn}\` from the starter: the grader calls it.`
  const topLevel = 'Code at the top level of task.py (outside any function) runs as soon as the file is loaded'
  switch (seen.ending) {
    case 'timeout':
    case 'interrupted':
      return `task.py did not finish loading within ${timeoutS} s, so the grader stopped it. ${topLevel}: look there for a loop that never ends or a long \`time.sleep\`, and move that work into \`${fn}\`.`
    case 'exit':
      return `task.py called ${seen.exit_call}() while it was being loaded, which would stop the whole program. ${topLevel}: remove that call.`
    case 'output':
      return `task.py printed more than ${HARNESS_OUTPUT_CAP / 1024}K characters of text while it was being loaded, so the grader stopped it. ${topLevel}: is a \`print\` inside a loop there?`
    case 'memory':
      return `task.py used more memory than the grader allows while it was being loaded. ${topLevel}: is a list growing inside a loop there?`
    case 'blocked':
      return `task.py tried something the grader does not allow while it was being loaded: ${seen.exception?.message ?? ''}`
  }
  if (seen.exception) {
    const what = seen.exception.type === 'SyntaxError'
      ? 'Python could not read task.py (a syntax error), so nothing could be called'
      : 'task.py raised an error while Python was loading it, before anything was called'
    return `${what}:\n${indent(seen.exception.traceback)}`
  }
  return undefined
}
