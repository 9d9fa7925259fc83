// Grader timings, each against a baseline measured in the same run: grading cold
// (a bare Pyodide load is the yardstick), watch mode (save → verdict on screen, in the
// learner's view), exercises holding hostile code (one time limit + 3 s at most), the
// isolated mode, and what a fresh interpreter costs each way it can be had.

import type { Runtime } from '../core/protocol'
import type { Row } from './measure'
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { caseTimeout, gradeExercise } from '../core/grade'
import { validateSpec } from '../core/spec'
import { createBrowserRuntime, launchIsolationBrowser } from '../grader/runtimes/browser'
import { createCpythonRuntime } from '../grader/runtimes/cpython'
import { createPyodideRuntime } from '../grader/runtimes/pyodide'
import { unprivilegedPython } from '../support/unprivileged'
import { benchFreshInterpreters } from './fresh-interpreter'
import { median, PROJECT, timeCommand } from './measure'

const TSX = join(PROJECT, 'node_modules', '.bin', 'tsx')
const CLI = ['grader/cli.ts', 'grade', '--solutions']
const WATCHED = '06-build-folders'
const BARE_PYODIDE = `const { loadPyodide } = await import('pyodide'); (await loadPyodide()).runPython('pass')`

/** Loading a bare Pyodide in Node and running `pass`: what a cold grade is compared with. */
export async function pyodideBaseline(runs: number): Promise<Row> {
  const times = await timeCommand(process.execPath, ['--input-type=module', '-e', BARE_PYODIDE], runs)
  return { name: 'bare Pyodide in Node: load + `pass` (baseline B)', medianMs: median(times), runs }
}

export async function benchGrader(runs: number, bare: Row): Promise<Row[]> {
  const rows: Row[] = []
  const cold: Record<string, Row> = {}
  for (const runtime of ['pyodide', 'cpython']) {
    const flag = ['--json', '--runtime', runtime]
    cold[runtime] = {
      name: `grade all solutions, cold (${runtime})`,
      medianMs: median(await timeCommand(TSX, [...CLI, ...flag], runs)),
      runs,
      target: runtime === 'pyodide' ? '≤ 1.0 × B' : '≤ the Pyodide row',
      limitMs: runtime === 'pyodide' ? bare.medianMs : cold.pyodide.medianMs,
    }
    rows.push(cold[runtime], {
      name: `grade one exercise, cold (${runtime})`,
      medianMs: median(await timeCommand(TSX, [...CLI, ...flag, WATCHED.slice(0, 2)], runs)),
      runs,
      target: runtime === 'pyodide' ? '≤ B + 0.5 s' : undefined,
      limitMs: runtime === 'pyodide' ? bare.medianMs + 500 : undefined,
    })
    for (const scope of ['one exercise', 'all exercises'] as const) {
      const saves = runs * 5
      rows.push({
        name: `watch: save → verdict on screen, ${scope} watched (${runtime})`,
        medianMs: median(await watchLatency(runtime, scope === 'one exercise' ? [WATCHED.slice(0, 2)] : [], saves, SAVE_PAUSE_MS)),
        runs: saves,
        target: runtime === 'pyodide' ? '≤ 100 ms' : '≤ 150 ms',
        limitMs: runtime === 'pyodide' ? 100 : 150,
      })
    }
    if (runtime === 'pyodide') { // faster than anyone saves: the next fresh process is still loading
      const saves = runs * 5
      rows.push({ name: 'watch: save → verdict, saves only 0.2 s apart (pyodide)', medianMs: median(await watchLatency(runtime, [WATCHED.slice(0, 2)], saves, 200)), runs: saves })
    }
  }
  rows.push(...await houses(runs), ...await isolated(runs), ...await benchFreshInterpreters(runs))
  rows.push(...await hostile(createPyodideRuntime(), 'pyodide'), ...await hostile(createCpythonRuntime(unprivilegedPython()), 'cpython, unprivileged'))
  return rows
}

/**
 * A learner saves seconds apart; a second is the least the Pyodide runtime needs to have
 * the next fresh process loaded (about 0.5 s of CPU) when the next save comes.
 */
const SAVE_PAUSE_MS = 1000

/** Starts `grade --watch` (learner view), then saves one task file `saves` times, `pause` ms apart, timing save → view printed. */
async function watchLatency(runtime: string, ids: string[], saves: number, pause: number, options: string[] = []): Promise<number[]> {
  // saves go to a copy of the course (OS_WORKSHOP_DIR), never to the project's solutions/
  const copy = mkdtempSync(join(tmpdir(), 'bench-watch-'))
  for (const folder of ['exercises', 'starters', 'solutions', '.grader'].filter(f => existsSync(join(PROJECT, f))))
    cpSync(join(PROJECT, folder), join(copy, folder), { recursive: true })
  const file = join(copy, 'solutions', WATCHED, 'task.py')
  const original = readFileSync(file, 'utf8')
  const child = spawn(TSX, [...CLI, '--watch', '--runtime', runtime, ...options, ...ids], { cwd: PROJECT, env: { ...process.env, NO_COLOR: '1', OS_WORKSHOP_DIR: copy }, stdio: ['ignore', 'pipe', 'inherit'] })
  const closed = new Promise(resolve => child.once('close', resolve))
  let views = 0
  let onView = () => {}
  let buffer = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk
    // each learner view ends with the watching line
    for (let end = buffer.indexOf('Ctrl+C stops.'); end >= 0; end = buffer.indexOf('Ctrl+C stops.')) {
      const view = buffer.slice(0, end)
      buffer = buffer.slice(end + 1)
      if (!view.includes('done'))
        throw new Error(`a watch re-grade printed no progress list:\n${view.slice(-500)}`)
      views++
      onView()
    }
  })
  const nextView = () => new Promise<void>((resolve) => {
    onView = resolve
  })
  const times: number[] = []
  try {
    await nextView() // the first full run
    for (let i = 0; i < saves; i++) {
      await new Promise(resolve => setTimeout(resolve, pause))
      const done = nextView()
      const start = performance.now()
      writeFileSync(file, `${original}# bench save ${i}\n`)
      await done
      times.push(performance.now() - start)
    }
  }
  finally {
    child.kill('SIGINT')
    await closed
    rmSync(copy, { recursive: true, force: true })
  }
  if (views < saves)
    throw new Error('watch mode missed a save')
  return times
}

