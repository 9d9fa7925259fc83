// Grader timings: all exercises cold, one exercise cold, and watch-mode re-grades,
// for each runtime. Watch re-grades edit a solution (a comment line) and restore it.

import type { Row } from './measure'
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { median, PROJECT, timeCommand } from './measure'

const TSX = join(PROJECT, 'node_modules', '.bin', 'tsx')
const CLI = ['grader/cli.ts', 'grade', '--solutions', '--json']
const WATCHED = '04-build-folders'

export async function benchGrader(runs: number): Promise<Row[]> {
  const rows: Row[] = []
  for (const runtime of ['pyodide', 'cpython']) {
    const flag = ['--runtime', runtime]
    rows.push({
      name: `grade all exercises, cold (${runtime})`,
      medianMs: median(await timeCommand(TSX, [...CLI, ...flag], runs)),
      runs,
      target: runtime === 'pyodide' ? '< 8 s' : undefined,
    })
    rows.push({
      name: `grade one exercise, cold (${runtime})`,
      medianMs: median(await timeCommand(TSX, [...CLI, ...flag, WATCHED.slice(0, 2)], runs)),
      runs,
    })
    const saves = runs * 4
    rows.push({
      name: `watch: save → verdict, all exercises watched (${runtime})`,
      medianMs: median(await watchLatency(runtime, saves)),
      runs: saves,
      target: runtime === 'pyodide' ? '< 150 ms' : undefined,
    })
  }
  return rows
}

/** Starts `grade --watch`, then saves one task file `saves` times, timing save → report. */
async function watchLatency(runtime: string, saves: number): Promise<number[]> {
  const file = join(PROJECT, 'solutions', WATCHED, 'task.py')
  const original = readFileSync(file, 'utf8')
  const child = spawn(TSX, ['grader/cli.ts', 'grade', '--solutions', '--json', '--watch', '--runtime', runtime], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'inherit'] })
  let reports = 0
  let onReport = () => {}
  let buffer = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk
    // each JSON report ends with a closing brace line
    for (let end = buffer.indexOf('\n}\n'); end >= 0; end = buffer.indexOf('\n}\n')) {
      const report = JSON.parse(buffer.slice(buffer.indexOf('{'), end + 2)) as { status: string }
      buffer = buffer.slice(end + 3)
      if (report.status !== 'pass')
        throw new Error(`a watch re-grade did not pass: ${JSON.stringify(report).slice(0, 300)}`)
      reports++
      onReport()
    }
  })
  const nextReport = () => new Promise<void>((resolve) => {
    onReport = resolve
  })
  const times: number[] = []
  try {
    await nextReport() // the first full run
    for (let i = 0; i < saves; i++) {
      await new Promise(resolve => setTimeout(resolve, 150)) // let the watcher settle
      const done = nextReport()
      const start = performance.now()
      writeFileSync(file, `${original}# bench save ${i}\n`)
      await done
      times.push(performance.now() - start)
    }
  }
  finally {
    writeFileSync(file, original)
    child.kill()
  }
  if (reports < saves)
    throw new Error('watch mode missed a save')
  return times
}
