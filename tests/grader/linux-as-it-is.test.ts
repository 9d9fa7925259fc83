// Under Pyodide the sandbox answers as Linux does: each probe runs in the sandbox and in
// real CPython on Linux (as user nobody), and both must report the same. Each probe is
// one difference a curious learner found between the slides and a real Linux machine.
import type { Runtime } from '../../core/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RUNTIMES_UNDER_TEST } from '../../support/unprivileged'
import { runOneCase } from './run-case'

const runtimes = RUNTIMES_UNDER_TEST.map(([name, create]) => ({ name, runtime: create() as Runtime }))
beforeAll(() => Promise.all(runtimes.map(r => r.runtime.warm())), 600_000)
afterAll(() => Promise.all(runtimes.map(r => r.runtime.close())))

const RAISED = `def raised(call):
    try:
        call()
    except OSError as e:
        return [type(e).__name__, str(e), e.errno, list(e.args)]
    return "no error"
`

/** What `body` (the inside of `def probe():`) returns, on each runtime. */
async function onEach(body: string, tree: Record<string, string> = {}) {
  const source = `import os, sys, errno, stat\n${RAISED}\ndef probe():\n${body.split('\n').map(l => `    ${l}`).join('\n')}\n`
  const seen: Record<string, unknown> = {}
  for (const { name, runtime } of runtimes) {
    const report = await runOneCase(runtime, source, 'probe', { name: 'probe', tree, expect: { return: null } })
    seen[name] = report.exception ? `raised ${report.exception.type}: ${report.exception.message}` : report.returned?.value
  }
  return seen
}

function sameOnEach(seen: Record<string, unknown>) {
  const [first, ...others] = Object.values(seen)
  expect(String(first), 'the probe itself worked').not.toMatch(/^raised /)
  for (const other of others)
    expect(other).toEqual(first)
  return first
}

describe('the sandbox answers as Linux', () => {
  it('errno numbers, os.strerror and the errno module are Linux\'s', async () => {
    const answer = sameOnEach(await onEach(`e = raised(lambda: open("missing.txt"))
return [e, errno.ENOENT, errno.EEXIST, errno.ENOTEMPTY, os.strerror(2), os.strerror(errno.ELOOP), errno.errorcode[2], e[2] == errno.ENOENT]`))
    expect(answer).toEqual([['FileNotFoundError', '[Errno 2] No such file or directory: \'missing.txt\'', 2, [2, 'No such file or directory']], 2, 17, 39, 'No such file or directory', 'Too many levels of symbolic links', 'ENOENT', true])
  })

  it('new files and folders get the umask: 644 and 755 under 022, 600 under 077', async () => {
    const answer = sameOnEach(await onEach(`os.umask(0o022)
with open("a.txt", "w") as f:
    f.write("x")
os.mkdir("d")
old = os.umask(0o077)
with open("private.txt", "w") as f:
    f.write("x")
return [oct(os.stat("a.txt").st_mode), oct(os.stat("d").st_mode), oct(old), oct(os.stat("private.txt").st_mode)]`))
    expect(answer).toEqual(['0o100644', '0o40755', '0o22', '0o100600'])
  })

  it('a name over 255 bytes is refused: File name too long', async () => {
    const answer = sameOnEach(await onEach(`return [raised(lambda: open("a" * 256, "w"))[1][:32], os.listdir(".")]`))
    expect(answer).toEqual(['[Errno 36] File name too long: \'', []])
  })

  it('"notes.txt/" is no file: Not a directory', async () => {
    const answer = sameOnEach(await onEach('return [raised(lambda: open("notes.txt/")), os.path.exists("notes.txt/"), os.path.isfile("notes.txt/")]', { 'notes.txt': 'hi' }))
    expect(answer).toEqual([['NotADirectoryError', '[Errno 20] Not a directory: \'notes.txt/\'', 20, [20, 'Not a directory']], false, false])
  })

  it('rmdir(".") is invalid, and the folder you stand in can be removed: getcwd() then fails', async () => {
    const answer = sameOnEach(await onEach(`os.mkdir("here")
os.chdir("here")
dot = raised(lambda: os.rmdir("."))
os.rmdir(os.path.join("..", "here"))
gone = raised(os.getcwd)
os.chdir("..")
return [dot, gone[0], os.listdir(".")]`))
    expect(answer).toEqual([['OSError', '[Errno 22] Invalid argument: \'.\'', 22, [22, 'Invalid argument']], 'FileNotFoundError', []])
  })

  it('a link loop reads "Too many levels of symbolic links"', async () => {
    const answer = sameOnEach(await onEach(`os.symlink("b", "a")
os.symlink("a", "b")
return raised(lambda: open("a"))`))
    expect(answer).toEqual(['OSError', '[Errno 40] Too many levels of symbolic links: \'a\'', 40, [40, 'Too many levels of symbolic links']])
  })

  it('sys.platform is "linux", and the harness does not show: built-in functions, posix.ScandirIterator', async () => {
    const answer = sameOnEach(await onEach(`with os.scandir(".") as listing:
    kind = str(type(listing))
return [sys.platform, os.uname().sysname, repr(os.listdir), repr(os.remove), kind, os.listdir.__name__, "Remove a file" in os.remove.__doc__]`))
    expect(answer).toEqual(['linux', 'Linux', '<built-in function listdir>', '<built-in function remove>', '<class \'posix.ScandirIterator\'>', 'listdir', true])
  })

  it('help(os.remove) shows the real signature, not the harness', async () => {
    const answer = sameOnEach(await onEach(`import pydoc
text = pydoc.render_doc(os.remove, renderer=pydoc.plaintext)
return [line for line in text.splitlines() if line.startswith("remove(")]`))
    expect(answer).toEqual(['remove(path, *, dir_fd=None)'])
  })

  it('a folder with read but no search permission still lists its names', async () => {
    const answer = sameOnEach(await onEach(`os.chmod("box", 0o644)
try:
    return sorted(os.listdir("box"))
finally:
    os.chmod("box", 0o755)`, { 'box/a.txt': '' }))
    expect(answer).toEqual(['a.txt'])
  })
})

it('an error message the learner wrote keeps the absolute path it printed', async () => {
  const pyodide = runtimes[0].runtime
  const seen = await runOneCase(pyodide, 'import os\n\ndef probe():\n    raise ValueError(os.path.abspath("x.txt"))\n', 'probe', { name: 'probe', expect: { return: null } })
  expect(seen.exception?.message).toMatch(/^\/.+\/x\.txt$/)
})
