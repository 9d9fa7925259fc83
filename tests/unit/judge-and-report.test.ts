// The judge's verdicts, the load problem, the JSON report and spec validation, on plain data.

import type { Case } from '../../core/spec'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { brokenSpecProblem, casesOf, exerciseFrom, hintsOf, specOf, titleOf } from '../../core/exercise'
import { judgeCase, loadProblem, pyRepr } from '../../core/judge'
import { caseRun, HARNESS_OUTPUT_CAP } from '../../core/protocol'
import { buildReport, capOutput, exerciseResult, OUTPUT_CAP } from '../../core/report'
import { SpecError, validateSpec } from '../../core/spec'

const RENAME: Case = { name: 'renames', tree: { 'a.txt': 'A' }, args: ['.'], expect: { tree: { 'a.md': 'A' }, return: ['a.md'] } }

describe('judgeCase', () => {
  it('passes when every expectation holds', () => {
    const v = judgeCase(RENAME, { returned: { value: ['a.md'], repr: '[\'a.md\']' }, tree_before: { 'a.txt': 'A' }, tree_after: { 'a.md': 'A' } }, 'rename_all', 3)
    expect(v.status).toBe('pass')
    expect(v.call).toBe('rename_all(\'.\')')
  })

  it('explains a wrong return value and a wrong tree, with a picture', () => {
    const v = judgeCase(RENAME, { returned: { value: null, repr: 'None' }, tree_before: { 'a.txt': 'A' }, tree_after: { 'a.txt': 'A' } }, 'rename_all', 3)
    expect(v.status).toBe('fail')
    expect(v.message).toContain('`rename_all(\'.\')` returned `None`')
    expect(v.message).toContain('expected `[\'a.md\']`')
    expect(v.message).toContain('`a.txt` should now be `a.md`')
    expect(v.picture).toContain('a.txt   ← wrong')
  })

  it('an unexpected exception is an error that shows the learner\'s traceback', () => {
    const traceback = 'File "task.py", line 3, in rename_all\n    os.rename(a, b)\nFileNotFoundError: nope'
    const v = judgeCase(RENAME, { stage: 'call', exception: { type: 'FileNotFoundError', message: 'nope', traceback } }, 'rename_all', 3)
    expect(v.status).toBe('error')
    expect(v.message).toContain('raised FileNotFoundError')
    expect(v.message).toContain('line 3, in rename_all')
  })

  it('an expected exception passes; a missing one fails', () => {
    const c: Case = { name: 'raises', expect: { raises: 'FileExistsError' } }
    expect(judgeCase(c, { stage: 'call', exception: { type: 'FileExistsError', message: '', traceback: '' } }, 'f', 3).status).toBe('pass')
    expect(judgeCase(c, { returned: { value: null, repr: 'None' } }, 'f', 3).message).toContain('should raise FileExistsError')
  })

  it('unordered lists, sorted hint, cwd_after and stdout checks', () => {
    const c: Case = { name: 'lists', expect: { return: ['a', 'b'], cwd_after: '.', stdout: '2 files\n' } }
    const v = judgeCase(c, { returned: { value: ['b', 'a'], repr: '[\'b\', \'a\']' }, cwd_after: 'photos', output: '3 files\n' }, 'f', 3)
    expect(v.message).toContain('another order: sort them')
    expect(v.message).toContain('the current folder is `photos`, but it should be `.`')
    expect(v.message).toContain('expected it to print')
    const unordered = { ...c, expect: { return: ['a', 'b'], unordered: true } }
    expect(judgeCase(unordered, { returned: { value: ['b', 'a'], repr: '' } }, 'f', 3).status).toBe('pass')
  })

  it('a task.py that cannot be loaded is one problem for the whole exercise', () => {
    expect(loadProblem({ stage: 'load', ending: 'timeout' }, 'f', 3)).toMatch(/did not finish loading within 3 s[\s\S]*top level of task\.py/)
    expect(loadProblem({ stage: 'load', exception: { type: 'SyntaxError', message: 'x', traceback: 'File "task.py", line 1' } }, 'f', 3)).toMatch(/syntax error[\s\S]*line 1/)
    expect(loadProblem({ stage: 'load', ending: 'exit', exit_call: 'sys.exit' }, 'f', 3)).toContain('called sys.exit() while it was being loaded')
    expect(loadProblem({ stage: 'load', missing: 'f' }, 'f', 3)).toContain('task.py has no function `f`')
    // a failure while the function runs is the case's own verdict
    expect(loadProblem({ stage: 'call', ending: 'timeout' }, 'f', 3)).toBeUndefined()
    expect(loadProblem({ ending: 'timeout' }, 'f', 3)).toBeUndefined()
  })

  it('limits become plain-language errors', () => {
    expect(judgeCase(RENAME, { ending: 'timeout' }, 'f', 3).message).toContain('did not finish within 3 s')
    expect(judgeCase(RENAME, { missing: 'f' }, 'f', 3).message).toContain('task.py has no function `f`')
  })
})

