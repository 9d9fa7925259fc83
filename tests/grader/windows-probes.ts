// What the Windows profile must answer, probe by probe, each with its source:
//   [naming]   Microsoft Learn, "Naming Files, Paths, and Namespaces"
//   [errors]   Microsoft Learn, "System Error Codes (0-499)" and "(1300-1699)"
//   [os]       docs.python.org/3/library/os.html: rename, replace, chmod, environ, linesep
//   [errmap]   CPython's PC/errmap.h: the errno each WinError gets
//   [ntpath]   docs.python.org/3/library/os.path.html ("ntpath for Windows paths")
//   [open]     docs.python.org/3/library/functions.html#open ("the default encoding is platform
//              dependent", locale.getencoding(): cp1252 on a Western European Windows) and PEP 686
//              (UTF-8 by default only from Python 3.15)
// tests/grader/windows-profile.test.ts checks the profile against `returns`;
// scripts/compare-windows-profile.ts runs the same probes on a real Windows machine
// (the windows-profile workflow) and checks both answer alike.

export interface WindowsProbe {
  name: string
  /** the inside of `def probe():`, with `raised(call)` at hand */
  body: string
  tree?: Record<string, string>
  /** what the probe returns as on Windows */
  returns: unknown
  /** the folder afterwards, where the probe is about it */
  treeAfter?: Record<string, string>
  /** why a real Windows machine answers differently on purpose (the sandbox's choice), if it does */
  onlyInTheSandbox?: string
}

/** The probe's module: `raised(call)` gives [type, str, .winerror, .errno] of what call raises. */
export function probeSource(body: string): string {
  return `import os, sys, stat, shutil, pathlib


def raised(call):
    try:
        call()
    except OSError as e:
        return [type(e).__name__, str(e), getattr(e, "winerror", None), e.errno]
    return "no error"


def probe():
${body.split('\n').map(line => `    ${line}`).join('\n')}
`
}

