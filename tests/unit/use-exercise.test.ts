// What an exercise slide's buttons do (deck/use-exercise.ts), in Node: no browser, no
// Python. The checker, the confirm dialog and the dev server's task.py are stand-ins
// that record what they were asked.
import type { ExerciseVerdict } from '../../core/grade'
import type { CheckHandle } from '../../deck/exercise-check'
import type { TaskFile } from '../../deck/use-exercise'
import { beforeEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick } from 'vue'
import { findExercise } from '../../deck/exercise-files'
import { progressOf } from '../../deck/progress'
import { useExercise } from '../../deck/use-exercise'

const exercise = findExercise('06-build-folders')!
const PASS: ExerciseVerdict = { status: 'pass', cases: [{ name: 'one', status: 'pass', message: 'ok', output: '', call: 'build_folders()' }] }
const FAIL: ExerciseVerdict = { status: 'fail', cases: [{ name: 'one', status: 'fail', message: 'expected 1, got 2', output: '', call: 'build_folders()' }] }

/** A checker that answers when the test says so, and remembers what it was given. */
function checker() {
  const asked: { source: string, profiles?: string[] }[] = []
  let answer: (verdict: ExerciseVerdict) => void = () => {}
  let fail: (error: Error) => void = () => {}
  let stopped = 0
  const check = (_: unknown, source: string, onProgress?: (index: number, total: number) => void, profiles?: string[]): CheckHandle => {
    asked.push({ source, profiles })
    onProgress?.(1, 4)
    return { result: new Promise((resolve, reject) => [answer, fail] = [resolve, reject]), stop: () => stopped++ }
  }
  return { check, asked, answer: (v: ExerciseVerdict) => answer(v), fail: (e: Error) => fail(e), stopped: () => stopped }
}

function fileStandIn(overrides: Partial<TaskFile> = {}) {
  const calls: string[] = []
  const told: string[] = []
  const file: TaskFile = {
    path: 'exercises/06-build-folders/task.py',
    save: text => void calls.push(`save ${text}`),
    flush: async () => void calls.push('flush'),
    hint: async () => void calls.push('hint'),
    reset: async () => void calls.push('reset'),
    recordVerdict: async (source, passed) => void calls.push(`verdict ${passed}`),
    tell: problem => void told.push(problem),
    ...overrides,
  }
  return { file, calls, told }
}

function play({ file, confirm = true }: { file?: TaskFile, confirm?: boolean } = {}) {
  const questions: string[] = []
  const fake = checker()
  const scope = effectScope()
  const exercisePlay = scope.run(() => useExercise(exercise, {
    check: fake.check,
    confirm: (question) => {
      questions.push(question)
      return confirm
    },
    houses: () => ['linux', 'windows'],
    file: () => file,
  }))!
  return { ...exercisePlay, fake, questions, scope }
}

beforeEach(() => {
  const p = progressOf(exercise.id) as unknown as Record<string, unknown>
  for (const key of Object.keys(p))
    delete p[key]
  Object.assign(p, { hintsShown: 0, passed: false })
})

describe('the code', () => {
  it('starts as the starter and is kept as the learner types', () => {
    const { code } = play()
    expect(code.value).toBe(exercise.starter)
    code.value = 'def build_folders(root, names):\n    return []\n'
    expect(progressOf(exercise.id).code).toBe(code.value)
  })
  it('under dev, also goes to task.py', () => {
    const { file, calls } = fileStandIn()
    const { code } = play({ file })
    code.value = 'x = 1\n'
    expect(calls).toEqual(['save x = 1\n'])
  })
})

describe('check', () => {
  it('runs every case in both houses, shows progress, then keeps the verdict', async () => {
    const { check, running, shown, fake, code } = play()
    const done = check()
    expect(fake.asked).toEqual([{ source: exercise.starter, profiles: ['linux', 'windows'] }])
    expect(running.value).toMatchObject({ index: 0, total: exercise.spec instanceof Error ? 0 : exercise.spec.cases.length * 2 })
    fake.answer(PASS)
    await done
    expect(running.value).toBeUndefined()
    expect(progressOf(exercise.id)).toMatchObject({ passed: true, checked: { code: exercise.starter, verdicts: [{ name: 'one', status: 'pass', message: 'ok' }] } })
    expect(shown.value).toMatchObject({ saved: false, stale: false })
    code.value = 'changed\n'
    expect(shown.value?.stale).toBe(true)
  })
  it('a second press while checking does nothing; leaving the slide stops the check', () => {
    const { check, fake, scope } = play()
    void check()
    void check()
    expect(fake.asked).toHaveLength(1)
    scope.stop()
    expect(fake.stopped()).toBe(1)
  })
  it('says why when the check itself fails, instead of showing nothing', async () => {
    const { check, shown, fake } = play()
    const done = check()
    fake.fail(new Error('the worker died'))
    await done
    expect(shown.value?.problem).toBe('The check could not run: the worker died. Reload the page and press Check again.')
  })
  it('under dev, checks the file as saved and records the verdict where `npm run grade` does', async () => {
    const { file, calls, told } = fileStandIn({ recordVerdict: () => Promise.reject(new Error('the dev server did not answer')) })
    const { check, fake } = play({ file })
    const done = check()
    fake.answer(FAIL)
    await done
    expect(calls).toEqual(['flush'])
    expect(told).toEqual(['the dev server did not answer'])
    expect(progressOf(exercise.id).passed).toBe(false)
  })
})

describe('hints, reset and the solution', () => {
  it('shows one more hint each time, never more than there are', () => {
    const { hint, hintsShown, hints } = play()
    for (let i = 0; i < hints.length + 2; i++) hint()
    expect(hintsShown.value).toBe(hints.length)
    expect(hints.length).toBeGreaterThan(1)
  })
  it('under dev, asks the terminal for the hint', () => {
    const { file, calls } = fileStandIn()
    play({ file }).hint()
    expect(calls).toEqual(['hint'])
    expect(progressOf(exercise.id).hintsShown).toBe(0)
  })
  it('reset asks first, keeps the code for Undo, and Undo brings it back', () => {
    const refused = play({ confirm: false })
    refused.code.value = 'mine\n'
    refused.reset()
    expect(refused.code.value).toBe('mine\n')
    const { code, reset, undoReset, questions } = play()
    reset()
    expect(questions[0]).toBe('Put the starter code back? Your code is kept: "Undo reset" brings it back.')
    expect(code.value).toBe(exercise.starter)
    undoReset()
    expect(code.value).toBe('mine\n')
  })
  it('under dev, reset is the terminal\'s, which keeps a backup beside task.py', () => {
    const { file, calls } = fileStandIn()
    const { code, reset, questions } = play({ file })
    code.value = 'mine\n'
    reset()
    expect(questions[0]).toContain('a backup beside exercises/06-build-folders/task.py')
    expect(calls).toEqual(['save mine\n', 'reset'])
    expect(progressOf(exercise.id).undo).toBe('mine\n')
  })
  it('asks once before showing the solution; putting it in the editor keeps the code for Undo', async () => {
    const { showSolution, useSolution, view, code, questions } = play()
    code.value = 'mine\n'
    showSolution()
    showSolution()
    showSolution()
    expect(questions).toHaveLength(1)
    expect(view.value).toBe('solution')
    useSolution()
    await nextTick()
    expect([code.value, progressOf(exercise.id).undo, view.value]).toEqual([exercise.solution, 'mine\n', 'results'])
  })
})
