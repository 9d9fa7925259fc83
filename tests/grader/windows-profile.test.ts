// The Windows profile, case by case, against documented Windows behaviour (the probes
// and their sources are in windows-probes.ts), then in the grading and on the deck.
import type { Case } from '../../core/spec'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gradeExercise } from '../../core/grade'
import { validateSpec } from '../../core/spec'
import { liveBlocks } from '../../deck/live-blocks'
import { createPyodideRuntime } from '../../grader/runtimes/pyodide'
import { runOneCase } from './run-case'
import { PROJECT } from './run-cli'
import { probeSource, WINDOWS_PROBES } from './windows-probes'

const runtime = createPyodideRuntime()
beforeAll(() => runtime.warm(), 600_000)
afterAll(() => runtime.close())

/** Runs `body` (the inside of `def probe():`) as on Windows in a folder seeded with `tree`. */
async function asOnWindows(body: string, tree: Case['tree'] = {}) {
  const seen = await runOneCase(runtime, probeSource(body), 'probe', { name: 'probe', tree, expect: { return: null } }, 3, 'windows')
  if (seen.exception)
    throw new Error(`the probe raised ${seen.exception.type}: ${seen.exception.traceback}`)
  return { value: seen.returned?.value as unknown, tree: seen.tree_after ?? {} }
}

describe('the Windows profile', () => {
  it.each(WINDOWS_PROBES.map(p => [p.name, p] as const))('%s', async (_, probe) => {
    const { value, tree } = await asOnWindows(probe.body, probe.tree)
    expect(value).toEqual(probe.returns)
    if (probe.treeAfter)
      expect(tree).toEqual(probe.treeAfter)
  })

  it('the slide "The same code in two houses" shows what the Windows side prints', async () => {
    const page = readFileSync(join(PROJECT, 'pages', '02-one-protocol.md'), 'utf8')
    const slide = page.slice(page.indexOf('# The same code in two houses'))
    const code = liveBlocks(slide)[0].code
    const { value } = await asOnWindows(`import io, contextlib
printed = io.StringIO()
with contextlib.redirect_stdout(printed):
    exec(${JSON.stringify(code)}, {"__name__": "__main__"})
return printed.getvalue()`, { 'reports/june.txt': 'draft', 'reports/final.txt': 'old' })
    expect(value).toBe('reports\\june.txt\nTrue\nrefused: 183\n')
  })

  it('writes outside the case folder are still refused, whatever path says it', async () => {
    const source = 'import os\n\ndef probe():\n    open("C:\\\\etc\\\\canary.txt", "w")\n'
    const seen = await runOneCase(runtime, source, 'probe', { name: 'probe', expect: { return: null } }, 3, 'windows')
    expect(seen.ending).toBe('blocked')
    expect(seen.exception?.message).toMatch(/outside the exercise folder/)
  })

  it('the next case as Linux sees Linux again, in the same interpreter', async () => {
    const runner = await runtime.exercise()
    try {
      const source = 'import os, sys, pathlib\n\ndef probe():\n    return [os.name, os.sep, sys.platform, type(pathlib.Path(".")).__name__, os.path.join("a", "b")]\n'
      const c: Case = { name: 'probe', expect: { return: null } }
      const { caseRun } = await import('../../core/protocol')
      const windows = await runner.runCase({ run: caseRun(source, 'probe', c, 'windows'), timeoutS: 3 })
      const linux = await runner.runCase({ run: caseRun(source, 'probe', c, 'linux'), timeoutS: 3 })
      expect(windows.returned?.value).toEqual(['nt', '\\', 'win32', 'WindowsPath', 'a\\b'])
      expect(linux.returned?.value).toEqual(['posix', '/', 'linux', 'PosixPath', 'a/b'])
    }
    finally {
      runner.end()
    }
  })
})

describe('mistakes that work on Linux and break on Windows fail, with what to do', () => {
  const read = (...parts: string[]) => readFileSync(join(PROJECT, ...parts), 'utf8')
  const specOf = (id: string) => validateSpec(JSON.parse(read('exercises', id, 'spec.json')), id)
  const solution16 = read('solutions', '16-works-everywhere', 'task.py')
  const solution01 = read('solutions', '01-which-os', 'task.py')
  const solution10 = read('solutions', '10-walk-tree', 'task.py')
  const MISTAKES: [string, string, string, RegExp][] = [
    ['os.rename instead of os.replace', '16-works-everywhere', solution16.replace('os.replace(temporary, path)', 'os.rename(temporary, path)'), /use `os.replace`, which replaces on every system/],
    ['a path glued with "/"', '16-works-everywhere', solution16.replace('path = os.path.join(folder, name)', 'path = folder + "/" + name'), /joined with `\\`: build paths with `os.path.join`/],
    ['a path glued with "/" (exercise 01)', '01-which-os', solution01.replace('os.sep.join(parts)', '"/".join(parts)'), /joined with `\\`/],
    ['names compared without os.path.normcase (exercise 10)', '10-walk-tree', solution10.replace('os.path.normcase(name).endswith(os.path.normcase(ext))', 'name.endswith(ext)'), /expected `\{.*'Main\.PY', 'lib\/util\.py'\]/],
    ['the file still open when it is moved', '16-works-everywhere', solution16.replace('    with open(temporary, "w") as handle:\n        handle.write(text)\n', '    handle = open(temporary, "w")\n    handle.write(text)\n    handle.flush()\n'), /still has open cannot be removed or renamed/],
  ]

  it.each(MISTAKES)('%s', async (_, id, source, hint) => {
    expect(source, 'the mistake was made').not.toBe(read('solutions', id, 'task.py'))
    const verdict = await gradeExercise(runtime, specOf(id), source)
    expect(verdict.status).not.toBe('pass')
    const failing = verdict.cases.filter(v => v.status !== 'pass')
    expect(failing.every(v => v.profile === 'windows' && v.profiles?.linux === 'pass'), 'it fails as Windows only').toBe(true)
    expect(failing[0].message).toMatch(/^On Windows \(it passes on Linux and macOS\)/)
    expect(failing[0].message).toMatch(hint)
  })

  it('exercise 15: a name that differs only in case is the same file on Windows ("exists"), another on Linux ("moved")', async () => {
    const verdict = await gradeExercise(runtime, specOf('15-errors'), read('solutions', '15-errors', 'task.py'))
    const both = verdict.cases.find(v => v.name.includes('differs only in case'))
    expect(both?.profiles).toEqual({ linux: 'pass', windows: 'pass' })
    // looks for the exact name, then replaces: on Windows that loses Final.txt
    const caseSensitive = read('solutions', '15-errors', 'task.py')
      .replace('if os.path.exists(dst):', 'if os.path.basename(dst) in os.listdir(os.path.dirname(dst) or "."):')
      .replace('os.rename(src, dst)', 'os.replace(src, dst)')
    const wrong = await gradeExercise(runtime, specOf('15-errors'), caseSensitive)
    expect(wrong.cases.find(v => v.name.includes('differs only in case'))?.profiles).toEqual({ linux: 'pass', windows: 'fail' })
  })
})
