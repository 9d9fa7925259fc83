// npm run grade | hint | reset: the learner's commands.

import type { ExerciseVerdict } from '../core/grade'
import type { Profile } from '../core/profiles'
import type { Runtime, RuntimeName } from '../core/protocol'
import type { ExerciseOnDisk } from './exercises'
import type { Session } from './session'
import { parseArgs } from 'node:util'
import { titleOf } from '../core/exercise'
import { PROFILES } from '../core/profiles'
import { RUNTIMES } from '../core/protocol'
import { buildReport, exerciseResult } from '../core/report'
import { SpecError } from '../core/spec'
import { loadExercises, selectExercises, UsageError } from './exercises'
import { recordVerdict, resetExercise, showHint } from './learner-state'
import { EXERCISES_DIR, SOLUTIONS_DIR, STARTERS_DIR } from './paths'
import { heading, learnerView, prose } from './render'
import { createCpythonRuntime } from './runtimes/cpython'
import { createPyodideRuntime } from './runtimes/pyodide'
import { createSession } from './session'
import { watchTasks } from './watch'

const USAGE = `Usage:
  npm run grade                      grade every exercise, in order
  npm run grade -- 04 walk-tree      grade only these (numbers or names)
  npm run grade -- --watch           grade again every time you save a task.py
  npm run grade -- --runtime cpython use this machine's Python instead of Pyodide
  npm run grade -- --isolated        grade code that is not yours: Pyodide in headless Chromium
  npm run grade -- --os windows      run the cases as on Windows only (linux, windows, or both: the default)
  npm run grade -- --json            print only a JSON report
  npm run grade -- --solutions       grade the reference solutions (for whoever writes exercises)
  npm run grade -- --starters        grade the untouched starters
  npm run hint -- 04                 show the next hint for exercise 04
  npm run reset -- 04                put the starter back (your version is kept as a backup)
  npm run grade -- --help            show this`

const OPTIONS = {
  watch: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  solutions: { type: 'boolean', default: false },
  starters: { type: 'boolean', default: false },
  runtime: { type: 'string', default: 'pyodide' },
  isolated: { type: 'boolean', default: false },
  os: { type: 'string', default: 'both' },
  help: { type: 'boolean', short: 'h', default: false },
} as const

const COMMANDS = ['grade', 'hint', 'reset']

/** The houses `--os` asks for; CPython has its machine's own rules only. */
function housesAsked(os: string, runtime: RuntimeName): Profile[] {
  const asked: Record<string, Profile[]> = { both: [...PROFILES], linux: ['linux'], windows: ['windows'] }
  const houses = asked[os]
  if (!houses)
    throw new UsageError(`--os must be linux, windows or both (got "${os}")`)
  if (runtime === 'cpython' && os === 'windows')
    throw new UsageError('--os windows needs Pyodide, which imitates Windows; CPython keeps this machine\'s own rules. Leave out --runtime cpython.')
  return houses
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS })
  }
  catch (error) {
    const option = (error as Error).message.match(/option '(-[^' ]+)/)?.[1]
    const guess = option && closest(option.replace(/^-+/, ''), Object.keys(OPTIONS))
    const what = option ? `unknown option ${option}${guess ? `. Did you mean --${guess}?` : ''}` : (error as Error).message
    throw new UsageError(`${what}\n\n${USAGE}`)
  }
}

/** The known word nearest to `word`, if it is a likely typo. */
function closest(word: string, known: string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j)
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0]
      row[0] = i
      for (let j = 1; j <= b.length; j++) {
        const above = row[j]
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
        diagonal = above
      }
    }
    return row[b.length]
  }
  const [best] = known.map(k => [k, distance(word, k)] as const).sort((x, y) => x[1] - y[1])
  return best && best[1] <= Math.max(1, Math.floor(best[0].length / 3)) ? best[0] : undefined
}

