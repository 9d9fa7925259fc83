// Hostile learner code against the trust boundary: it must not reach the host (files
// outside its case, programs, the network), nor another exercise's verdict, nor the
// expected values. Every escape attempt only ever writes a canary file in a temporary
// folder. CPython runs this code for real, so it runs as user nobody with a process cap.
// Written against gradeExercise and the runtimes' factories only, so the same file
// shows what an older grader let through.

import type { Runtime } from '../../core/protocol'
import type { Spec } from '../../core/spec'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gradeExercise } from '../../core/grade'
import { validateSpec } from '../../core/spec'
import { createBrowserRuntime } from '../../grader/runtimes/browser'
import { createCpythonRuntime } from '../../grader/runtimes/cpython'
import { createPyodideRuntime } from '../../grader/runtimes/pyodide'
import { RUNTIMES_UNDER_TEST, unprivilegedPython } from '../../support/unprivileged'
import { watchForEscapes } from './canary'
import { PROJECT } from './run-cli'

const spec = (id: string): Spec => validateSpec(JSON.parse(readFileSync(join(PROJECT, 'exercises', id, 'spec.json'), 'utf8')), id)
const starter = (id: string) => readFileSync(join(PROJECT, 'starters', id, 'task.py'), 'utf8')

const watch = watchForEscapes()

/**
 * On a fresh clone the first runtime makes Python's snapshot (Chromium compiles Pyodide
 * too): started one at a time, before its tests, so their own limits measure only them.
 */
const STARTUP_MS = 600_000
async function started(runtime: Runtime): Promise<Runtime> {
  await runtime.warm()
  return runtime
}

/** Every route to JavaScript an interpreter offers, each used to write the canary or knock on the server. */
function escapeByJavaScript(call: string) {
  const js = `(() => { const get = name => globalThis.process.getBuiltinModule(name); try { get('fs').writeFileSync(${JSON.stringify(watch.canary)}, 'fs') } catch {} try { get('child_process').execSync('touch ${watch.canary}') } catch {} try { get('net').connect(${watch.port}, '127.0.0.1') } catch {} try { fetch('http://127.0.0.1:${watch.port}/').catch(() => {}) } catch {} try { new WebSocket('ws://127.0.0.1:${watch.port}/') } catch {} return 1 })()`
  return `import gc
import sys


def ${call}(*args, **kwargs):
    tried = []
    # the import guard is a guard against accidents: take it away first
    sys.meta_path[:] = [m for m in sys.meta_path if type(m).__name__ != "ImportBlocker"]
    found = [o for o in gc.get_objects() if type(o).__name__.startswith("Js")]
    for value in list(sys.modules.values()):
        found += [v for v in vars(value).values() if type(v).__name__.startswith("Js")] if hasattr(value, "__dict__") else []
    for name in ("js", "pyodide_js", "_pyodide_core", "pyodide.ffi", "pyodide.code"):
        try:
            found.append(__import__(name, fromlist=["x"]))
        except BaseException as error:
            tried.append("import %s: %s" % (name, type(error).__name__))
    for thing in found:
        try:  # a proxy's constructor's constructor is Function
            thing.constructor.constructor("return globalThis")().eval(${JSON.stringify(js)})
        except BaseException as error:
            tried.append("constructor: %s" % type(error).__name__)
    try:
        from pyodide.ffi import to_js
        to_js({}).constructor.constructor(${JSON.stringify(`return ${js}`)})()
    except BaseException as error:
        tried.append("to_js: %s" % type(error).__name__)
    try:
        from pyodide.code import run_js
        run_js(${JSON.stringify(js)})
    except BaseException as error:
        tried.append("run_js: %s" % type(error).__name__)
    try:  # Pyodide can mount a host folder into its own file system
        import pyodide_js
        from pyodide.ffi import to_js
        options = to_js({"root": ${JSON.stringify(watch.folder)}}, dict_converter=pyodide_js.constructor.fromEntries)
        pyodide_js.FS.mkdirTree("/mnt/host")
        pyodide_js.FS.mount(pyodide_js._module.NODEFS, options, "/mnt/host")
        pyodide_js.FS.writeFile("/mnt/host/escaped", "nodefs")
    except BaseException as error:
        tried.append("NODEFS: %s %s" % (type(error).__name__, str(error)[:80]))
    try:
        import socket
        socket.create_connection(("127.0.0.1", ${watch.port}), timeout=1)
    except BaseException as error:
        tried.append("socket: %s" % type(error).__name__)
    for module in ("harness.sandbox", "harness"):  # the guards keep the real function somewhere
        try:
            pristine = vars(sys.modules[module]).get("_OS") or {}
            pristine["system"]("touch ${watch.canary}")
        except BaseException as error:
            tried.append("system: %s" % type(error).__name__)
    return [line for line in tried if not line.endswith("AttributeError")]
`
}

