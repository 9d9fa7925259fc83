// npm run grade-class -- <folder>: grades every learner's work in the isolated mode and
// writes grades.csv, results/<learner>.json and report.html to a folder it names.

import type { LearnerResult } from './grade-class'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadExercises, UsageError } from '../exercises'
import { EXERCISES_DIR } from '../paths'
import { launchIsolationBrowser } from '../runtimes/browser'
import { snapshotFile } from '../runtimes/pyodide'
import { readClassFolder } from './entries'
import { gradeClass } from './grade-class'
import { gradesCsv, learnerJson, reportHtml, resultFileNames } from './outputs'

/** One lane more than cores: a lane often waits (a loop that runs out its time, a verdict another lane works out). */
const DEFAULT_JOBS = availableParallelism() + 1

const USAGE = `Usage:
  npm run grade-class -- <folder>              grade everyone in <folder>
  npm run grade-class -- <folder> --out <dir>  write the results to <dir> (default: <folder>-grades)
  npm run grade-class -- <folder> --jobs 3     learners graded at once (default: ${DEFAULT_JOBS}, the cores + 1)
  npm run grade-class -- --help                show this

<folder> holds one entry per learner: a folder with their exercises (exercises/NN-slug/task.py
or NN-slug/task.py) or a hand-in file (.json) downloaded from the deck.`

const STATE_FILE = '.grade-class-state.json'

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, jobs: { type: 'string', default: String(DEFAULT_JOBS) }, help: { type: 'boolean', short: 'h' } } })
  }
  catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`)
  }
}

/** What every learner's results depend on besides their own files: the specs and the harness. */
function gradingKey(): string {
  const hash = createHash('sha256').update(basename(snapshotFile('browser')))
  for (const exercise of loadExercises(EXERCISES_DIR))
    hash.update(readFileSync(join(exercise.dir, 'spec.json')))
  return hash.digest('hex')
}

function readState(out: string, key: string): Map<string, LearnerResult> {
  try {
    const state = JSON.parse(readFileSync(join(out, STATE_FILE), 'utf8')) as { key: string, learners: LearnerResult[] }
    return new Map(state.key === key ? state.learners.map(l => [l.from, l]) : [])
  }
  catch {
    return new Map()
  }
}

function progressLine({ done, total, secondsLeft }: { done: number, total: number, secondsLeft?: number }): string {
  const width = 24
  const filled = total ? Math.round((done / total) * width) : width
  const left = secondsLeft === undefined ? '' : `, about ${Math.ceil(secondsLeft)} s left`
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} learners${left}`
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv)
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (positionals.length !== 1)
    throw new UsageError(`say which folder holds the class's work\n\n${USAGE}`)
  const folder = resolve(positionals[0])
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`${positionals[0]} is not a folder`)
  const jobs = Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16)
    throw new UsageError(`--jobs must be a whole number from 1 to 16 (got "${values.jobs}")`)
  const out = resolve(values.out ?? `${folder.replace(/\/+$/, '')}-grades`)

  const exercises = loadExercises(EXERCISES_DIR) // always the instructor's specs
  const { learners, skipped } = readClassFolder(folder, exercises.map(e => e.id))
  const key = gradingKey()
  const known = readState(out, key)
  const live = process.stderr.isTTY
  const browser = await launchIsolationBrowser()
  let results: LearnerResult[]
  let reused: number
  try {
    ({ results, reused } = await gradeClass(learners, exercises, {
      browser,
      jobs,
      known,
      onProgress: (progress) => {
        if (live)
          process.stderr.write(`\r${progressLine(progress)}`)
        else if (progress.done === progress.total || progress.done % 10 === 0)
          process.stderr.write(`${progressLine(progress)}\n`)
      },
    }))
  }
  finally {
    await browser.close()
  }
  if (live)
    process.stderr.write('\n')

  mkdirSync(join(out, 'results'), { recursive: true })
  writeFileSync(join(out, 'grades.csv'), gradesCsv(results, exercises))
  const files = resultFileNames(results)
  results.forEach((learner, i) => writeFileSync(join(out, 'results', files[i]), learnerJson(learner)))
  writeFileSync(join(out, 'report.html'), reportHtml(results, exercises, skipped, `os-workshop: ${basename(folder)}`))
  writeFileSync(join(out, STATE_FILE), JSON.stringify({ key, learners: results }))

  console.log(`Graded ${results.length - reused} learner${results.length - reused === 1 ? '' : 's'}${reused ? ` (${reused} unchanged since the last run kept their results)` : ''}.`)
  for (const learner of results.filter(l => l.notes.length))
    console.log(`  ${learner.name}: ${learner.notes.join('; ')}`)
  for (const { from, why } of skipped)
    console.log(`  not graded: ${from}: ${why}`)
  const problems = results.flatMap(l => l.exercises.filter(e => e.status === 'error' && e.message !== 'not handed in.').map(e => `  ${l.name}, ${e.id}: ${e.message?.split('\n')[0]}`))
  if (problems.length)
    console.log(`Problems with learners' files:\n${problems.join('\n')}`)
  console.log(`Results in ${out}: grades.csv, report.html, results/`)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code },
  (error: Error) => {
    console.error(error instanceof UsageError ? `grade-class: ${error.message}` : error)
    process.exitCode = 2
  },
)
