// The exercise spec: its types and a validator that names exactly what is wrong.
export type FileValue = string | { size: number }
export type Tree = Record<string, FileValue>

export interface Expectation {
  return?: unknown
  return_expr?: string
  unordered?: boolean
  tree?: Tree
  unchanged?: boolean
  stdout?: string
  raises?: string
  cwd?: string
  /** days since each file's last modification after the call, e.g. {"backup/notes.txt": 30}: times kept */
  ages?: Record<string, number>
}

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

const EXPECT_KEYS = ['return', 'return_expr', 'unordered', 'tree', 'unchanged', 'stdout', 'raises', 'cwd', 'ages']
const CASE_KEYS = ['name', 'tree', 'cwd', 'args', 'kwargs', 'env', 'deny', 'ages', 'frozen_clock', 'timeout', 'expect']

export class SpecError extends Error {}

/** Checks a parsed spec.json; `where` names the file in messages. */
export function validateSpec(raw: unknown, where: string): Spec {
  const fail = (what: string): never => {
    throw new SpecError(`${where}: ${what}`)
  }
  if (!isObject(raw))
    fail('must be a JSON object')
  const spec = raw as Record<string, unknown>
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
  checkTimeout(c.timeout, named, fail)
  if (!isObject(c.expect) || Object.keys(c.expect as object).length === 0)
    fail(`${named} needs an "expect" object with at least one check`)
  const expect = c.expect as Record<string, unknown>
  for (const key of Object.keys(expect)) {
    if (!EXPECT_KEYS.includes(key))
      fail(`${named} "expect" has an unknown key "${key}" (known: ${EXPECT_KEYS.join(', ')})`)
  }
  if ('return' in expect && 'return_expr' in expect)
    fail(`${named} sets both "return" and "return_expr"; keep one`)
  if ('tree' in expect && 'unchanged' in expect)
    fail(`${named} sets both "tree" and "unchanged"; keep one`)
  if (expect.tree !== undefined)
    checkTree(expect.tree, `${named} "expect.tree"`, fail)
  if (expect.raises !== undefined && (typeof expect.raises !== 'string' || !/^\w+$/.test(expect.raises as string)))
    fail(`${named} "expect.raises" must be an exception class name like "FileNotFoundError"`)
  if (expect.ages !== undefined)
    checkAges(expect.ages, expect.tree, `${named} "expect.ages"`, '"expect.tree"', fail)
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