describe.each([
  ['the default runtime (Pyodide in a restricted process)', () => createPyodideRuntime({ keepWarm: false })],
  ['the isolated mode (Pyodide in Chromium)', () => createBrowserRuntime({ keepWarm: false })],
])('%s: no way out', (_, create) => {
  let runtime: Runtime
  beforeAll(async () => {
    runtime = await started(create())
  }, STARTUP_MS)
  afterAll(() => runtime?.close())

  it('learner code that reaches for JavaScript by every route Pyodide offers writes nothing, runs nothing and reaches no network', async () => {
    const verdict = await gradeExercise(runtime, spec('12-file-facts'), escapeByJavaScript('largest_file'))
    await new Promise(resolve => setTimeout(resolve, 1000)) // a connection started late still arrives
    expect(existsSync(watch.canary), 'the canary was written').toBe(false)
    expect(watch.knocks, 'the test server was reached').toBe(0)
    expect(verdict.status).not.toBe('pass')
  }, 60_000)
})

/** Wraps every harness function it finds so that each later run reports a pass. */
const HARNESS_WRAPPER = `import sys


def build_folders(root, names):
    for name, module in list(sys.modules.items()):
        if not name.startswith("harness"):
            continue
        for attr in ("run_case", "run_case_json", "judge", "describe_value"):
            real = getattr(module, attr, None)
            if not callable(real):
                continue
            def forged(*args, _real=real, **kwargs):
                result = _real(*args, **kwargs)
                if isinstance(result, dict):
                    result.pop("exception", None)
                    result.pop("ending", None)
                    expected = (args[1] if len(args) > 1 and isinstance(args[1], dict) else {}).get("expect", {})
                    if "return" in expected:
                        result["returned"] = {"value": expected["return"], "repr": repr(expected["return"])}
                    if "tree" in expected:
                        result["tree_after"] = expected["tree"]
                return result
            setattr(module, attr, forged)
    return []
`

/** Reads what is expected of it from wherever it might be, and returns that. */
const EXPECTATION_READER = `import gc
import sys


def largest_file(folder):
    frame = sys._getframe(1)
    while frame is not None:
        for value in list(frame.f_locals.values()):
            if isinstance(value, dict) and isinstance(value.get("expect"), dict) and "return" in value["expect"]:
                return value["expect"]["return"]
        frame = frame.f_back
    for value in gc.get_objects():
        if isinstance(value, dict) and isinstance(value.get("expect"), dict) and "return" in value["expect"]:
            return value["expect"]["return"]
    return None
`

describe.each([...RUNTIMES_UNDER_TEST, ['isolated (Pyodide in Chromium)', () => createBrowserRuntime({ keepWarm: false })] as const])('%s: one exercise, one verdict', (_, create) => {
  let runtime: Runtime
  beforeAll(async () => {
    runtime = await started(create())
  }, STARTUP_MS)
  afterAll(() => runtime?.close())

  it('a task.py that wraps the harness cannot change the verdicts of other exercises\' untouched starters', async () => {
    const ids = ['07-bulk-rename', '08-tidy-by-extension', '10-walk-tree']
    const statuses = async () => Promise.all(ids.map(async id => (await gradeExercise(runtime, spec(id), starter(id))).cases.map(c => c.status)))
    const before = await statuses()
    await gradeExercise(runtime, spec('06-build-folders'), HARNESS_WRAPPER)
    expect(await statuses()).toEqual(before)
    expect(before.flat()).toContain('fail')
  }, 120_000)

  it('the expected values never reach the learner\'s code: not in the caller\'s frame, not anywhere in memory', async () => {
    const facts = spec('12-file-facts')
    const verdict = await gradeExercise(runtime, facts, EXPECTATION_READER)
    // the reader returns None when it finds nothing: only cases that expect None may pass
    const found = verdict.cases.filter((c, i) => c.status === 'pass' && facts.cases[i].expect.return !== null)
    expect(found.map(c => c.name)).toEqual([])
    expect(facts.cases.some(c => c.expect.return !== null)).toBe(true)
  }, 60_000)
})

