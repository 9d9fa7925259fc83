// npm run grade | hint | reset: the learner's commands.
import { parseArgs } from 'node:util'
import { startVitest } from 'vitest/node'
import { loadExercises, selectExercises } from './exercises'
import { showHint, resetExercise } from './learner-state'
import { encodeOptions, type GradeOptions } from './options'
import { EXERCISES_DIR, GRADER_DIR } from './paths'
import { RUNTIMES, type RuntimeName } from './runtimes/types'
import { SpecError } from './spec'

const USAGE = `Usage:
  npm run grade                      grade every exercise, in order
  npm run grade -- 04 walk-tree      grade only these (numbers or names)
  npm run grade -- --watch           grade again every time you save a task.py
  npm run grade -- --runtime cpython use this machine's Python instead of Pyodide
  npm run grade -- --json            print only a JSON report
  npm run hint -- 04                 show the next hint for exercise 04
  npm run reset -- 04                put the starter back (your version is kept as a backup)`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      watch: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      solutions: { type: 'boolean', default: false },
      runtime: { type: 'string', default: 'pyodide' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const exercises = loadExercises(EXERCISES_DIR)
  if (command === 'hint' || command === 'reset') {
    if (positionals.length !== 1) throw new SpecError(`say which exercise, e.g. \`npm run ${command} -- 04\``)
    const [exercise] = selectExercises(exercises, positionals)
    console.log(command === 'hint' ? showHint(exercise) : resetExercise(exercise))
    return 0
  }
  if (command !== 'grade') throw new SpecError(`unknown command "${command}"\n${USAGE}`)
  if (!RUNTIMES.includes(values.runtime as RuntimeName)) {
    throw new SpecError(`--runtime must be one of: ${RUNTIMES.join(', ')} (got "${values.runtime}")`)
  }
  selectExercises(exercises, positionals) // fails early, with a clear message, on a bad name
  const options: GradeOptions = { runtime: values.runtime as RuntimeName, solutions: values.solutions, ids: positionals, watch: values.watch }
  Object.assign(process.env, encodeOptions(options))
  const reporter = values.json ? `${GRADER_DIR}/json-reporter.ts` : `${GRADER_DIR}/reporter.ts`
  const vitest = await startVitest('test', [], {
    config: `${GRADER_DIR}/vitest.config.ts`,
    watch: values.watch,
    reporters: [reporter],
  })
  if (values.watch) return new Promise(() => {}) // vitest keeps watching until Ctrl+C
  await vitest.close()
  return vitest.state.getCountOfFailedTests() === 0 && !vitest.state.getUnhandledErrors().length ? 0 : 1
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code },
  (error: Error) => {
    console.error(error instanceof SpecError || error.name === 'TypeError' ? `grader: ${error.message}` : error)
    process.exitCode = 2
  },
)
