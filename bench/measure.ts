// Small timing helpers shared by the benchmarks: medians, and a baseline to divide by.
import { spawn, spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT = fileURLToPath(new URL('..', import.meta.url))
/** How many exercises the course has. */
export const COURSE = readdirSync(join(PROJECT, 'exercises')).filter(n => /^\d\d-/.test(n)).length

export interface Row {
  name: string
  medianMs: number
  runs: number
  /** the target in words */
  target?: string
  /** the target in milliseconds, worked out from the baselines of the same run */
  limitMs?: number
  /** a row that measures memory: medianMs and limitMs hold megabytes, and no ratio is given */
  unit?: 'MB'
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Times a whole command, start to exit, `runs` times; with mustSucceed, a failed run stops the bench. */
export async function timeCommand(command: string, args: string[], runs: number, mustSucceed = false): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await new Promise<void>((resolve, reject) => {
      // a run that must succeed shows its errors, so a failure says why
      const child = spawn(command, args, { cwd: PROJECT, stdio: ['ignore', 'ignore', mustSucceed ? 'inherit' : 'ignore'] })
      child.on('error', reject)
      child.on('close', (code) => {
        if (mustSucceed && code !== 0)
          reject(new Error(`${[command, ...args].join(' ')} failed (exit code ${code})`))
        else
          resolve()
      })
    })
    times.push(performance.now() - start)
  }
  return times
}

/** The baseline every row is divided by: starting a bare CPython. */
export async function pythonBaseline(runs = 15): Promise<Row> {
  const python = spawnSync(process.env.PYTHON ?? 'python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim()
  return { name: '`python3 -c pass` (baseline)', medianMs: median(await timeCommand(python, ['-c', 'pass'], runs)), runs }
}

export function table(rows: Row[], baseline: Row): string {
  const show = (r: Row, value: number) => (r.unit === 'MB' ? `${value.toFixed(0)} MB` : format(value))
  const verdict = (r: Row) => (r.limitMs === undefined ? '' : r.medianMs <= r.limitMs ? `met (≤ ${show(r, r.limitMs)})` : `**missed** (> ${show(r, r.limitMs)})`)
  const ratio = (r: Row) => (r.unit === 'MB' ? '' : (r.medianMs / baseline.medianMs).toFixed(1))
  const lines = [
    '| measurement | median | × baseline | runs | target | |',
    '|---|---:|---:|---:|---|---|',
    ...[baseline, ...rows].map(r => `| ${r.name} | ${show(r, r.medianMs)} | ${ratio(r)} | ${r.runs} | ${r.target ?? ''} | ${verdict(r)} |`),
  ]
  return lines.join('\n')
}

const format = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