describe('cPython (as an unprivileged user): what the child reports is read, never believed', () => {
  let runtime: Runtime
  beforeAll(async () => {
    runtime = await started(createCpythonRuntime(unprivilegedPython()))
  }, STARTUP_MS)
  afterAll(() => runtime?.close())
  const forged = JSON.stringify({ stage: 'call', returned: { value: [], repr: '[]' }, output: '', output_truncated: false, cwd_after: '.', tree_after: { 'a.md': 'A', 'b.md': 'B', 'cat.jpg': 'jpg' } })

  it('a forged report after the harness\'s marker, on every descriptor, then a hard exit: the folder is read from disk, no pass', async () => {
    const source = `import os


def rename_txt_to_md(folder):
    text = ${JSON.stringify(`\n@@harness-result@@${forged}`)}
    for fd in range(1, 40):
        try:
            os.write(fd, text.encode())
        except OSError:
            pass
    os.abort()
`
    const verdict = await gradeExercise(runtime, spec('07-bulk-rename'), source)
    expect(verdict.cases[0].status).not.toBe('pass')
    expect(verdict.cases.every(c => c.status !== 'pass')).toBe(true)
  }, 60_000)

  it('a malformed report followed by os.abort() is that case\'s error, in words, and grading goes on', async () => {
    const source = `import os


def rename_txt_to_md(folder):
    for fd in range(1, 40):
        try:
            os.write(fd, b'\\n@@harness-result@@{"returned": {"value": [1, 2}, "ending": "party"}\\n')
        except OSError:
            pass
    os.abort()
`
    const verdict = await gradeExercise(runtime, spec('07-bulk-rename'), source)
    expect(verdict.status).toBe('error')
    const first = verdict.problem ?? verdict.cases[0].message
    expect(first).toMatch(/Python stopped unexpectedly/)
    const next = await gradeExercise(runtime, spec('07-bulk-rename'), readFileSync(join(PROJECT, 'solutions', '07-bulk-rename', 'task.py'), 'utf8'))
    expect(next.status).toBe('pass')
  }, 60_000)

  it('a slide\'s script that forges its report: the folder before and after is read from disk', async () => {
    const source = `import os
open("made.txt", "w").write("real")
for fd in range(3, 40):
    try:
        os.write(fd, b'{"output": "", "output_truncated": false, "tree_before": {}, "tree_after": {"forged.txt": "x"}}')
    except OSError:
        pass
os.abort()
`
    const result = await runtime.runScript({ source, tree: { 'a.txt': 'A' }, timeoutS: 5 })
    expect(result.status === 'done' && [result.report.tree_before, result.report.tree_after]).toEqual([{ 'a.txt': 'A' }, { 'a.txt': 'A', 'made.txt': 'real' }])
  }, 60_000)

  it('reaches no network on Linux, even with the import guard taken away', async () => {
    const source = `import sys\n\n\ndef build_folders(root, names):\n    sys.meta_path[:] = [m for m in sys.meta_path if type(m).__name__ != "ImportBlocker"]\n    import socket\n    socket.create_connection(("127.0.0.1", ${watch.port}), timeout=1)\n    return []\n`
    const verdict = await gradeExercise(runtime, spec('06-build-folders'), source)
    expect(watch.knocks, 'the test server was reached').toBe(0)
    expect(verdict.cases[0].message).toMatch(/OSError|Network is unreachable/)
  }, 60_000)

  it.each([
    ['posix.system', 'import posix\n    posix.system("touch CANARY")'],
    ['io.FileIO outside the folder', 'import io\n    io.FileIO("CANARY", "w").write(b"x")'],
    ['_io.open outside the folder', 'import _io\n    _io.open("CANARY", "w").write("x")'],
    ['os.open outside the folder', 'import os\n    os.write(os.open("CANARY", os.O_WRONLY | os.O_CREAT), b"x")'],
    ['posix.open outside the folder', 'import posix\n    posix.write(posix.open("CANARY", posix.O_WRONLY | posix.O_CREAT), b"x")'],
    ['_posixsubprocess', 'import _posixsubprocess\n    _posixsubprocess.fork_exec'],
    ['posix.fork', 'import posix\n    posix.fork()'],
  ])('%s is refused by the guards against accidents', async (_, body) => {
    const source = `def build_folders(root, names):\n    ${body.replace(/CANARY/g, watch.canary)}\n    return []\n`
    const verdict = await gradeExercise(runtime, spec('06-build-folders'), source)
    expect(existsSync(watch.canary), 'the canary was written').toBe(false)
    expect(verdict.problem ?? verdict.cases[0].message).toMatch(/not available|cannot run|outside the exercise folder/)
  }, 60_000)
})
