// Learner code that misbehaves gets a clear verdict, the host is untouched, and
// the next case still runs. Each runtime keeps one instance for the whole list.
// CPython runs this code for real, so here it runs as an unprivileged user with a
// process cap (never as root: see the README's safety note).

import type { Runtime } from '../../core/protocol'
import type { Case } from '../../core/spec'
import { existsSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { judgeCase } from '../../core/judge'
import { RUNTIMES_UNDER_TEST } from '../../support/unprivileged'
import { runOneCase } from './run-case'

const CASE: Case = {
  name: 'copies the note',
  tree: { 'note.txt': 'hi', 'keep/': '' },
  args: ['note.txt'],
  expect: { return: 'hi', unchanged: true },
}
const GOOD = 'def read(path):\n    with open(path) as f:\n        return f.read()\n'
const TIMEOUT_S = 2

const BAD: [string, string, RegExp][] = [
  ['an infinite loop', 'def read(path):\n    while True:\n        pass\n', /did not finish within 2 s/],
  ['time.sleep(1e9)', 'import time\ndef read(path):\n    time.sleep(1e9)\n', /did not finish/],
  ['a loop that catches BaseException', 'def read(path):\n    while True:\n        try:\n            while True:\n                pass\n        except BaseException:\n            pass\n', /did not finish/],
  ['sys.exit()', 'import sys\ndef read(path):\n    sys.exit()\n', /called sys\.exit\(\).*return/s],
  ['os._exit()', 'import os\ndef read(path):\n    os._exit(3)\n', /called os\._exit\(3\)/],
  ['input()', 'def read(path):\n    return input("name? ")\n', /input\(\) cannot be answered/],
  ['a syntax error', 'def read(path)\n    return 1\n', /while Python was loading it[\s\S]*line 1\n\s*def read\(path\)\n\s*\^\n[\s\S]*SyntaxError/],
  ['printing 100 MB', 'def read(path):\n    for _ in range(100):\n        print("x" * 1_000_000)\n', /printed more than 64K characters/],
  ['a memory blow-up', 'def read(path):\n    return bytearray(2 ** 31 - 1)\n', /more memory than the grader allows/],
  ['os.system', 'import os\ndef read(path):\n    return os.system("echo hacked")\n', /os\.system\(\) cannot run/],
  ['a fork bomb', 'import os\ndef read(path):\n    for _ in range(20):\n        os.fork()\n', /os\.fork\(\) cannot run/],
  ['subprocess', 'import subprocess\ndef read(path):\n    return 1\n', /`import subprocess` is not available/],
  ['import js', 'def read(path):\n    import js\n    return js.process.env.HOME\n', /`import js` is not available/],
  ['import pyodide_js', 'def read(path):\n    import pyodide_js\n    return 1\n', /`import pyodide_js` is not available/],
  ['deleting everything', 'import shutil\ndef read(path):\n    shutil.rmtree("/", ignore_errors=False)\n', /outside the exercise folder|the exercise folder itself/],
  ['writing outside its folder', 'def read(path):\n    open("/tmp/os-workshop-escape.txt", "w").write("x")\n', /outside the exercise folder/],
  ['a crash in its own code', 'import os\ndef read(path):\n    return os.listdir("missing")\n', /raised FileNotFoundError[\s\S]*File "task\.py", line 3, in read[\s\S]*\[Errno 2\] No such file or directory: 'missing'/],
]

describe.each(RUNTIMES_UNDER_TEST)('%s', (_, create) => {
  const runtime: Runtime = create()
  afterAll(() => runtime.close())
  const grade = async (source: string, c: Case = CASE) =>
    judgeCase(c, await runOneCase(runtime, source, 'read', c, TIMEOUT_S), 'read', TIMEOUT_S)

  it.each(BAD)('%s gets a clear verdict, and the next case still passes', async (_, source, message) => {
    const verdict = await grade(source)
    expect(verdict.status).toBe('error')
    expect(verdict.message).toMatch(message)
    expect(verdict.message).not.toMatch(/harness\.py|os-workshop-case-|\/sandbox\//)
    const next = await grade(GOOD)
    expect(next.status, next.message).toBe('pass')
  }, 30_000)

  it('the host is untouched: no escape file, the environment is the case\'s own', async () => {
    expect(existsSync('/tmp/os-workshop-escape.txt')).toBe(false)
    const envCase: Case = { ...CASE, env: { ONLY: 'this' }, expect: { return: { ONLY: 'this' } } }
    const verdict = await grade('import os\ndef read(path):\n    return dict(os.environ)\n', envCase)
    expect(verdict.status, verdict.message).toBe('pass')
  })

  it('a denied path raises PermissionError, and the learner can handle it', async () => {
    const denied: Case = { ...CASE, deny: ['note.txt'], expect: { return: 'denied' } }
    const source = 'def read(path):\n    try:\n        open(path).read()\n    except PermissionError:\n        return "denied"\n'
    expect((await grade(source, denied)).status).toBe('pass')
  })
})