it('pyRepr writes JSON values the way Python prints them', () => {
  expect(pyRepr({ a: [true, null, 'it\'s', 2] })).toBe('{\'a\': [True, None, \'it\\\'s\', 2]}')
})

describe('the JSON report', () => {
  it('follows results.json: statuses, messages, and output capped at 500 characters', () => {
    const long = 'x'.repeat(2000)
    const result = exerciseResult({
      id: '01-which-os',
      title: 'Which OS?',
      verdict: {
        status: 'fail',
        cases: [
          { name: 'one', status: 'pass', message: '', output: 'hi', call: 'f()' },
          { name: 'two', status: 'fail', message: 'wrong', output: long, call: 'f()' },
          { name: 'three', status: 'error', message: 'crashed', output: '', call: 'f()' },
        ],
      },
    })
    expect(result.status).toBe('fail')
    expect(result.message).toBe('1 of 3 cases pass')
    expect(result.tests[0]).toEqual({ name: 'one', status: 'pass', message: null, output: 'hi' })
    expect(result.tests[1].output!.length).toBe(OUTPUT_CAP)
    expect(result.tests[1].output).toMatch(/truncated/)
    expect(result.tests[2]).toEqual({ name: 'three', status: 'error', message: 'crashed', output: null })
    const report = buildReport('pyodide', [result])
    expect(Object.keys(report)).toEqual(['version', 'status', 'message', 'runtime', 'exercises'])
    expect(report.status).toBe('fail')
    expect(buildReport('pyodide', [], 'spec broken').status).toBe('error')
    expect(capOutput('')).toBeNull()
  })
})

describe('spec validation', () => {
  const good = { title: 'T', call: 'f', hints: [], cases: [{ name: 'c', expect: { return: 1 } }] }
  it('accepts a good spec', () => {
    expect(validateSpec(good, 'spec.json').call).toBe('f')
  })
  it.each([
    [{ ...good, call: 'not a name' }, '"call" must name the function'],
    [{ ...good, cases: [] }, '"cases" must be a non-empty list'],
    [{ ...good, cases: [{ expect: { return: 1 } }] }, 'case 1 needs a "name"'],
    [{ ...good, cases: [{ name: 'c', expect: {} }] }, 'case 1 ("c") needs an "expect" object'],
    [{ ...good, cases: [{ name: 'c', expect: { retrun: 1 } }] }, 'unknown key "retrun"'],
    [{ ...good, cases: [{ name: 'c', tree: { '../x': '' }, expect: { return: 1 } }] }, 'must be relative'],
    [{ ...good, cases: [{ name: 'c', env: { PORT: 8000 }, expect: { return: 1 } }] }, 'environment values are always text'],
    // the folder after the call was once "expect.cwd", easily taken for the case's start folder
    [{ ...good, cases: [{ name: 'c', expect: { cwd: '.' } }] }, '"expect.cwd" is now "cwd_after"'],
    [{ ...good, cases: [{ name: 'c', expect: { return: 1, windows: { cwd: '.' } } }] }, '"expect.windows.cwd" is now "cwd_after"'],
  ])('rejects a malformed spec with a specific message (%#)', (spec, message) => {
    expect(() => validateSpec(spec, 'exercises/01-x/spec.json')).toThrowError(SpecError)
    expect(() => validateSpec(spec, 'exercises/01-x/spec.json')).toThrowError(message)
  })
})

