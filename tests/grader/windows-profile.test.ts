// The Windows profile, case by case, against documented Windows behaviour. Sources:
//   [naming]   Microsoft Learn, "Naming Files, Paths, and Namespaces"
//   [errors]   Microsoft Learn, "System Error Codes (0-499)" and "(1300-1699)"
//   [os]       docs.python.org/3/library/os.html: rename, replace, chmod, environ, linesep
//   [errmap]   CPython's PC/errmap.h: the errno each WinError gets
//   [ntpath]   docs.python.org/3/library/os.path.html ("ntpath for Windows paths")
import type { Case } from '../../core/spec'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gradeExercise } from '../../core/grade'
import { validateSpec } from '../../core/spec'
import { createPyodideRuntime } from '../../grader/runtimes/pyodide'
import { runOneCase } from './run-case'
import { PROJECT } from './run-cli'

const runtime = createPyodideRuntime()
beforeAll(() => runtime.version(), 600_000)
afterAll(() => runtime.close())

/** Runs `body` (the inside of `def probe():`) as on Windows in a folder seeded with `tree`. */
async function asOnWindows(body: string, tree: Case['tree'] = {}, profile: 'windows' | 'linux' = 'windows') {
  const source = `import os, sys, stat, shutil, pathlib\n\ndef probe():\n${body.split('\n').map(l => `    ${l}`).join('\n')}\n`
  const seen = await runOneCase(runtime, source, 'probe', { name: 'probe', tree, expect: { return: null } }, 3, profile)
  if (seen.exception)
    throw new Error(`the probe raised ${seen.exception.type}: ${seen.exception.traceback}`)
  return { value: seen.returned?.value as any, tree: seen.tree_after ?? {} }
}

/** str(error), type name, .winerror and .errno of what `call` raises. */
const RAISED = `def raised(call):
    try:
        call()
    except OSError as e:
        return [type(e).__name__, str(e), getattr(e, "winerror", None), e.errno]
    return "no error"`

