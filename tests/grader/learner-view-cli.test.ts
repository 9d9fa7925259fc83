// What a learner reads from `npm run grade`, word for word, as file snapshots
// (tests/grader/__snapshots__/learner-view/; `npx vitest run -u` rewrites them after a
// deliberate change): the starter, a wrong answer, the solution, a broken spec, a syntax
// error and an endless loop, in the learner's view and as `--json`; and watch mode across
// two saves. Each runs the real CLI on a copy of the exercises (OS_WORKSHOP_DIR), never
// on exercises/ or solutions/ of the project.

import type { ChildProcess } from 'node:child_process'
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PROJECT } from './run-cli'

const ID = '06-build-folders'
const SNAPSHOTS = './__snapshots__/learner-view'
const TSX = join(PROJECT, 'node_modules', '.bin', 'tsx')
const solution = readFileSync(join(PROJECT, 'solutions', ID, 'task.py'), 'utf8')

/** The learner's possible task.py files, and a spec.json an instructor broke. */
const ANSWERS: Record<string, { task?: string, spec?: (spec: string) => string }> = {
  'starter': {},
  'wrong-answer': { task: solution.replace('        if not existed:\n            created.append(name)', '        created.append(name)') },
  'solution': { task: solution },
  'broken-spec': { spec: spec => spec.replace('"call": "build_folders"', '"call": "build folders"') },
  'syntax-error': { task: 'import os\n\n\ndef build_folders(root, names)\n    return []\n' },
  'endless-loop': { task: 'def build_folders(root, names):\n    while True:\n        pass\n' },
}

const copies: string[] = []
afterAll(() => copies.forEach(dir => rmSync(dir, { recursive: true, force: true })))

/** A project copy with exercises/, starters/ and solutions/, as a learner's clone has them. */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'learner-view-'))
  copies.push(dir)
  for (const folder of ['exercises', 'starters', 'solutions'])
    cpSync(join(PROJECT, folder), join(dir, folder), { recursive: true })
  return dir
}

/** What changes from run to run: the time it took, and where the copy is. */
function stable(text: string, copy: string): string {
  return text.split(copy).join('<project>').replace(/\(\d+(?:\.\d+)? s\)/g, '(<time> s)')
}

function grade(copy: string, args: string[]): string {
  const run = spawnSync(TSX, ['grader/cli.ts', 'grade', ...args], { cwd: PROJECT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, OS_WORKSHOP_DIR: copy, NO_COLOR: '1' } })
  return stable(`${run.stdout}${run.stderr ? `\n[stderr]\n${run.stderr}` : ''}\n[exit ${run.status}]\n`, copy)
}

describe('npm run grade, as the learner reads it', () => {
  for (const [name, { task, spec }] of Object.entries(ANSWERS)) {
    it(name, async () => {
      const copy = projectCopy()
      if (task !== undefined)
        writeFileSync(join(copy, 'exercises', ID, 'task.py'), task)
      if (spec) {
        const file = join(copy, 'exercises', ID, 'spec.json')
        writeFileSync(file, spec(readFileSync(file, 'utf8')))
      }
      await expect(grade(copy, ['06'])).toMatchFileSnapshot(`${SNAPSHOTS}/${name}.txt`)
      await expect(grade(copy, ['06', '--json'])).toMatchFileSnapshot(`${SNAPSHOTS}/${name}.json.txt`)
    }, 180_000)
  }
})

describe('npm run grade -- --watch, as the learner reads it', () => {
  let watcher: ChildProcess | undefined
  afterAll(() => {
    watcher?.kill('SIGINT')
  })

  it('grades each save of the copy again: a wrong answer, then the solution', async () => {
    const copy = projectCopy()
    const task = join(copy, 'exercises', ID, 'task.py')
    let output = ''
    watcher = spawn(TSX, ['grader/cli.ts', 'grade', '--watch', '06'], { cwd: PROJECT, env: { ...process.env, OS_WORKSHOP_DIR: copy, NO_COLOR: '1' } })
    watcher.stdout!.on('data', (chunk) => {
      output += chunk
    })
    watcher.stderr!.on('data', (chunk) => {
      output += chunk
    })
    const screens = () => output.split(/^ {2}Watching your task\.py files.*$/m).length - 1
    const waitForScreen = async (n: number) => expect.poll(screens, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(n)
    await waitForScreen(1)
    writeFileSync(task, ANSWERS['wrong-answer'].task!)
    await waitForScreen(2)
    writeFileSync(task, solution)
    await waitForScreen(3)
    watcher.kill('SIGINT')
    const [start, wrong, solved] = splitScreens(output)
    await expect(stable(start, copy)).toMatchFileSnapshot(`${SNAPSHOTS}/watch-1-start.txt`)
    await expect(stable(wrong, copy)).toMatchFileSnapshot(`${SNAPSHOTS}/watch-2-wrong-answer-saved.txt`)
    await expect(stable(solved, copy)).toMatchFileSnapshot(`${SNAPSHOTS}/watch-3-solution-saved.txt`)
  }, 180_000)
})

/** One screen per grading: each ends with the "Watching your task.py files" line. */
function splitScreens(output: string): string[] {
  const lines = output.split('\n')
  const screens: string[] = []
  let current: string[] = []
  for (const line of lines) {
    current.push(line)
    if (line.startsWith('  Watching your task.py files')) {
      screens.push(`${current.join('\n')}\n`)
      current = []
    }
  }
  return screens
}
