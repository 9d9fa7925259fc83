// The class grader at scale: a synthetic class (reference solutions, starters, answers
// with one mistake and hostile files, mixed by a fixed seed) of 10, 100 and 500 learners,
// graded by `npm run grade-class` from a cold start; its time, and the peak memory of the
// grader and its Chromium together. Then a class whose every file is distinct, so the
// cost of a task.py that nobody else handed in shows too.

import type { Row } from './measure'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COURSE, PROJECT } from './measure'

const TSX = join(PROJECT, 'node_modules', '.bin', 'tsx')
const SIZES = [10, 100, 500]
const TARGET_LEARNERS = 100
const TARGET_MS = 60_000
const MEMORY_LIMIT_MB = 2048

/** Beginners' usual slips, each wrapped around the reference solution's function. */
const MISTAKES = [
  (call: string) => `\n_done = ${call}\n\n\ndef ${call}(*args, **kwargs):  # forgot to return\n    _done(*args, **kwargs)\n`,
  (call: string) => `\n_done = ${call}\n\n\ndef ${call}(*args, **kwargs):  # off by one\n    result = _done(*args, **kwargs)\n    return result[:-1] if isinstance(result, (list, str)) and result else result\n`,
  (call: string) => `\n\ndef ${call}(*args, **kwargs):  # a typo\n    return ${call}_(*args, **kwargs)\n`,
]

/** Files that misbehave (never an escape probe): each costs its learner that exercise only. */
const HOSTILE = [
  (call: string) => `def ${call}(*args, **kwargs):\n    while True:\n        pass\n`,
  (call: string) => `def ${call}(*args, **kwargs):\n    print("x" * 50_000_000)\n`,
  (call: string) => `import sys\nsys.modules.clear()\n\n\ndef ${call}(*args, **kwargs):\n    return None\n`,
  (call: string) => `import shutil\n\n\ndef ${call}(*args, **kwargs):\n    shutil.rmtree(".", ignore_errors=True)\n`,
]

/** A small seeded random number generator (mulberry32), so every run grades the same class. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface BenchExercise { id: string, call: string, solution: string, starter: string }

function exercises(): BenchExercise[] {
  return readdirSync(join(PROJECT, 'exercises')).filter(n => /^\d\d-/.test(n)).map(id => ({
    id,
    call: (JSON.parse(readFileSync(join(PROJECT, 'exercises', id, 'spec.json'), 'utf8')) as { call: string }).call,
    solution: readFileSync(join(PROJECT, 'solutions', id, 'task.py'), 'utf8'),
    starter: readFileSync(join(PROJECT, 'starters', id, 'task.py'), 'utf8'),
  }))
}

/** One learner's task.py for one exercise: 45% solved, 20% untouched, 25% one mistake, 10% hostile. */
function pick(exercise: BenchExercise, random: () => number): string {
  const roll = random()
  const one = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  if (roll < 0.45)
    return exercise.solution
  if (roll < 0.65)
    return exercise.starter
  if (roll < 0.9)
    return exercise.solution + one(MISTAKES)(exercise.call)
  return one(HOSTILE)(exercise.call)
}

/** A class folder of `size` learners; `distinct` makes every file its learner's own. */
function makeClass(root: string, size: number, distinct: boolean): string {
  const folder = join(root, `class-${size}${distinct ? '-distinct' : ''}`)
  const random = seeded(size)
  const all = exercises()
  for (let n = 1; n <= size; n++) {
    const learner = `learner ${String(n).padStart(3, '0')}`
    for (const exercise of all) {
      mkdirSync(join(folder, learner, exercise.id), { recursive: true })
      const source = pick(exercise, random) + (distinct ? `\n# ${learner}\n` : '')
      writeFileSync(join(folder, learner, exercise.id, 'task.py'), source)
    }
  }
  return folder
}

/** Kilobytes of memory a process really uses (its share of pages it shares), or 0 once gone. */
function pssKb(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0)
  }
  catch {
    return 0
  }
}

/** A process and every process under it. */
function tree(root: number): number[] {
  const parents = new Map<number, number[]>()
  for (const name of readdirSync('/proc').filter(n => /^\d+$/.test(n))) {
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1])
      parents.set(ppid, [...parents.get(ppid) ?? [], Number(name)])
    }
    catch {} // it ended while we looked
  }
  const found = [root]
  for (let i = 0; i < found.length; i++) found.push(...parents.get(found[i]) ?? [])
  return found
}

/** Grades a class folder with the CLI, timing it and sampling its memory four times a second. */
async function gradeClass(folder: string): Promise<{ ms: number, peakMb: number }> {
  const out = `${folder}-grades`
  const start = performance.now()
  const child = spawn(TSX, ['grader/class/cli.ts', folder, '--out', out], { cwd: PROJECT, stdio: ['ignore', 'ignore', 'pipe'] })
  let errors = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    errors = (errors + chunk).slice(-2000)
  })
  let peakKb = 0
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, tree(child.pid!).reduce((sum, pid) => sum + pssKb(pid), 0))
  }, 250)
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  clearInterval(sampler)
  if (code !== 0)
    throw new Error(`grade-class failed (exit code ${code}):\n${errors}`)
  return { ms: performance.now() - start, peakMb: peakKb / 1024 }
}

export async function benchClass(): Promise<Row[]> {
  const root = mkdtempSync(join(tmpdir(), 'bench-class-'))
  const rows: Row[] = []
  try {
    for (const size of SIZES) {
      const { ms, peakMb } = await gradeClass(makeClass(root, size, false))
      const target = size === TARGET_LEARNERS
      rows.push(
        { name: `grade-class: ${size} learners × ${COURSE} exercises, mixed (synthetic), cold`, medianMs: ms, runs: 1, ...target && { target: '≤ 60 s', limitMs: TARGET_MS } },
        { name: `grade-class: ${size} learners, peak memory (grader + Chromium, PSS)`, medianMs: peakMb, unit: 'MB', runs: 1, ...target && { target: '≤ 2 GB', limitMs: MEMORY_LIMIT_MB } },
      )
    }
    const distinct = await gradeClass(makeClass(root, 10, true))
    rows.push({ name: 'grade-class: 10 learners, every file distinct, cold', medianMs: distinct.ms, runs: 1 })
  }
  finally {
    rmSync(root, { recursive: true, force: true })
  }
  return rows
}
