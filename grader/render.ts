// What the learner reads: a progress list, then the first unfinished exercise,
// its first failing case in full and the others one line each.
import type { CaseVerdict } from '../core/judge'
import type { ExerciseRun } from '../core/report'
import { exerciseResult } from '../core/report'
import { CPYTHON_WARNING } from './runtimes/cpython'

const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code: number) => (text: string) => (useColor ? `\u001B[${code}m${text}\u001B[0m` : text)
const green = paint(32)
const red = paint(31)
const yellow = paint(33)
const dim = paint(2)
const bold = paint(1)

export interface ViewContext {
  /** "exercises" or "solutions": where the graded task.py files are */
  taskRoot: string
  /** true when the learner asked for some exercises only */
  selected: boolean
  watching: boolean
  seconds: number
}

export function heading(runtime: string, what: string): string {
  if (runtime === 'pyodide')
    return dim(`Grading ${what} with Pyodide, in memory: your own files are never touched…`)
  if (runtime === 'isolated')
    return dim(`Grading ${what} isolated: Pyodide in headless Chromium, one fresh worker per exercise…`)
  return `${yellow(CPYTHON_WARNING)}\n${dim(`Grading ${what} with your CPython, in a temporary folder on this machine…`)}`
}

export function learnerView(runs: ExerciseRun[], context: ViewContext): string {
  const results = runs.map(exerciseResult)
  const lines = ['']
  results.forEach((result) => {
    const passed = result.tests.filter(t => t.status === 'pass').length
    const mark = result.status === 'pass' ? green('✔ done') : yellow('· to do')
    const detail = result.status === 'pass' ? '' : dim(`  ${result.tests.length ? `${passed} of ${result.tests.length} cases pass` : 'cannot be graded yet'}`)
    lines.push(`  ${mark}  ${result.id.slice(0, 2)} ${result.title}${detail}`)
  })
  const done = results.filter(r => r.status === 'pass').length
  lines.push('', bold(`  ${done} of ${results.length} done`) + dim(`  (${context.seconds.toFixed(1)} s)`))
  const next = runs.find((_, i) => results[i].status !== 'pass')
  if (next)
    lines.push(feedback(next, context))
  else lines.push('', green(`  ${praise(runs, context)}`), '')
  if (context.watching)
    lines.push(dim('  Watching your task.py files: save one to grade it again. Ctrl+C stops.'))
  return lines.join('\n')
}

function praise(runs: ExerciseRun[], { selected }: ViewContext): string {
  if (!selected)
    return 'Every exercise passes. Well done!'
  if (runs.length === 1)
    return `Exercise ${runs[0].id.slice(0, 2)} passes. Well done!`
  return `Exercises ${runs.map(r => r.id.slice(0, 2)).join(', ')} pass. Well done!`
}

function feedback(run: ExerciseRun, context: ViewContext): string {
  const number = run.id.slice(0, 2)
  const lines = ['', bold(`── ${number} ${run.title} ${'─'.repeat(Math.max(4, 60 - run.title.length))}`)]
  const { problem, cases } = run.verdict
  if (problem) {
    lines.push(...pad(problem).map(l => red(l)), '')
  }
  else {
    const firstFailing = cases.findIndex(v => v.status !== 'pass')
    cases.forEach((verdict, i) => {
      if (verdict.status === 'pass')
        lines.push(`  ${green('✔')} ${verdict.name}`)
      else if (i === firstFailing)
        lines.push(`  ${red('✘')} ${verdict.name}`, ...explain(verdict), '')
      else lines.push(`  ${red('✘')} ${verdict.name}${dim(`  ${summary(verdict)}`)}`)
    })
    if (firstFailing < cases.length - 1)
      lines.push('')
  }
  const taskFile = `${context.taskRoot}/${run.id}/task.py`
  lines.push(context.watching
    ? `  Edit ${bold(taskFile)} and save: it is graded again at once. Stuck? ${bold(`npm run hint -- ${number}`)}`
    : `  Edit ${bold(taskFile)}, save, and run ${bold(`npm run grade -- ${number}`)} again\n  (or keep ${bold('npm run grade -- --watch')} open). Stuck? ${bold(`npm run hint -- ${number}`)}`)
  lines.push('')
  return lines.join('\n')
}

/** The first line of a verdict's message, for the cases after the first failing one. */
function summary(verdict: CaseVerdict): string {
  const first = verdict.message.split('\n')[0]
  return first.length > 90 ? `${first.slice(0, 89)}…` : first
}

const pad = (text: string) => text.split('\n').map(l => `     ${l}`)

function explain(verdict: CaseVerdict): string[] {
  const lines = pad(verdict.message)
  if (verdict.picture)
    lines.push('', '     Your folder afterwards:', ...pad(verdict.picture).map(l => `  ${l}`))
  if (verdict.output) {
    const shown = verdict.output.length > 800 ? `${verdict.output.slice(0, 800)}…` : verdict.output
    lines.push('', '     Your code printed:', ...pad(shown.trimEnd()).map(l => dim(`  ${l}`)))
  }
  return lines
}