/**
 * Every case as both houses (Linux/macOS and Windows) against as one (Linux/macOS only),
 * cold and in watch mode, measured in turns so both see the same machine: ≤ 1.6 × one house.
 */
async function houses(runs: number): Promise<Row[]> {
  const cold: Record<'one' | 'both', number[]> = { one: [], both: [] }
  for (let i = 0; i < runs; i++) {
    cold.one.push(...await timeCommand(TSX, [...CLI, '--json', '--os', 'linux'], 1))
    cold.both.push(...await timeCommand(TSX, [...CLI, '--json', '--os', 'both'], 1))
  }
  const saves = runs * 5
  const watchOne = median(await watchLatency('pyodide', [WATCHED.slice(0, 2)], saves, SAVE_PAUSE_MS, ['--os', 'linux']))
  const watchBoth = median(await watchLatency('pyodide', [WATCHED.slice(0, 2)], saves, SAVE_PAUSE_MS, ['--os', 'both']))
  return [
    { name: 'grade all solutions, cold, as Linux/macOS only (pyodide)', medianMs: median(cold.one), runs },
    { name: 'grade all solutions, cold, as both houses (pyodide)', medianMs: median(cold.both), runs, target: '≤ 1.6 × one house', limitMs: 1.6 * median(cold.one) },
    { name: 'watch: save → verdict, one exercise, as Linux/macOS only (pyodide)', medianMs: watchOne, runs: saves },
    { name: 'watch: save → verdict, one exercise, as both houses (pyodide)', medianMs: watchBoth, runs: saves, target: '≤ 1.6 × one house', limitMs: 1.6 * watchOne },
  ]
}

/** The isolated mode: a whole cold run, and what one more learner costs on a warm browser. */
async function isolated(runs: number): Promise<Row[]> {
  const cold = median(await timeCommand(TSX, [...CLI, '--json', '--isolated'], runs))
  const specs = readdirSync(join(PROJECT, 'exercises')).filter(n => /^\d\d-/.test(n)).map(id => ({
    spec: validateSpec(JSON.parse(readFileSync(join(PROJECT, 'exercises', id, 'spec.json'), 'utf8')), id),
    source: readFileSync(join(PROJECT, 'solutions', id, 'task.py'), 'utf8'),
  }))
  const browser = await launchIsolationBrowser()
  const perLearner: number[] = []
  try {
    for (let i = 0; i <= runs; i++) {
      const start = performance.now()
      const runtime = createBrowserRuntime({ browser, keepWarm: false })
      await Promise.all(specs.map(({ spec, source }) => gradeExercise(runtime, spec, source)))
      await runtime.close()
      if (i > 0) // the first learner pays for the browser's first compile of Pyodide
        perLearner.push(performance.now() - start)
    }
  }
  finally {
    await browser.close()
  }
  return [
    { name: 'isolated: grade all solutions, cold (Chromium started)', medianMs: cold, runs },
    { name: `isolated: one more learner, ${specs.length} exercises, browser already running`, medianMs: median(perLearner), runs },
  ]
}

/** Programs that never end, in the function or at the top of task.py. */
const HOSTILE: [string, string][] = [
  ['endless loop in the function', 'def build_folders(root, names):\n    while True:\n        pass\n'],
  ['loop that swallows interrupts, in the function', 'def build_folders(root, names):\n    while True:\n        try:\n            while True:\n                pass\n        except BaseException:\n            pass\n'],
  ['time.sleep(1e9) in the function', 'import time\ndef build_folders(root, names):\n    time.sleep(1e9)\n'],
  ['endless loop at the top level', 'while True:\n    pass\n'],
  ['time.sleep(1e9) at the top level', 'import time\ntime.sleep(1e9)\n'],
]

/** The slowest exercise (7 cases) holding one of the hostile programs, against its limit + 3 s. */
async function hostile(runtime: Runtime, label: string): Promise<Row[]> {
  const spec = validateSpec(JSON.parse(readFileSync(join(PROJECT, 'exercises', WATCHED, 'spec.json'), 'utf8')), WATCHED)
  const limitMs = (caseTimeout(spec, spec.cases[0]) + 3) * 1000
  try {
    await runtime.warm()
    const times: number[] = []
    for (const [, source] of HOSTILE) {
      const start = performance.now()
      await gradeExercise(runtime, spec, source)
      times.push(performance.now() - start)
      await runtime.warm() // a replaced worker loads again before the next program
    }
    return [{ name: `hostile task.py, slowest of ${HOSTILE.length} programs (${label})`, medianMs: Math.max(...times), runs: HOSTILE.length, target: 'limit + 3 s', limitMs }]
  }
  finally {
    await runtime.close()
  }
}