describe('the Windows profile', () => {
  it('os, os.path and sys answer as on Windows [os] [ntpath]', async () => {
    const { value } = await asOnWindows(`return [os.name, sys.platform, os.sep, os.altsep, os.pathsep, os.linesep, os.path.__name__,
  os.path.join("data", "report.txt"), os.path.split("C:\\\\data\\\\a.txt"), os.path.normcase("Data/A.TXT"),
  os.path.isabs("C:\\\\x"), os.path.isabs("/x"), os.getcwd()[:3], os.path.abspath("x")[:3], hasattr(os, "uname")]`)
    expect(value).toEqual(['nt', 'win32', '\\', '/', ';', '\r\n', 'ntpath', 'data\\report.txt', ['C:\\data', 'a.txt'], 'data\\a.txt', true, false, 'C:\\', 'C:\\', false])
  })

  it('pathlib gives WindowsPath, and PosixPath cannot be made, as on Windows', async () => {
    const { value } = await asOnWindows(`p = pathlib.Path("data") / "a.txt"
try:
    pathlib.PosixPath("x")
    posix = "made"
except Exception as e:
    posix = type(e).__name__
return [type(p).__name__, str(p), p.exists(), str(pathlib.Path.cwd())[:3], posix]`, { 'data/a.txt': 'x' })
    expect(value).toEqual(['WindowsPath', 'data\\a.txt', true, 'C:\\', 'UnsupportedOperation'])
  })

  it('os.rename refuses to replace an existing file (FileExistsError, WinError 183); os.replace replaces [os] [errors]', async () => {
    const { value, tree } = await asOnWindows(`${RAISED}
first = raised(lambda: os.rename("report.txt", "old.txt"))
os.replace("report.txt", "old.txt")
return first`, { 'report.txt': 'new', 'old.txt': 'old' })
    expect(value).toEqual(['FileExistsError', '[WinError 183] Cannot create a file when that file already exists: \'report.txt\' -> \'old.txt\'', 183, 17])
    expect(tree).toEqual({ 'old.txt': 'new' })
  })

  it('names are case-insensitive but keep their case [naming]', async () => {
    const { value, tree } = await asOnWindows(`with open("REPORT.TXT") as f:
    text = f.read()
with open("Notes.TXT", "w") as f:
    f.write("1")
with open("notes.txt", "w") as f:
    f.write("2")
return [text, os.path.exists("DATA/SUB"), os.listdir(".")]`, { 'report.txt': 'hi', 'data/sub/': '' })
    expect(value).toEqual(['hi', true, ['data', 'Notes.TXT', 'report.txt']])
    expect(tree['Notes.TXT']).toBe('2')
  })

  it('a folder lists sorted without regard to case, as NTFS keeps it', async () => {
    const { value } = await asOnWindows('return os.listdir(".")', { 'gamma.txt': '', 'Beta.txt': '', 'alpha.txt': '', 'Delta/': '' })
    expect(value).toEqual(['alpha.txt', 'Beta.txt', 'Delta', 'gamma.txt'])
  })

  it('reserved names: a folder named CON is refused (WinError 267); writing to NUL.txt writes to the device, no file [naming]', async () => {
    const { value, tree } = await asOnWindows(`${RAISED}
with open("nul.txt", "w") as f:
    f.write("gone")
return [raised(lambda: os.mkdir("CON")), raised(lambda: os.mkdir("lpt1.log"))]`)
    expect(value[0]).toEqual(['NotADirectoryError', '[WinError 267] The directory name is invalid: \'CON\'', 267, 20])
    expect(value[1][2]).toBe(267)
    expect(tree).toEqual({})
  })

  it('a name with < > : " | ? * is refused; trailing dots and spaces are dropped [naming]', async () => {
    const { value, tree } = await asOnWindows(`${RAISED}
with open("notes.txt. ", "w") as f:
    f.write("x")
return [raised(lambda: os.mkdir("backup 12:30")), raised(lambda: open("what?.txt", "w"))]`)
    expect(value[0]).toEqual(['OSError', '[WinError 123] The filename, directory name, or volume label syntax is incorrect: \'backup 12:30\'', 123, 22])
    expect(value[1]).toEqual(['OSError', '[Errno 22] Invalid argument: \'what?.txt\'', null, 22])
    expect(tree).toEqual({ 'notes.txt': 'x' })
  })

  it('a file the code still holds open cannot be removed or renamed (PermissionError, WinError 32) [errors]', async () => {
    const { value, tree } = await asOnWindows(`${RAISED}
f = open("log.txt")
held = [raised(lambda: os.remove("log.txt")), raised(lambda: os.rename("log.txt", "b.txt"))]
f.close()
os.remove("log.txt")
return held`, { 'log.txt': 'x' })
    expect(value[0]).toEqual(['PermissionError', '[WinError 32] The process cannot access the file because it is being used by another process: \'log.txt\'', 32, 13])
    expect(value[1][2]).toBe(32)
    expect(tree).toEqual({})
  })

  it('os.chmod only sets or clears read-only, and a read-only file cannot be removed (WinError 5) [os]', async () => {
    const { value, tree } = await asOnWindows(`${RAISED}
os.chmod("a.txt", stat.S_IREAD)
mode = oct(os.stat("a.txt").st_mode)
refused = raised(lambda: os.remove("a.txt"))
os.chmod("a.txt", 0o777)
after = oct(os.stat("a.txt").st_mode)
os.remove("a.txt")
return [mode, refused, after, oct(os.stat("d").st_mode)]`, { 'a.txt': 'x', 'd/': '' })
    expect(value).toEqual(['0o100444', ['PermissionError', '[WinError 5] Access is denied: \'a.txt\'', 5, 13], '0o100666', '0o40777'])
    expect(tree).toEqual({ 'd/': '' })
  })

  it('either separator works, and "C:\\\\..." paths lead into the sandbox; another drive does not exist', async () => {
    const { value } = await asOnWindows(`${RAISED}
here = os.getcwd()
with open(here + "\\\\data\\\\a.txt") as f:
    text = f.read()
return [text, open("data/a.txt").read(), open("data\\\\a.txt").read(), raised(lambda: os.listdir("D:\\\\"))[0]]`, { 'data/a.txt': 'x' })
    expect(value).toEqual(['x', 'x', 'x', 'FileNotFoundError'])
  })

  it('environment variable names are case-insensitive; os.environ keeps them upper-case [os]', async () => {
    const { value } = await asOnWindows(`os.environ["Workshop_Name"] = "os"
return [os.environ["WORKSHOP_NAME"], os.getenv("workshop_name"), "Workshop_Name" in os.environ, [k for k in os.environ if "WORKSHOP" in k]]`)
    expect(value).toEqual(['os', 'os', true, ['WORKSHOP_NAME']])
  })

  it('errors read as CPython on Windows prints them: open() with [Errno N], os calls with [WinError N] [errmap]', async () => {
    const { value } = await asOnWindows(`${RAISED}
return [raised(lambda: open("missing.txt")), raised(lambda: os.remove("missing.txt")), raised(lambda: os.listdir("missing")),
        raised(lambda: os.mkdir("a/b/c")), raised(lambda: os.rmdir("full")), raised(lambda: os.listdir("full/x.txt")),
        raised(lambda: os.remove("full")), raised(lambda: os.symlink("full", "link"))]`, { 'full/x.txt': '' })
    expect(value).toEqual([
      ['FileNotFoundError', '[Errno 2] No such file or directory: \'missing.txt\'', null, 2],
      ['FileNotFoundError', '[WinError 2] The system cannot find the file specified: \'missing.txt\'', 2, 2],
      ['FileNotFoundError', '[WinError 3] The system cannot find the path specified: \'missing\'', 3, 2],
      ['FileNotFoundError', '[WinError 3] The system cannot find the path specified: \'a/b/c\'', 3, 2],
      ['OSError', '[WinError 145] The directory is not empty: \'full\'', 145, 41],
      ['NotADirectoryError', '[WinError 267] The directory name is invalid: \'full/x.txt\'', 267, 20],
      ['PermissionError', '[WinError 5] Access is denied: \'full\'', 5, 13],
      ['OSError', '[WinError 1314] A required privilege is not held by the client: \'full\' -> \'link\'', 1314, 22],
    ])
  })

  it('the folder the code stands in cannot be removed (WinError 32)', async () => {
    const { value } = await asOnWindows(`${RAISED}
os.chdir("work")
return raised(lambda: os.rmdir(os.getcwd()))`, { 'work/': '' })
    expect(value[2]).toBe(32)
  })

  it('text files are written with \\r\\n and read back with \\n [os.linesep]', async () => {
    const { value, tree } = await asOnWindows(`with open("a.txt", "w") as f:
    f.write("one\\ntwo\\n")
return open("a.txt").read()`)
    expect(value).toBe('one\ntwo\n')
    expect(tree['a.txt']).toBe('one\r\ntwo\r\n')
  })

  it('os.walk, shutil.copytree, shutil.move and shutil.rmtree work with Windows paths', async () => {
    const { value, tree } = await asOnWindows(`walked = [(top, sorted(files)) for top, dirs, files in os.walk("src")]
shutil.copytree("src", "copy")
shutil.move("copy", "moved")
shutil.rmtree("SRC")
return walked`, { 'src/a.txt': '1', 'src/sub/b.txt': '2' })
    expect(value).toEqual([['src', ['a.txt']], ['src\\sub', ['b.txt']]])
    expect(tree).toEqual({ 'moved/': '', 'moved/a.txt': '1', 'moved/sub/': '', 'moved/sub/b.txt': '2' })
  })

  it('the slide "The same code in two houses" shows what the Windows side prints', async () => {
    const page = readFileSync(join(PROJECT, 'pages', '02-one-protocol.md'), 'utf8')
    const slide = page.slice(page.indexOf('# The same code in two houses'))
    const code = /```python \{monaco-run\}.*\n([\s\S]*?)\n```/.exec(slide)![1]
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
    expect(seen.limit).toBe('blocked')
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
  const MISTAKES: [string, string, string, RegExp][] = [
    ['os.rename instead of os.replace', '16-works-everywhere', solution16.replace('os.replace(temporary, path)', 'os.rename(temporary, path)'), /use `os.replace`, which replaces on every system/],
    ['a path glued with "/"', '16-works-everywhere', solution16.replace('path = os.path.join(folder, name)', 'path = folder + "/" + name'), /joined with `\\`: build paths with `os.path.join`/],
    ['a path glued with "/" (exercise 01)', '01-which-os', solution01.replace('os.sep.join(parts)', '"/".join(parts)'), /joined with `\\`/],
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

  it('exercise 12: a name that differs only in case is the same file on Windows ("exists"), another on Linux ("moved")', async () => {
    const verdict = await gradeExercise(runtime, specOf('12-errors'), read('solutions', '12-errors', 'task.py'))
    const both = verdict.cases.find(v => v.name.includes('differs only in case'))
    expect(both?.profiles).toEqual({ linux: 'pass', windows: 'pass' })
    // looks for the exact name, then replaces: on Windows that loses Final.txt
    const caseSensitive = read('solutions', '12-errors', 'task.py')
      .replace('if os.path.exists(dst):', 'if os.path.basename(dst) in os.listdir(os.path.dirname(dst) or "."):')
      .replace('os.rename(src, dst)', 'os.replace(src, dst)')
    const wrong = await gradeExercise(runtime, specOf('12-errors'), caseSensitive)
    expect(wrong.cases.find(v => v.name.includes('differs only in case'))?.profiles).toEqual({ linux: 'pass', windows: 'fail' })
  })
})
