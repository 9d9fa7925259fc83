// The exercise spec: its types and a validator that names exactly what is wrong.
import type { Profile } from './profiles.ts'
import { PROFILES } from './profiles.ts'

export type FileValue = string | { size: number }
export type Tree = Record<string, FileValue>

interface Expectation {
  return?: unknown
  return_expr?: string
  unordered?: boolean
  tree?: Tree
  unchanged?: boolean
  stdout?: string
  raises?: string
  /** the folder the learner must be in after the call (the case's `cwd` is where it starts) */
  cwd_after?: string
  /** days since each file's last modification after the call, e.g. {"backup/notes.txt": 30}: times kept */
  ages?: Record<string, number>
  /** what differs on Linux and macOS, e.g. a returned path: it replaces the keys it names */
  linux?: ProfileExpectation
  /** what differs on Windows */
  windows?: ProfileExpectation
}

/** The checks one house answers differently; the others are the case's own. */
type ProfileExpectation = Omit<Expectation, Profile>

export interface Case {
  name: string
  tree?: Tree
  cwd?: string
  args?: unknown[]
  kwargs?: Record<string, unknown>
  env?: Record<string, string>
  deny?: string[]
  /** days since each file's last modification (os.utime after seeding), e.g. {"old.log": 30} */
  ages?: Record<string, number>
  /** time.time() stands still during the call at the moment the ages were set, so an age is exact */
  frozen_clock?: boolean
  timeout?: number
  /** the houses the case runs as (default: every one the runtime can imitate) */
  profiles?: Profile[]
  expect: Expectation
}

export interface Spec {
  title: string
  call: string
  timeout?: number
  hints: string[]
  cases: Case[]
}

export const DEFAULT_TIMEOUT_S = 3

// the keys of a spec, a case and an expectation (exercises/spec.schema.json lists the same; a test keeps them so)
export const SPEC_KEYS = ['$schema', 'title', 'call', 'timeout', 'hints', 'cases']
export const EXPECT_KEYS = ['return', 'return_expr', 'unordered', 'tree', 'unchanged', 'stdout', 'raises', 'cwd_after', 'ages']
export const CASE_KEYS = ['name', 'tree', 'cwd', 'args', 'kwargs', 'env', 'deny', 'ages', 'frozen_clock', 'timeout', 'profiles', 'expect']

/** The checks of `c` when it runs as `profile`: the case's own, with that house's own ones over them. */
export function expectationFor(c: Case, profile: Profile): Expectation {
  const { linux: _linux, windows: _windows, ...shared } = c.expect
  const own = c.expect[profile] ?? {}
  const merged: Expectation = { ...shared, ...own }
  if ('return' in own) // a house's own value replaces a worked-out one, and the other way round
    delete merged.return_expr
  if (own.return_expr !== undefined)
    delete merged.return
  if (own.tree)
    delete merged.unchanged
  if (own.unchanged)
    delete merged.tree
  return merged
}

export class SpecError extends Error {}

/** Checks a parsed spec.json; `where` names the file in messages. */
export function validateSpec(raw: unknown, where: string): Spec {
  const fail = (what: string): never => {
    throw new SpecError(`${where}: ${what}`)
  }
  if (!isObject(raw))
    fail('must be a JSON object')
  const spec = raw as Record<string, unknown>
  for (const key of Object.keys(spec)) {
    if (!SPEC_KEYS.includes(key))
      fail(`has an unknown key "${key}" (known: ${SPEC_KEYS.join(', ')})`)
  }
  if (typeof spec.title !== 'string' || !spec.title)
    fail('"title" must be a non-empty string')
  if (typeof spec.call !== 'string' || !/^[A-Z_]\w*$/i.test(spec.call as string))
    fail('"call" must name the function to call, like "list_files"')
  checkTimeout(spec.timeout, 'top level', fail)
  if (!Array.isArray(spec.hints) || spec.hints.some(h => typeof h !== 'string'))
    fail('"hints" must be a list of strings')
  if (!Array.isArray(spec.cases) || spec.cases.length === 0)
    fail('"cases" must be a non-empty list')
  ;(spec.cases as unknown[]).forEach((c, i) => checkCase(c, `case ${i + 1}`, fail))
  return spec as unknown as Spec
}

