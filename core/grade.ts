// Grades one exercise on one runtime: every case run by harness.py as each house it
// runs as (Linux, Windows), each judged. The terminal grader and the deck's exercise
// slides both grade through here.

import type { CaseVerdict, Status } from './judge'
import type { Profile } from './profiles'
import type { EvaluatedValue, Observation, Runtime } from './protocol'
import type { Case, Spec } from './spec'
import { judgeCase, loadProblem } from './judge'
import { bothHouses } from './profile-verdict'
import { PROFILES } from './profiles'
import { caseRun, STOPPED } from './protocol'
import { DEFAULT_TIMEOUT_S, expectationFor } from './spec'

export interface ExerciseVerdict {
  status: Status
  /** Set when task.py could not be loaded at all: the one message for the whole exercise. */
  problem?: string
  cases: CaseVerdict[]
}

interface GradeOptions {
  /** Stop: the case that runs is stopped, the others are not run. */
  signal?: AbortSignal
  /** Called before each case starts (index) and once at the end (index = total). */
  onProgress?: (index: number, total: number) => void
  /** `return_expr` values shared by several runtimes of one run (the class grader); else the runtime's own. */
  expressions?: ExpressionValues
  /** The houses to grade as (default: both); the runtime runs those it can imitate. */
  profiles?: readonly Profile[]
}

/** One case as one house: what runs. */
interface CaseRunPlan { c: Case, profile: Profile }

/** The spec expressions' values, by profile and expression, as they are worked out. */
export type ExpressionValues = Map<string, Promise<EvaluatedValue>>

export const NOT_LOADED = 'Not run: task.py could not be loaded (see the message above).'
export const NOT_RUN_STOPPED = 'Not run: the check was stopped.'
export const NOT_RUN_TIMEOUT = 'Not run: an earlier case did not finish in time. Fix that one first.'
export const STOPPED_MESSAGE = 'Stopped before it finished (you pressed Stop).'

export function caseTimeout(spec: Spec, c: Case): number {
  return c.timeout ?? spec.timeout ?? DEFAULT_TIMEOUT_S
}

/**
 * The first case runs first (alone, or with the few that run side by side anyway): if
 * task.py cannot even be loaded, that is the one verdict, in the time of one limit.
 * The other cases then run as side by side as the runtime allows, each from a clean
 * interpreter state. Once a case runs out of time, the cases not yet started are not
 * run: a learner waits one limit, not seven.
 */
