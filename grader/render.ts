// What the learner reads: a progress list, then one exercise explained (the one just
// saved in watch mode, else the first unfinished), its first failing case in full and
// the others one line each; after a pass, where to go next.
import type { CaseVerdict } from '../core/judge'
import type { Profile } from '../core/profiles'
import type { ExerciseRun } from '../core/report'
import { inlineCode } from '../core/inline-code'
import { PROFILE_NAMES } from '../core/profiles'
import { exerciseResult } from '../core/report'
import { CPYTHON_WARNING } from './runtimes/cpython'

const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code: number) => (text: string) => (useColor ? `\u001B[${code}m${text}\u001B[0m` : text)
const green = paint(32)
const red = paint(31)
const yellow = paint(33)
const dim = paint(2)
const bold = paint(1)
const cyan = paint(36)

/** Text with its `code` shown coloured, without the backticks. */
export const prose = (text: string) => inlineCode(text).map(p => (p.code ? cyan(p.text) : p.text)).join('')
/** Text without the backticks, for lines painted one colour. */
const plain = (text: string) => inlineCode(text).map(p => p.text).join('')

export interface ViewContext {
  /** "exercises" or "solutions": where the graded task.py files are */
  taskRoot: string
  /** true when the learner asked for some exercises only */
  selected: boolean
  watching: boolean
  seconds: number
  /** every exercise of the course, in order */
  course: { id: string, title: string }[]
  /** watch mode: the exercise whose task.py was just saved */
  saved?: string
}

/** `houses`: the houses the cases run as. */
export function heading(runtime: string, what: string, houses: readonly Profile[]): string {
  const as = houses.length > 1 ? ', each case as on Linux/macOS and as on Windows' : houses[0] === 'windows' ? ', as on Windows' : ', as on Linux/macOS'
  if (runtime === 'pyodide')
    return dim(`Grading ${what} with Pyodide, in memory${as}: your own files are never touched…`)
  if (runtime === 'isolated')
    return dim(`Grading ${what} isolated${as}: Pyodide in headless Chromium, one fresh worker per exercise…`)
  return `${yellow(CPYTHON_WARNING)}\n${dim(`Grading ${what} with your CPython, in a temporary folder on this machine, with its own rules: the Windows profile needs Pyodide, so it is left out…`)}`
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
  const part = results.length < context.course.length ? dim(`  (of the ${context.course.length} exercises in the course, ${results.length} graded here)`) : ''
  lines.push('', bold(`  ${done} of ${results.length} done`) + part + dim(`  (${context.seconds.toFixed(1)} s)`))
  const saved = runs.find(r => r.id === context.saved)
  const savedPasses = saved?.verdict.status === 'pass'
  if (savedPasses)
    lines.push('', green(`  ✔ ${saved.id.slice(0, 2)} ${saved.title} passes now. Well done!`))
  const explained = saved && !savedPasses ? saved : runs.find(r => r.verdict.status !== 'pass')
  if (explained)
    lines.push(feedback(explained, context))
  // the save that passed was praised just above: once is enough
  else lines.push(...(savedPasses ? [] : ['', green(`  ${praise(runs, context)}`)]), ...nextUp(runs, context), '')
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

/** After the asked-for exercises pass: the one after them in the course, if any. */
function nextUp(runs: ExerciseRun[], { course, selected }: ViewContext): string[] {
  const last = course.findIndex(e => e.id === runs.at(-1)?.id)
  const next = selected ? course[last + 1] : undefined
  return next ? [`  Next up: ${next.id.slice(0, 2)} ${next.title}. Open ${bold(`exercises/${next.id}/README.md`)}, then ${bold(`npm run grade -- ${next.id.slice(0, 2)}`)}`] : []
}

function feedback(run: ExerciseRun, context: ViewContext): string {
  const number = run.id.slice(0, 2)
  const lines = ['', bold(`── ${number} ${run.title} ${'─'.repeat(Math.max(4, 60 - run.title.length))}`)]
  const { problem, cases } = run.verdict
  if (problem) {
    lines.push(...pad(problem).map(l => red(plain(l))), '')
  }
  else {
    const firstFailing = cases.findIndex(v => v.status !== 'pass')
    cases.forEach((verdict, i) => {
      if (verdict.status === 'pass')
        lines.push(`  ${green('✔')} ${verdict.name}`)
      else if (i === firstFailing)
        lines.push(`  ${red('✘')} ${verdict.name}${where(verdict)}`, ...explain(verdict), '')
      else lines.push(`  ${red('✘')} ${verdict.name}${where(verdict)}${dim(`  ${summary(verdict)}`)}`)
    })
    if (firstFailing < cases.length - 1)
      lines.push('')
  }
  const taskFile = `${context.taskRoot}/${run.id}/task.py`
  if (run.blocked) { // nothing to edit in task.py: the problem above says what to do
    lines.push('')
    return lines.join('\n')
  }
  lines.push(context.watching
    ? `  Edit ${bold(taskFile)} and save: it is graded again at once. Stuck? ${bold(`npm run hint -- ${number}`)}`
    : `  Edit ${bold(taskFile)}, save, and run ${bold(`npm run grade -- ${number}`)} again\n  (or keep ${bold('npm run grade -- --watch')} open). Stuck? ${bold(`npm run hint -- ${number}`)}`)
  lines.push('')
  return lines.join('\n')
}

/**
 * A verdict in one line, for the cases after the first failing one: the first line of its
 * message, and where that ends in a colon, the reason (an exception's last line, else the next).
 */
export function summary(verdict: CaseVerdict): string {
  const lines = verdict.message.split('\n').map(l => l.trim()).filter(Boolean)
  let line = lines[0] ?? ''
  const raised = / raised (\w+):$/.exec(line)
  if (raised && lines.length > 1) // the exception's own last line, without its name said twice
    line = `${line} ${lines.at(-1)!.replace(`${raised[1]}: `, '')}`
  else if (line.endsWith(':') && lines.length > 1)
    line = `${line} ${lines[1].replace(/^- /, '')}`
  const text = plain(line)
  return text.length > 120 ? `${text.slice(0, 119)}…` : text
}

/** " (on Windows)" after a case that fails as one house only. */
const where = (verdict: CaseVerdict) => (verdict.profile ? yellow(` (on ${PROFILE_NAMES[verdict.profile]})`) : '')

const pad = (text: string) => text.split('\n').map(l => `     ${l}`)

function explain(verdict: CaseVerdict): string[] {
  const lines = pad(verdict.message).map(prose)
  if (verdict.picture)
    lines.push('', '     Your folder afterwards:', ...pad(verdict.picture).map(l => `  ${l}`))
  if (verdict.output) {
    const shown = verdict.output.length > 800 ? `${verdict.output.slice(0, 800)}…` : verdict.output
    lines.push('', '     Your code printed:', ...pad(shown.trimEnd()).map(l => dim(`  ${l}`)))
  }
  return lines
}