function checkCase(raw: unknown, label: string, fail: (what: string) => never) {
  if (!isObject(raw))
    fail(`${label} must be an object`)
  const c = raw as Record<string, unknown>
  const named = typeof c.name === 'string' && c.name ? `${label} ("${c.name}")` : fail(`${label} needs a "name"`)
  for (const key of Object.keys(c)) {
    if (!CASE_KEYS.includes(key))
      fail(`${named} has an unknown key "${key}" (known: ${CASE_KEYS.join(', ')})`)
  }
  if (c.tree !== undefined)
    checkTree(c.tree, `${named} "tree"`, fail)
  if (c.args !== undefined && !Array.isArray(c.args))
    fail(`${named} "args" must be a list`)
  if (c.kwargs !== undefined && !isObject(c.kwargs))
    fail(`${named} "kwargs" must be an object`)
  if (c.env !== undefined && (!isObject(c.env) || Object.values(c.env as object).some(v => typeof v !== 'string')))
    fail(`${named} "env" must map names to strings (environment values are always text)`)
  if (c.deny !== undefined && (!Array.isArray(c.deny) || c.deny.some(p => typeof p !== 'string')))
    fail(`${named} "deny" must be a list of paths`)
  if (c.ages !== undefined)
    checkAges(c.ages, c.tree, `${named} "ages"`, '"tree"', fail)
  if (c.frozen_clock !== undefined && typeof c.frozen_clock !== 'boolean')
    fail(`${named} "frozen_clock" must be true or false`)
  if (c.profiles !== undefined && (!Array.isArray(c.profiles) || !c.profiles.length || c.profiles.some(p => !(PROFILES as readonly unknown[]).includes(p))))
    fail(`${named} "profiles" must list one or more of ${PROFILES.map(p => `"${p}"`).join(', ')}`)
  const profiles = (c.profiles as Profile[] | undefined) ?? PROFILES
  if (profiles.includes('windows') && isObject(c.tree)) {
    const seen = new Map<string, string>()
    for (const path of Object.keys(c.tree)) {
      const same = seen.get(path.toLowerCase())
      if (same)
        fail(`${named} "tree" has "${same}" and "${path}", one file on Windows; rename one, or give the case "profiles": ["linux"]`)
      seen.set(path.toLowerCase(), path)
    }
  }
  checkTimeout(c.timeout, named, fail)
  if (!isObject(c.expect) || Object.keys(c.expect as object).length === 0)
    fail(`${named} needs an "expect" object with at least one check`)
  const expect = c.expect as Record<string, unknown>
  for (const key of Object.keys(expect)) {
    if (!EXPECT_KEYS.includes(key) && !(PROFILES as readonly string[]).includes(key))
      failUnknownCheck(key, named, 'expect', [...EXPECT_KEYS, ...PROFILES], fail)
  }
  checkExpectation(expect, named, 'expect', fail)
  for (const profile of PROFILES) {
    if (expect[profile] === undefined)
      continue
    if (!isObject(expect[profile]) || !Object.keys(expect[profile]).length)
      fail(`${named} "expect.${profile}" must be an object of the checks that differ there`)
    for (const key of Object.keys(expect[profile])) {
      if (!EXPECT_KEYS.includes(key))
        failUnknownCheck(key, named, `expect.${profile}`, EXPECT_KEYS, fail)
    }
    checkExpectation(expect[profile] as Record<string, unknown>, named, `expect.${profile}`, fail)
  }
}

/** A key `expect` does not know; "cwd" was the old name of "cwd_after", easily taken for the start folder. */
function failUnknownCheck(key: string, named: string, where: string, known: string[], fail: (what: string) => never): never {
  if (key === 'cwd')
    fail(`${named} "${where}.cwd" is now "cwd_after": the folder it must be in after the call (a case's own "cwd" is where it starts)`)
  return fail(`${named} "${where}" has an unknown key "${key}" (known: ${known.join(', ')})`)
}

/** The checks of one expectation; `where` is "expect", or "expect.windows" for a house's own. */
function checkExpectation(expect: Record<string, unknown>, named: string, where: string, fail: (what: string) => never) {
  const within = where === 'expect' ? named : `${named} "${where}"`
  if ('return' in expect && 'return_expr' in expect)
    fail(`${within} sets both "return" and "return_expr"; keep one`)
  if ('tree' in expect && 'unchanged' in expect)
    fail(`${within} sets both "tree" and "unchanged"; keep one`)
  if (expect.tree !== undefined)
    checkTree(expect.tree, `${named} "${where}.tree"`, fail)
  if (expect.raises !== undefined && (typeof expect.raises !== 'string' || !/^\w+$/.test(expect.raises as string)))
    fail(`${named} "${where}.raises" must be an exception class name like "FileNotFoundError"`)
  if (expect.ages !== undefined)
    checkAges(expect.ages, expect.tree, `${named} "${where}.ages"`, `"${where}.tree"`, fail)
}

/** Days (0 or more) by path, each a path of `tree` (before the call, or expected after it). */
function checkAges(raw: unknown, tree: unknown, label: string, treeLabel: string, fail: (what: string) => never) {
  if (!isObject(raw) || Object.values(raw).some(days => typeof days !== 'number' || !(days >= 0)))
    fail(`${label} must map paths to a number of days (0 or more)`)
  const files = isObject(tree) ? tree : {}
  const unknown = Object.keys(raw as object).filter(path => !(path in files))
  if (unknown.length)
    fail(`${label} names ${unknown.map(p => `"${p}"`).join(', ')}, which ${treeLabel} does not have`)
}

function checkTree(raw: unknown, label: string, fail: (what: string) => never) {
  if (!isObject(raw))
    fail(`${label} must map paths to file text`)
  for (const [path, value] of Object.entries(raw as object)) {
    if (path.startsWith('/') || path.split('/').includes('..') || path.includes('\\'))
      fail(`${label} path "${path}" must be relative, with / between parts`)
    const sized = isObject(value) && Number.isInteger((value as { size?: unknown }).size)
    if (typeof value !== 'string' && !sized)
      fail(`${label} "${path}" must be text or {"size": n}`)
  }
}

function checkTimeout(value: unknown, label: string, fail: (what: string) => never) {
  if (value !== undefined && (typeof value !== 'number' || value <= 0 || value > 60))
    fail(`${label} "timeout" must be a number of seconds between 0 and 60`)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