export async function gradeExercise(runtime: Runtime, spec: Spec, source: string, options: GradeOptions = {}): Promise<ExerciseVerdict> {
  const { signal, onProgress, expressions } = options
  const houses = (options.profiles ?? PROFILES).filter(p => runtime.profiles.includes(p))
  // each case as each house it runs as; a case for houses this runtime cannot imitate is left out
  const plans: CaseRunPlan[] = spec.cases.flatMap(c => (c.profiles ?? PROFILES).filter(p => houses.includes(p)).map(profile => ({ c, profile })))
  const total = plans.length
  // worked out on the trusted side while the cases run; never sent to the learner's interpreter
  const expected = expectedValues(runtime, plans, expressions)
  expected.catch(() => {})
  const runner = await runtime.exercise()
  let started = 0
  let timedOut = false
  const run = async ({ c, profile }: CaseRunPlan, index: number): Promise<{ verdict: CaseVerdict, seen?: Observation }> => {
    onProgress?.(started++, total)
    if (signal?.aborted)
      return { verdict: notRun(spec, c, NOT_RUN_STOPPED) }
    if (timedOut)
      return { verdict: notRun(spec, c, NOT_RUN_TIMEOUT) }
    const timeoutS = caseTimeout(spec, c)
    const reported = await runner.runCase({ run: caseRun(source, spec.call, c, profile), timeoutS }, signal)
    if (reported.ending === 'timeout')
      timedOut = true
    const seen = profile === 'windows' ? withUnixLineEnds(reported) : reported
    const verdict = judgeCase({ ...c, expect: expectationFor(c, profile) }, seen, spec.call, timeoutS, (await expected)[index])
    return { seen, verdict: seen.detail === STOPPED ? { ...verdict, status: 'error', message: STOPPED_MESSAGE } : verdict }
  }

  try {
    // the first case (with as many more as run side by side anyway) tells whether task.py loads
    const width = Math.max(1, Math.min(runner.parallel, plans.length))
    const head = await Promise.all(plans.slice(0, width).map(run))
    const first = head[0]?.seen
    const problem = first && first.detail !== STOPPED ? loadProblem(first, spec.call, caseTimeout(spec, plans[0].c)) : undefined
    if (problem) {
      onProgress?.(total, total)
      return { status: 'error', problem, cases: spec.cases.map(c => notRun(spec, c, NOT_LOADED)) }
    }
    const others = await mapLimited(plans.slice(width), runner.parallel, async (plan, i) => (await run(plan, width + i)).verdict)
    onProgress?.(total, total)
    const verdicts = [...head.map(h => h.verdict), ...others]
    const cases = spec.cases.map(c => bothHouses(plans.flatMap((plan, i) => (plan.c === c ? [{ profile: plan.profile, verdict: verdicts[i] }] : []))))
      .filter((v): v is CaseVerdict => v !== undefined)
    return { status: overallStatus(cases.map(v => v.status)), cases }
  }
  finally {
    runner.end()
  }
}

/** Each runtime's `return_expr` values, worked out once per expression. */
const evaluated = new WeakMap<Runtime, ExpressionValues>()

/** The value each run's `return_expr` stands for, as its house works it out (undefined where it has none). */
async function expectedValues(runtime: Runtime, plans: CaseRunPlan[], shared?: ExpressionValues): Promise<(EvaluatedValue | undefined)[]> {
  const known = shared ?? evaluated.get(runtime) ?? new Map<string, Promise<EvaluatedValue>>()
  if (!shared)
    evaluated.set(runtime, known)
  const key = (profile: Profile, expression: string) => `${profile}:${expression}`
  const wanted = plans.map(({ c, profile }) => ({ profile, expression: expectationFor(c, profile).return_expr }))
  for (const profile of PROFILES) {
    const asked = [...new Set(wanted.filter(w => w.profile === profile).map(w => w.expression))]
      .filter((e): e is string => e !== undefined && !known.has(key(profile, e)))
    if (!asked.length)
      continue
    const values = runtime.evaluate(asked, profile).catch((error: Error): EvaluatedValue[] => {
      asked.forEach(expression => known.delete(key(profile, expression))) // asked again next time
      return asked.map(() => ({ error: error.message }))
    })
    asked.forEach((expression, i) => known.set(key(profile, expression), values.then(all => all[i])))
  }
  return Promise.all(wanted.map(w => (w.expression === undefined ? undefined : known.get(key(w.profile, w.expression)))))
}

/** Windows writes text files with \r\n; the expected trees are written once, with \n. */
function withUnixLineEnds(seen: Observation): Observation {
  if (!seen.tree_after)
    return seen
  const tree = Object.fromEntries(Object.entries(seen.tree_after).map(([path, value]) => [path, typeof value === 'string' ? value.replace(/\r\n/g, '\n') : value]))
  return { ...seen, tree_after: tree }
}

function overallStatus(statuses: Status[]): Status {
  if (statuses.every(s => s === 'pass'))
    return 'pass'
  return statuses.includes('fail') ? 'fail' : 'error'
}

function notRun(spec: Spec, c: Case, message: string): CaseVerdict {
  return { name: c.name, call: spec.call, status: 'error', output: '', message }
}

/** Like Promise.all(items.map(fn)), with at most `limit` running at once; keeps the order. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = Array.from({ length: items.length })
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane))
  return results
}
