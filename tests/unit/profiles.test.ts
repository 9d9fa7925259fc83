// Cases as each house: a spec's per-house expectations, one verdict per case from its
// runs, and the Windows-only failures explained in the learner's words.
import type { CaseVerdict } from '../../core/judge'
import { describe, expect, it } from 'vitest'
import { bothHouses, windowsHint } from '../../core/profile-verdict'
import { expectationFor, SpecError, validateSpec } from '../../core/spec'

const spec = (c: Record<string, unknown>) => ({ title: 't', call: 'f', hints: [], cases: [{ name: 'one', ...c }] })
const verdict = (status: CaseVerdict['status'], message = ''): CaseVerdict => ({ name: 'one', call: 'f()', status, message, output: '' })

describe('a spec case as each house', () => {
  it('a house\'s own checks replace the shared ones they name, the others stay', () => {
    const c = validateSpec(spec({ expect: { return: 'a/b', stdout: 'done', windows: { return: 'a\\b' } } }), 's').cases[0]
    expect(expectationFor(c, 'linux')).toEqual({ return: 'a/b', stdout: 'done' })
    expect(expectationFor(c, 'windows')).toEqual({ return: 'a\\b', stdout: 'done' })
  })

  it('a house\'s own "return" replaces a shared "return_expr"', () => {
    const c = validateSpec(spec({ expect: { return_expr: 'os.sep', windows: { return: '\\' } } }), 's').cases[0]
    expect(expectationFor(c, 'windows')).toEqual({ return: '\\' })
  })

  it('refuses an unknown house, an empty list, and unknown keys in a house\'s checks', () => {
    expect(() => validateSpec(spec({ profiles: ['macos'], expect: { return: 1 } }), 's')).toThrow(/"profiles" must list one or more of "linux", "windows"/)
    expect(() => validateSpec(spec({ profiles: [], expect: { return: 1 } }), 's')).toThrow(SpecError)
    expect(() => validateSpec(spec({ expect: { return: 1, windows: { retrun: 2 } } }), 's')).toThrow(/"expect.windows" has an unknown key "retrun"/)
    expect(() => validateSpec(spec({ expect: { return: 1, windows: { tree: { '/abs': '' } } } }), 's')).toThrow(/"expect.windows.tree" path "\/abs"/)
  })

  it('refuses a tree with two names that are one file on Windows, unless the case runs on Linux only', () => {
    const tree = { 'Report.txt': 'a', 'report.txt': 'b' }
    expect(() => validateSpec(spec({ tree, expect: { unchanged: true } }), 's')).toThrow(/"Report.txt" and "report.txt", one file on Windows/)
    expect(validateSpec(spec({ tree, profiles: ['linux'], expect: { unchanged: true } }), 's').cases[0].profiles).toEqual(['linux'])
  })
})

describe('one verdict per case', () => {
  it('passes only when every house passes, and says how each went', () => {
    const both = bothHouses([{ profile: 'linux', verdict: verdict('pass') }, { profile: 'windows', verdict: verdict('pass') }])
    expect(both).toMatchObject({ status: 'pass', profiles: { linux: 'pass', windows: 'pass' } })
    expect(both?.profile).toBeUndefined()
  })

  it('names the one house that fails, and what to do on Windows', () => {
    const message = '`f()` raised FileExistsError:\n     File "task.py", line 4, in f\n       os.rename(src, dst)\n     FileExistsError: [WinError 183] Cannot create a file when that file already exists: \'a\' -> \'b\''
    const one = bothHouses([{ profile: 'linux', verdict: verdict('pass') }, { profile: 'windows', verdict: verdict('error', message) }])!
    expect(one.status).toBe('error')
    expect(one.profile).toBe('windows')
    expect(one.message).toMatch(/^On Windows \(it passes on Linux and macOS\): `f\(\)` raised FileExistsError/)
    expect(one.message).toMatch(/use `os.replace`, which replaces on every system/)
  })

  it('shows the first house\'s message when both fail, and says the other fails differently', () => {
    const one = bothHouses([{ profile: 'linux', verdict: verdict('fail', 'wrong') }, { profile: 'windows', verdict: verdict('fail', 'other') }])!
    expect(one.message).toBe('wrong\n   (On Windows it fails too, differently: fix this first.)')
  })
})

describe('windows hints', () => {
  it('a path glued with "/" where Windows wants "\\\\"', () => {
    expect(windowsHint('`f()` returned `\'a/b\'`\n   expected `\'a\\\\b\'`')).toMatch(/joined with `\\`: build paths with `os.path.join`/)
    expect(windowsHint('`f()` returned `\'a/c\'`\n   expected `\'a\\\\b\'`')).toBeUndefined()
  })

  it('a file still open, a name with a colon', () => {
    expect(windowsHint('PermissionError: [WinError 32] The process cannot access the file')).toMatch(/still has open cannot be removed/)
    expect(windowsHint('OSError: [WinError 123] The filename, directory name, or volume label syntax is incorrect')).toMatch(/12:30/)
  })
})
