// What the learner reads after `npm run grade`, as text: which exercise is explained,
// the one-line summaries, code without its backticks, the way on after a pass.
import type { CaseVerdict } from '../../core/judge'
import type { ExerciseRun } from '../../core/report'
import type { ViewContext } from '../../grader/render'
import { expect, it } from 'vitest'
import { learnerView, summary } from '../../grader/render'

const course = [
  { id: '01-which-os', title: 'Which system am I on?' },
  { id: '04-build-folders', title: 'Build a set of folders' },
  { id: '05-bulk-rename', title: 'Rename .txt to .md' },
]
const context = (more: Partial<ViewContext> = {}): ViewContext => ({ taskRoot: 'exercises', selected: false, watching: false, seconds: 1.25, course, ...more })

const pass = (name: string): CaseVerdict => ({ name, call: 'f()', status: 'pass', output: '', message: '' })
const returnedNone: CaseVerdict = { name: 'makes three folders', call: 'build_folders(\'.\', [\'a\'])', status: 'fail', output: '', message: '`build_folders(\'.\', [\'a\'])` returned `None`\n   expected `[\'a\']`' }
const raised: CaseVerdict = {
  name: 'keeps folders that exist',
  call: 'build_folders(\'.\', [\'a\'])',
  status: 'error',
  output: '',
  message: '`build_folders(\'.\', [\'a\'])` raised FileNotFoundError:\n    Traceback (most recent call last):\n      File "task.py", line 3, in build_folders\n    FileNotFoundError: [Errno 2] No such file or directory: \'x\'',
}
function run(id: string, cases: CaseVerdict[], extra: Partial<ExerciseRun> = {}): ExerciseRun {
  return {
    id,
    title: course.find(c => c.id === id)!.title,
    verdict: { status: cases.every(c => c.status === 'pass') ? 'pass' : cases.some(c => c.status === 'fail') ? 'fail' : 'error', cases },
    ...extra,
  }
}
const unsolved = run('01-which-os', [{ ...returnedNone, name: 'names the system', message: '`describe_os([])` returned `None`' }])

it('watch: the exercise just saved is explained, not the first unfinished one', () => {
  const view = learnerView([unsolved, run('04-build-folders', [pass('a'), returnedNone, raised])], context({ watching: true, saved: '04-build-folders' }))
  expect(view).toMatchInlineSnapshot(`
    "
      · to do  01 Which system am I on?  0 of 1 cases pass
      · to do  04 Build a set of folders  1 of 3 cases pass

      0 of 2 done  (of the 3 exercises in the course, 2 graded here)  (1.3 s)

    ── 04 Build a set of folders ──────────────────────────────────────
      ✔ a
      ✘ makes three folders
         build_folders('.', ['a']) returned None
            expected ['a']

      ✘ keeps folders that exist  build_folders('.', ['a']) raised FileNotFoundError: [Errno 2] No such file or directory: 'x'

      Edit exercises/04-build-folders/task.py and save: it is graded again at once. Stuck? npm run hint -- 04

      Watching your task.py files: save one to grade it again. Ctrl+C stops."
  `)
})

it('watch: a save that passes says so, then explains what is left', () => {
  const view = learnerView([unsolved, run('04-build-folders', [pass('a')])], context({ watching: true, saved: '04-build-folders' }))
  expect(view).toContain('✔ 04 Build a set of folders passes now. Well done!')
  expect(view).toContain('── 01 Which system am I on?')
})

it('a one-line summary keeps the reason after the colon', () => {
  expect(summary(raised)).toBe('build_folders(\'.\', [\'a\']) raised FileNotFoundError: [Errno 2] No such file or directory: \'x\'')
  expect(summary({ ...returnedNone, message: '`f()` left the folder different from what was expected:\n   - photos/ is missing' })).toBe('f() left the folder different from what was expected: photos/ is missing')
})

it('after the exercises asked for pass, the next one of the course is named', () => {
  const view = learnerView([run('04-build-folders', [pass('a')])], context({ selected: true }))
  expect(view).toMatchInlineSnapshot(`
    "
      ✔ done  04 Build a set of folders

      1 of 1 done  (of the 3 exercises in the course, 1 graded here)  (1.3 s)

      Exercise 04 passes. Well done!
      Next up: 05 Rename .txt to .md. Open exercises/05-bulk-rename/README.md, then npm run grade -- 05
    "
  `)
})

it('a missing task.py says to reset it, and not to edit it', () => {
  const missing = run('04-build-folders', [], { verdict: { status: 'error', problem: 'exercises/04-build-folders/task.py is missing. Run `npm run reset -- 04` to get the starter back.', cases: [] }, blocked: true })
  const view = learnerView([missing], context({ selected: true }))
  expect(view).toContain('task.py is missing. Run npm run reset -- 04 to get the starter back.')
  expect(view).not.toContain('Edit ')
})
