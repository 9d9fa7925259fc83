// The sandbox behaves like a real disk where a learner could tell the difference:
// folders list in an order that is neither sorted nor creation order (the same on
// every runtime), and a denied file refuses what the OS refuses but still answers stat.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { gradeExercise } from '../../core/grade'
import { validateSpec } from '../../core/spec'
import { RUNTIMES_UNDER_TEST } from '../../support/unprivileged'
import { runOneCase } from './run-case'
import { PROJECT } from './run-cli'

const read = (...parts: string[]) => readFileSync(join(PROJECT, ...parts), 'utf8')
const specOf = (id: string) => validateSpec(JSON.parse(read('exercises', id, 'spec.json')), id)

/** Reference solutions with their sorting taken out: the mistake a learner makes. */
const UNSORTED: [string, string][] = [
  ['05-listing', read('solutions', '05-listing', 'task.py').replace('    for names in result.values():\n        names.sort()\n', '')],
  ['07-bulk-rename', read('solutions', '07-bulk-rename', 'task.py').replace('for name in sorted(os.listdir(folder)):', 'for name in os.listdir(folder):')],
  ['08-tidy-by-extension', read('solutions', '08-tidy-by-extension', 'task.py').replace('for name in sorted(os.listdir(folder)):', 'for name in os.listdir(folder):')],
  ['12-file-facts', read('solutions', '12-file-facts', 'task.py').replace('for name in sorted(os.listdir(folder)):', 'for name in os.listdir(folder):')],
]

/** Exercise 15 answered by looking before leaping: exists() first, then the move. */
const LOOK_FIRST = `import os


def safe_move(src, dst):
    if not os.path.exists(src):
        return "missing"
    if os.path.exists(dst):
        return "exists"
    try:
        os.rename(src, dst)
    except PermissionError:
        return "denied"
    return "moved"
`

const verdicts: Record<string, Record<string, string[]>> = {}

describe.each(RUNTIMES_UNDER_TEST)('%s', (name, create) => {
  const runtime = create()
  afterAll(() => runtime.close())

  it.each(UNSORTED)('%s: a solution that forgets to sort fails, with the hint to sort', async (id, source) => {
    expect(source, 'the sorting was taken out').not.toBe(read('solutions', id, 'task.py'))
    const verdict = await gradeExercise(runtime, specOf(id), source)
    expect(verdict.status).toBe('fail')
    const messages = verdict.cases.map(v => v.message).join('\n')
    // 08 picks the wrong file of a tie; the others hear that their items need sorting
    expect(messages).toMatch(id === '12-file-facts' ? /returned `\('zebra\.txt', 500\)`/ : /the same items in another order: sort them/)
    verdicts[id] ??= {}
    verdicts[id][name] = verdict.cases.map(v => v.status)
  })

  it('exercise 09 checks that a backup keeps each file\'s time: shutil.copy fails where shutil.copy2 passes', async () => {
    const solution = read('solutions', '09-back-up', 'task.py')
    const withCopy = solution.replace('shutil.copy2(', 'shutil.copy(')
    expect(withCopy, 'copy2 was swapped for copy').not.toBe(solution)
    expect((await gradeExercise(runtime, specOf('09-back-up'), solution)).status).toBe('pass')
    const verdict = await gradeExercise(runtime, specOf('09-back-up'), withCopy)
    expect(verdict.status).toBe('fail')
    const first = verdict.cases.find(v => v.status === 'fail')!
    expect(first.message).toMatch(/left `backup\/a\.txt` last changed just now; it should keep the time of the file it came from, 30 days ago/)
    // copytree copies with copy2: the folder case passes either way
    expect(verdict.cases[1].status, verdict.cases[1].message).toBe('pass')
  })

  it('exercise 13 tells >= from >: its boundary case stops the clock at the moment the ages were set', async () => {
    const solution = read('solutions', '13-delete-old-logs', 'task.py')
    const strict = solution.replace('>= limit', '> limit')
    expect(strict, '>= was swapped for >').not.toBe(solution)
    expect((await gradeExercise(runtime, specOf('13-delete-old-logs'), solution)).status).toBe('pass')
    const verdict = await gradeExercise(runtime, specOf('13-delete-old-logs'), strict)
    const failing = verdict.cases.filter(v => v.status !== 'pass')
    expect(failing.map(v => v.name)).toEqual(['deletes a log exactly `days` days old and keeps one a little younger'])
    expect(failing[0].message).toMatch(/returned `\[\]`/)
  })

  it('a dangling link and a link loop left in the folder are read back as links, never followed: the case is judged', async () => {
    const source = 'import os\n\n\ndef f():\n    os.symlink("missing", "dangling")\n    os.symlink("loop", "loop")\n    return sorted(os.listdir("."))\n'
    const seen = await runOneCase(runtime, source, 'f', { name: 'c', tree: { 'a.txt': 'a' }, expect: { return: null } })
    expect(seen.ending, seen.detail).toBeUndefined()
    expect(seen.returned?.value).toEqual(['a.txt', 'dangling', 'loop'])
    // a link is listed by its own size (the length of the path it holds), as lstat gives it
    expect(seen.tree_after).toEqual({ 'a.txt': 'a', 'dangling': { size: 'missing'.length }, 'loop': { size: 'loop'.length } })
  })

  it('a denied file still answers stat, so looking before leaping works', async () => {
    const verdict = await gradeExercise(runtime, specOf('15-errors'), LOOK_FIRST)
    const denied = verdict.cases.find(v => /denied|permission/i.test(v.name))
    expect(denied, 'exercise 15 has a case with a denied file').toBeDefined()
    expect(denied!.status, denied!.message).toBe('pass')
  })

  it('a denied file cannot be opened, renamed or removed, but exists and can be listed', async () => {
    const source = `import os


def probe(path):
    seen = [os.path.exists(path), os.path.isfile(path), os.stat(path).st_size, path in os.listdir(".")]
    for attempt in (lambda: open(path).read(), lambda: os.rename(path, "x.txt"), lambda: os.remove(path)):
        try:
            attempt()
            seen.append("allowed")
        except PermissionError:
            seen.append("refused")
    return seen
`
    const seen = await runOneCase(runtime, source, 'probe', { name: 'c', tree: { 'secret.txt': 'shh' }, deny: ['secret.txt'], args: ['secret.txt'], expect: { return: null } })
    expect(seen.returned?.value).toEqual([true, true, 3, true, 'refused', 'refused', 'refused'])
  })
})

it('every runtime gives the same verdicts to the unsorted solutions', () => {
  for (const [id] of UNSORTED) {
    expect(verdicts[id]?.pyodide, id).toBeDefined()
    expect(verdicts[id]?.['cpython as an unprivileged user'], id).toEqual(verdicts[id]?.pyodide)
  }
})
