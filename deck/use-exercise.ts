// What an exercise slide does, apart from its editor and its page: the learner's code
// and where it is kept, Check, hints, Reset and Undo, the solution. ExerciseSlide.vue
// shows it; tests/unit/use-exercise.test.ts drives it in Node, without a browser.

import type { ExerciseVerdict } from '../core/grade'
import type { Profile } from '../core/profiles'
import type { Checker } from './exercise-check'
import type { SlideExercise } from './exercise-files'
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue'
import { casesOf, hintsOf } from '../core/exercise'
import { progressOf, recordCheck } from './progress'

/** Under `npm run dev`: the exercise's task.py, which the terminal grades too (deck/task-files.ts). */
export interface TaskFile {
  /** where it is, e.g. "exercises/06-build-folders/task.py" */
  path: string
  /** what the learner should know now: a conflict, a reset, a save that failed */
  notice?: string
  /** saves the text shortly after the learner stops typing */
  save: (text: string) => void
  /** sends what is typed now */
  flush: () => Promise<void>
  /** one more hint, counted where `npm run hint` counts */
  hint: () => Promise<void>
  /** the starter back, as `npm run reset` does (with a backup) */
  reset: () => Promise<void>
  /** a Check's outcome, where `npm run grade` keeps its verdicts */
  recordVerdict: (source: string, passed: boolean) => Promise<void>
  /** tells the learner what went wrong with the file */
  tell: (problem: string) => void
}

interface ExerciseDeps {
  check: Checker
  /** asks the learner before something they may regret */
  confirm: (question: string) => boolean
  /** the houses Check runs every case as */
  houses: () => Profile[]
  /** the task.py under `npm run dev`; undefined: the code is kept in this browser */
  file: () => TaskFile | undefined
}

interface Running { index: number, total: number, stop: () => void }

export function useExercise(exercise: SlideExercise, deps: ExerciseDeps) {
  const { id, starter, solution } = exercise
  // read afresh each time: another window's save replaces the saved record
  const progress = computed(() => progressOf(id))
  const hints = hintsOf(exercise)

  const code = computed({
    get: () => progress.value.code ?? starter,
    set: (text: string) => {
      progress.value.code = text
      deps.file()?.save(text)
    },
  })

  // ------------------------------------------------------------ check
  const running = shallowRef<Running>()
  /** the verdict of a Check made since the slide opened (with folder pictures) */
  const fresh = shallowRef<{ code: string, verdict: ExerciseVerdict }>()
  const view = ref<'results' | 'solution'>('results')
  // a slide that goes away (the deck closing, a hot reload) stops its Check; Slidev keeps
  // visited slides mounted, so a learner who looks at another slide meanwhile gets the verdict
  if (getCurrentScope())
    onScopeDispose(() => running.value?.stop())

  async function check() {
    if (running.value)
      return
    view.value = 'results'
    const source = code.value
    const houses = deps.houses()
    const handle = deps.check(exercise, source, (index, total) => {
      if (running.value)
        running.value = { ...running.value, index, total }
    }, houses)
    running.value = { index: 0, total: casesOf(exercise).length * houses.length, stop: handle.stop }
    // the file on disk is the one checked, so `npm run grade` sees what the deck checked
    const file = deps.file()
    const saved = file?.flush()
    try {
      const verdict = await handle.result
      fresh.value = { code: source, verdict }
      recordCheck(id, source, verdict)
      if (file && saved)
        await saved.then(() => file.recordVerdict(source, verdict.status === 'pass')).catch(tellFile)
    }
    catch (error) {
      // the learner sees why, instead of nothing
      const problem = `The check could not run: ${(error as Error).message}. Reload the page and press Check again.`
      fresh.value = { code: source, verdict: { status: 'error', problem, cases: [] } }
    }
    finally {
      running.value = undefined
    }
  }

  /** The verdicts to show: this visit's Check, else the saved one. */
  const shown = computed(() => {
    if (fresh.value)
      return { verdicts: fresh.value.verdict.cases, problem: fresh.value.verdict.problem, saved: false, stale: fresh.value.code !== code.value }
    const checked = progress.value.checked
    if (checked)
      return { verdicts: checked.verdicts, problem: checked.problem, saved: true, stale: checked.code !== code.value }
    return undefined
  })

  // ------------------------------------------------------------ hints, reset, solution
  const hintsShown = computed(() => Math.min(progress.value.hintsShown ?? 0, hints.length))

  function hint() {
    const file = deps.file()
    if (file)
      file.hint().catch(tellFile)
    else if (hintsShown.value < hints.length)
      progress.value.hintsShown = hintsShown.value + 1
  }

  function reset() {
    if (code.value === starter)
      return
    const file = deps.file()
    const kept = file ? `a backup beside ${file.path}, and "Undo reset" brings it back` : '"Undo reset" brings it back'
    if (!deps.confirm(`Put the starter code back? Your code is kept: ${kept}.`))
      return
    progress.value.undo = code.value
    if (file)
      file.reset().catch(tellFile)
    else
      code.value = starter
  }

  function undoReset() {
    const previous = progress.value.undo
    if (previous === undefined)
      return
    progress.value.undo = undefined
    code.value = previous
  }

  function showSolution() {
    if (view.value === 'solution') {
      view.value = 'results'
      return
    }
    if (!progress.value.solutionShown && !deps.confirm('Show the solution? Trying once more, or a hint, teaches more.'))
      return
    progress.value.solutionShown = true
    view.value = 'solution'
  }

  function useSolution() {
    if (code.value !== solution)
      progress.value.undo = code.value
    code.value = solution
    view.value = 'results'
  }

  /** The dev server refused or did not answer: the learner reads why. */
  function tellFile(error: Error) {
    deps.file()?.tell(error.message)
  }

  return { exercise, progress, code, hints, hintsShown, running, shown, view, check, hint, reset, undoReset, showSolution, useSolution }
}