async function createRuntime(name: RuntimeName, { watching, isolated }: { watching: boolean, isolated: boolean }): Promise<Runtime> {
  if (isolated) {
    // only the full install has Playwright: the lean one (`npm ci --omit=dev`) grades without it
    const browser = await import('./runtimes/browser').catch(() => {
      throw new UsageError('--isolated needs Chromium through Playwright, which the lean install leaves out: run `npm install` first.')
    })
    return browser.createBrowserRuntime({ keepWarm: watching })
  }
  return name === 'cpython' ? createCpythonRuntime() : createPyodideRuntime({ keepWarm: watching })
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const { values, positionals } = parse(rest)
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (!COMMANDS.includes(command)) {
    const guess = closest(command ?? '', COMMANDS)
    throw new UsageError(`unknown command "${command}"${guess ? `. Did you mean ${guess}?` : ''}\n\n${USAGE}`)
  }
  const [taskRoot, taskDir] = values.solutions ? ['solutions', SOLUTIONS_DIR] : values.starters ? ['starters', STARTERS_DIR] : ['exercises', EXERCISES_DIR]
  const all = loadExercises(EXERCISES_DIR, taskDir)
  if (command === 'hint' || command === 'reset') {
    if (positionals.length !== 1)
      throw new UsageError(`say which exercise, e.g. \`npm run ${command} -- 04\``)
    const [exercise] = selectExercises(all, positionals)
    console.log(prose(command === 'hint' ? showHint(exercise) : resetExercise(exercise)))
    return 0
  }
  if (!RUNTIMES.includes(values.runtime as RuntimeName)) {
    throw new UsageError(`--runtime must be one of: ${RUNTIMES.join(', ')} (got "${values.runtime}")`)
  }
  const profiles = housesAsked(values.os, values.runtime as RuntimeName)
  const exercises = selectExercises(all, positionals)
  if (values.isolated && values.runtime !== 'pyodide')
    throw new UsageError('--isolated grades with Pyodide in a browser page; it cannot be combined with --runtime cpython')
  // the learner's own task.py files: their verdicts are the progress the deck shows under `npm run dev`
  const remember = taskRoot === 'exercises' ? (e: ExerciseOnDisk, source: string, v: ExerciseVerdict) => recordVerdict(e, source, v.status === 'pass') : undefined
  const session = createSession(await createRuntime(values.runtime as RuntimeName, { watching: values.watch, isolated: values.isolated }), profiles, remember)
  const what = values.solutions ? 'the reference solutions' : values.starters ? 'the starters' : 'your exercises'
  const course = all.map(e => ({ id: e.id, title: titleOf(e) }))
  const show = async (saved?: string) => {
    const started = performance.now()
    const runs = await session.grade(exercises)
    const seconds = (performance.now() - started) / 1000
    if (values.json)
      process.stdout.write(`${JSON.stringify(buildReport(session.runtime.name, runs.map(exerciseResult)), null, 2)}\n`)
    else console.log(learnerView(runs, { taskRoot, selected: positionals.length > 0, watching: values.watch, seconds, course, saved }))
    return runs.every(run => run.verdict.status === 'pass')
  }
  if (!values.json)
    console.log(`\n${heading(values.isolated ? 'isolated' : session.runtime.name, what, profiles.filter(p => session.runtime.profiles.includes(p)))}`)
  const passed = await show()
  if (!values.watch) {
    await session.runtime.close()
    return passed ? 0 : 1
  }
  return watchUntilStopped(session, exercises, show, values.json)
}

function watchUntilStopped(session: Session, exercises: ExerciseOnDisk[], show: (saved?: string) => Promise<boolean>, json: boolean): Promise<number> {
  let grading = Promise.resolve(true)
  const stop = watchTasks(exercises, (exercise) => {
    grading = grading.then(() => {
      if (!json) {
        console.clear()
        console.log(`Saved ${exercise.taskPath.split('/').slice(-3).join('/')}; grading again…`)
      }
      return show(exercise.id)
    }).catch((error: Error) => {
      console.error(`grader: could not grade ${exercise.id}: ${error.message}`)
      return false
    })
  })
  return new Promise((resolve) => {
    process.once('SIGINT', () => {
      stop()
      void session.runtime.close().then(() => resolve(0))
    })
  })
}

/** Exit codes: 0 every exercise passes, 1 one does not, 2 the grader itself could not do its job. */
const CRASHED = 2

function fail(error: Error, json: boolean) {
  const expected = error instanceof UsageError || error instanceof SpecError
  if (json)
    process.stdout.write(`${JSON.stringify(buildReport('none', [], `grader: ${error.message}`), null, 2)}\n`)
  console.error(expected ? `grader: ${error.message}` : error)
  process.exitCode = CRASHED
}

const argv = process.argv.slice(2)
const json = argv.includes('--json')
process.on('uncaughtException', error => fail(error, json))
main(argv).then(
  (code) => { process.exitCode = code },
  (error: Error) => fail(error, json),
)