export const WINDOWS_PROBES: WindowsProbe[] = [
  {
    name: 'os, os.path and sys answer as on Windows [os] [ntpath]',
    body: `return [os.name, sys.platform, os.sep, os.altsep, os.pathsep, os.linesep, os.path.__name__,
        os.path.join("data", "report.txt"), os.path.split("C:\\\\data\\\\a.txt"), os.path.normcase("Data/A.TXT"),
        os.path.isabs("C:\\\\x"), os.path.isabs("/x"), os.getcwd()[1:3], os.path.abspath("x")[1:3], hasattr(os, "uname")]`,
    returns: ['nt', 'win32', '\\', '/', ';', '\r\n', 'ntpath', 'data\\report.txt', ['C:\\data', 'a.txt'], 'data\\a.txt', true, false, ':\\', ':\\', false],
  },
  {
    name: 'pathlib gives WindowsPath, and PosixPath cannot be made [pathlib]',
    body: `p = pathlib.Path("data") / "a.txt"
try:
    pathlib.PosixPath("x")
    posix = "made"
except Exception as e:
    posix = type(e).__name__
return [type(p).__name__, str(p), p.exists(), posix]`,
    tree: { 'data/a.txt': 'x' },
    returns: ['WindowsPath', 'data\\a.txt', true, 'UnsupportedOperation'],
  },
  {
    name: 'os.rename refuses to replace an existing file (FileExistsError, WinError 183); os.replace replaces [os] [errors]',
    body: `first = raised(lambda: os.rename("report.txt", "old.txt"))
os.replace("report.txt", "old.txt")
return first`,
    tree: { 'report.txt': 'new', 'old.txt': 'old' },
    returns: ['FileExistsError', '[WinError 183] Cannot create a file when that file already exists: \'report.txt\' -> \'old.txt\'', 183, 17],
    treeAfter: { 'old.txt': 'new' },
  },
  {
    name: 'names are case-insensitive but keep their case [naming]',
    body: `with open("REPORT.TXT") as f:
    text = f.read()
with open("Notes.TXT", "w") as f:
    f.write("1")
with open("notes.txt", "w") as f:
    f.write("2")
return [text, os.path.exists("DATA/SUB"), os.listdir(".")]`,
    tree: { 'report.txt': 'hi', 'data/sub/': '' },
    returns: ['hi', true, ['data', 'Notes.TXT', 'report.txt']],
    treeAfter: { 'report.txt': 'hi', 'data/': '', 'data/sub/': '', 'Notes.TXT': '2' },
  },
  {
    name: 'a folder lists sorted without regard to case, as NTFS keeps it',
    body: 'return os.listdir(".")',
    tree: { 'gamma.txt': '', 'Beta.txt': '', 'alpha.txt': '', 'Delta/': '' },
    returns: ['alpha.txt', 'Beta.txt', 'Delta', 'gamma.txt'],
  },
  {
    name: 'reserved names: a folder named CON or lpt1.log is refused (WinError 267); NUL.txt is the null device, no file [naming]',
    body: `with open("nul.txt", "w") as f:
    f.write("gone")
return [raised(lambda: os.mkdir("CON")), raised(lambda: os.mkdir("lpt1.log"))[2]]`,
    returns: [['NotADirectoryError', '[WinError 267] The directory name is invalid: \'CON\'', 267, 20], 267],
    treeAfter: {},
  },
  {
    name: 'a name with < > : " | ? * is refused; trailing dots and spaces are dropped [naming]',
    body: `with open("notes.txt. ", "w") as f:
    f.write("x")
return [raised(lambda: os.mkdir("backup 12:30")), raised(lambda: open("what?.txt", "w"))]`,
    returns: [
      ['OSError', '[WinError 123] The filename, directory name, or volume label syntax is incorrect: \'backup 12:30\'', 123, 22],
      ['OSError', '[Errno 22] Invalid argument: \'what?.txt\'', null, 22],
    ],
    treeAfter: { 'notes.txt': 'x' },
  },
  {
    name: 'a file the code still holds open cannot be removed or renamed (PermissionError, WinError 32) [errors]',
    body: `f = open("log.txt")
held = [raised(lambda: os.remove("log.txt")), raised(lambda: os.rename("log.txt", "b.txt"))[2]]
f.close()
os.remove("log.txt")
return held`,
    tree: { 'log.txt': 'x' },
    returns: [['PermissionError', '[WinError 32] The process cannot access the file because it is being used by another process: \'log.txt\'', 32, 13], 32],
    treeAfter: {},
  },
  {
    name: 'os.chmod only sets or clears read-only, and a read-only file cannot be removed (WinError 5) [os]',
    body: `os.chmod("a.txt", stat.S_IREAD)
mode = oct(os.stat("a.txt").st_mode)
refused = raised(lambda: os.remove("a.txt"))
os.chmod("a.txt", 0o777)
after = oct(os.stat("a.txt").st_mode)
os.remove("a.txt")
return [mode, refused, after, oct(os.stat("d").st_mode)]`,
    tree: { 'a.txt': 'x', 'd/': '' },
    returns: ['0o100444', ['PermissionError', '[WinError 5] Access is denied: \'a.txt\'', 5, 13], '0o100666', '0o40777'],
    treeAfter: { 'd/': '' },
  },
  {
    name: 'either separator works, and absolute "C:\\\\..." paths work',
    body: `here = os.getcwd()
with open(here + "\\\\data\\\\a.txt") as f:
    text = f.read()
return [text, open("data/a.txt").read(), open("data\\\\a.txt").read()]`,
    tree: { 'data/a.txt': 'x' },
    returns: ['x', 'x', 'x'],
  },
  {
    name: 'only drive C: exists',
    body: 'return raised(lambda: os.listdir("Q:\\\\"))[0]',
    returns: 'FileNotFoundError',
    onlyInTheSandbox: 'a real machine has the drives it has; the sandbox has C: only',
  },
  {
    name: 'environment variable names are case-insensitive; os.environ keeps them upper-case [os]',
    body: `os.environ["Workshop_Name"] = "os"
return [os.environ["WORKSHOP_NAME"], os.getenv("workshop_name"), "Workshop_Name" in os.environ, [k for k in os.environ if "WORKSHOP" in k]]`,
    returns: ['os', 'os', true, ['WORKSHOP_NAME']],
  },
  {
    name: 'errors read as CPython on Windows prints them: open() with [Errno N], os calls with [WinError N] [errmap]',
    body: `return [raised(lambda: open("missing.txt")), raised(lambda: os.remove("missing.txt")), raised(lambda: os.listdir("missing")),
        raised(lambda: os.mkdir("a/b/c")), raised(lambda: os.rmdir("full")), raised(lambda: os.listdir("full/x.txt")),
        raised(lambda: os.remove("full"))]`,
    tree: { 'full/x.txt': '' },
    returns: [
      ['FileNotFoundError', '[Errno 2] No such file or directory: \'missing.txt\'', null, 2],
      ['FileNotFoundError', '[WinError 2] The system cannot find the file specified: \'missing.txt\'', 2, 2],
      ['FileNotFoundError', '[WinError 3] The system cannot find the path specified: \'missing\'', 3, 2],
      ['FileNotFoundError', '[WinError 3] The system cannot find the path specified: \'a/b/c\'', 3, 2],
      ['OSError', '[WinError 145] The directory is not empty: \'full\'', 145, 41],
      ['NotADirectoryError', '[WinError 267] The directory name is invalid: \'full/x.txt\'', 267, 20],
      ['PermissionError', '[WinError 5] Access is denied: \'full\'', 5, 13],
    ],
  },
  {
    name: 'os.symlink needs a privilege a learner\'s account lacks (WinError 1314) [errors]',
    body: 'return raised(lambda: os.symlink("full", "link"))',
    tree: { 'full/': '' },
    returns: ['OSError', '[WinError 1314] A required privilege is not held by the client: \'full\' -> \'link\'', 1314, 22],
    onlyInTheSandbox: 'an administrator or Developer Mode may make links; a CI runner is an administrator',
  },
  {
    name: 'the folder the code stands in cannot be removed (WinError 32)',
    body: `os.chdir("work")
return raised(lambda: os.rmdir(os.getcwd()))[2]`,
    tree: { 'work/': '' },
    returns: 32,
  },
  {
    name: 'text files are written with \\r\\n and read back with \\n [os.linesep]',
    body: `with open("a.txt", "w") as f:
    f.write("one\\ntwo\\n")
return open("a.txt").read()`,
    returns: 'one\ntwo\n',
    treeAfter: { 'a.txt': 'one\r\ntwo\r\n' },
  },
  {
    name: 'open() without an encoding reads and writes cp1252, so a UTF-8 "é" reads as "Ã©" and "✓" cannot be written [open]',
    body: `with open("a.txt", "w") as f:
    f.write("café")
try:
    with open("b.txt", "w") as f:
        f.write("✓")
    tick = "no error"
except UnicodeEncodeError as e:
    tick = str(e)
return [open("a.txt", "rb").read().hex(), open("u.txt").read(), open("u.txt", encoding="utf-8").read(), tick]`,
    tree: { 'u.txt': 'café' },
    returns: ['636166e9', 'cafÃ©', 'café', '\'charmap\' codec can\'t encode character \'\\u2713\' in position 0: character maps to <undefined>'],
  },
  {
    name: 'os.walk, shutil.copytree, shutil.move and shutil.rmtree work with Windows paths',
    body: `walked = [(top, sorted(files)) for top, dirs, files in os.walk("src")]
shutil.copytree("src", "copy")
shutil.move("copy", "moved")
shutil.rmtree("SRC")
return walked`,
    tree: { 'src/a.txt': '1', 'src/sub/b.txt': '2' },
    returns: [['src', ['a.txt']], ['src\\sub', ['b.txt']]],
    treeAfter: { 'moved/': '', 'moved/a.txt': '1', 'moved/sub/': '', 'moved/sub/b.txt': '2' },
  },
]