describe('an exercise read from its folder (the terminal and the deck alike)', () => {
  const good = { title: 'T', call: 'f', hints: ['h'], cases: [{ name: 'c', expect: { return: 1 } }] }
  it('reads a good spec', () => {
    const exercise = exerciseFrom('06-x', JSON.stringify(good))
    expect(exercise).toEqual({ id: '06-x', number: '06', spec: good })
    expect([titleOf(exercise), casesOf(exercise).length, hintsOf(exercise)]).toEqual(['T', 1, ['h']])
  })
  it.each([
    [JSON.stringify({ ...good, call: 'not a name' }), /^exercises\/06-x\/spec\.json: "call" must name the function/],
    ['{ "title": ', /^exercises\/06-x\/spec\.json is not valid JSON \(/],
    [undefined, /^exercises\/06-x\/spec\.json is missing$/],
  ])('blocks only its own exercise when the spec is broken (%#)', (text, message) => {
    const exercise = exerciseFrom('06-x', text)
    expect(exercise.spec).toBeInstanceOf(SpecError)
    expect((exercise.spec as SpecError).message).toMatch(message)
    expect([titleOf(exercise), casesOf(exercise), hintsOf(exercise)]).toEqual(['(its spec.json is broken)', [], []])
    expect(() => specOf(exercise)).toThrowError(message)
    expect(brokenSpecProblem(exercise.spec as SpecError, 'checked')).toMatch(/\nThis exercise cannot be checked until its spec\.json is fixed; the others can\.$/)
  })
})

describe('file ages in a spec', () => {
  const base = { title: 'T', call: 'f', hints: [], cases: [{ name: 'c', tree: { 'old.log': 'x' }, ages: { 'old.log': 30 }, expect: { return: 1 } }] }
  it('accepts days for files of the tree', () => {
    expect(validateSpec(base, 'spec.json').cases[0].ages).toEqual({ 'old.log': 30 })
  })
  it('rejects a negative age and a file the tree does not have', () => {
    expect(() => validateSpec({ ...base, cases: [{ ...base.cases[0], ages: { 'old.log': -1 } }] }, 'spec.json')).toThrowError('a number of days')
    expect(() => validateSpec({ ...base, cases: [{ ...base.cases[0], ages: { 'new.log': 3 } }] }, 'spec.json')).toThrowError('"new.log", which "tree" does not have')
  })
  it('a frozen clock is true or false, and travels as a whole number of seconds', () => {
    expect(() => validateSpec({ ...base, cases: [{ ...base.cases[0], frozen_clock: 'yes' }] }, 'spec.json')).toThrowError('"frozen_clock" must be true or false')
    const frozen = validateSpec({ ...base, cases: [{ ...base.cases[0], frozen_clock: true }] }, 'spec.json').cases[0]
    expect(Number.isInteger(caseRun('', 'f', frozen).clock)).toBe(true)
    expect(caseRun('', 'f', validateSpec(base, 'spec.json').cases[0]).clock).toBeUndefined()
  })
})

describe('times kept: a file\'s age after the call', () => {
  const kept = { name: 'c', tree: { 'a.txt': 'a' }, ages: { 'a.txt': 30 }, expect: { tree: { 'a.txt': 'a', 'b.txt': 'a' }, ages: { 'b.txt': 30 } } }
  const spec = { title: 'T', call: 'f', hints: [], cases: [kept] }
  const seen = (days: number | null) => ({ stage: 'call' as const, returned: { value: null, repr: 'None' }, output: '', tree_before: { 'a.txt': 'a' }, tree_after: { 'a.txt': 'a', 'b.txt': 'a' }, ages_after: { 'b.txt': days } })

  it('asks the learner\'s interpreter which files, never their ages', () => {
    const run = caseRun('', 'f', validateSpec(spec, 'spec.json').cases[0])
    expect(run.report_ages).toEqual(['b.txt'])
    expect(JSON.stringify(run)).not.toContain('30,')
    expect(Object.keys(run)).not.toContain('expect')
  })
  it('passes a time kept, fails a new one with the way to keep it', () => {
    expect(judgeCase(kept, seen(30.001), 'f', 3).status).toBe('pass')
    const verdict = judgeCase(kept, seen(0.0001), 'f', 3)
    expect(verdict.status).toBe('fail')
    expect(verdict.message).toBe('`f()` left `b.txt` last changed just now; it should keep the time of the file it came from, 30 days ago (`shutil.copy2` and `shutil.copytree` keep a file\'s time, `shutil.copy` does not)')
  })
  it('rejects ages for a file the expected tree does not have', () => {
    expect(() => validateSpec({ ...spec, cases: [{ ...kept, expect: { ...kept.expect, ages: { 'c.txt': 1 } } }] }, 'spec.json')).toThrowError('"c.txt", which "expect.tree" does not have')
  })
})

describe('limits said in words', () => {
  it('names the harness\'s own output cap, as core/harness/observe.py sets it', () => {
    const observe = readFileSync(join(import.meta.dirname, '..', '..', 'core', 'harness', 'observe.py'), 'utf8')
    const [, kib] = /^OUTPUT_CAP = (\d+) \* 1024$/m.exec(observe) ?? []
    expect(Number(kib) * 1024).toBe(HARNESS_OUTPUT_CAP)
    expect(judgeCase(RENAME, { ending: 'output' }, 'f', 3).message).toContain(`more than ${kib}K characters`)
  })
})
