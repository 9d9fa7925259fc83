// The learner's view: a progress list, then the first unfinished exercise in full.
import type { SerializedError } from 'vitest'
import type { Reporter, TestModule } from 'vitest/node'
import { collectRuns, describeErrors } from './collect'
import type { CaseVerdict } from './judge'
import { readOptions } from './options'
import { type ExerciseRun, exerciseResult } from './report'

const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code: number) => (text: string) => (useColor ? `\u001B[${code}m${text}\u001B[0m` : text)
const green = paint(32)
const red = paint(31)
const yellow = paint(33)
const dim = paint(2)
const bold = paint(1)

export default class LearnerReporter implements Reporter {
  private started = 0

  onTestRunStart() {
    this.started = performance.now()
    const { runtime, solutions } = readOptions()
    const where = runtime === 'pyodide'
      ? 'Pyodide, in memory: your own files are never touched'
      : 'your CPython, in a temporary folder on this machine'
    console.log(dim(`\nGrading ${solutions ? 'the reference solutions' : 'your exercises'} with ${where}…`))
  }

  onWatcherRerun(_files: string[], trigger?: string) {
    console.clear()
    console.log(dim(`${trigger ? `Saved ${trigger}` : 'A file changed'}; grading again…`))
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>) {
    const problem = describeErrors(modules, errors)
    if (problem) {
      console.log(red(`\nThe grader could not run:\n${problem}\n`))
      return
    }
    const runs = collectRuns(modules)
    const results = runs.map(exerciseResult)
    console.log()
    for (const result of results) {
      const passed = result.tests.filter(t => t.status === 'pass').length
      const mark = result.status === 'pass' ? green('✔ done') : yellow('· to do')
      const detail = result.status === 'pass' ? '' : dim(`  ${passed} of ${result.tests.length} cases pass`)
      console.log(`  ${mark}  ${result.id.slice(0, 2)} ${result.title}${detail}`)
    }
    const done = results.filter(r => r.status === 'pass').length
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1)
    console.log(bold(`\n  ${done} of ${results.length} done`) + dim(`  (${seconds} s)`))
    const next = runs.find((run, i) => results[i].status !== 'pass')
    if (next) console.log(feedback(next))
    else console.log(green(`\n  Every exercise passes. Well done!\n`))
  }
}

function feedback(run: ExerciseRun): string {
  const number = run.id.slice(0, 2)
  const lines = ['', bold(`── ${number} ${run.title} ${'─'.repeat(Math.max(4, 60 - run.title.length))}`)]
  run.names.forEach((name, i) => {
    const verdict = run.verdicts[i]
    if (verdict?.status === 'pass') lines.push(`  ${green('✔')} ${name}`)
    else lines.push(`  ${red('✘')} ${name}`, ...(verdict ? explain(verdict) : ['     (this case did not run)']), '')
  })
  const taskFile = readOptions().solutions ? `solutions/${run.id}/task.py` : `exercises/${run.id}/task.py`
  lines.push(
    `  Edit ${bold(taskFile)}, save, and run ${bold(`npm run grade -- ${number}`)} again`,
    `  (or keep ${bold('npm run grade -- --watch')} open). Stuck? ${bold(`npm run hint -- ${number}`)}`,
    '',
  )
  return lines.join('\n')
}

function explain(verdict: CaseVerdict): string[] {
  const pad = (text: string) => text.split('\n').map(l => `     ${l}`)
  const lines = pad(verdict.message)
  if (verdict.picture) lines.push('', '     Your folder afterwards:', ...pad(verdict.picture).map(l => `  ${l}`))
  if (verdict.output) {
    const shown = verdict.output.length > 800 ? `${verdict.output.slice(0, 800)}…` : verdict.output
    lines.push('', '     Your code printed:', ...pad(shown.trimEnd()).map(l => dim(`  ${l}`)))
  }
  return lines
}
