// The machine's own CPython: one process per case, in a fresh temporary folder.
// This runs learner code on the real machine; the README says so.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Observation } from '../judge'
import { HARNESS_PATH } from '../paths'
import type { CaseRequest, Runtime } from './types'

const MARKER = '\n@@harness-result@@'
const READY = '@@harness-ready@@'
/** Python's own start-up is not the learner's time, but it is not unlimited either. */
const STARTUP_LIMIT_MS = 30_000
const STDOUT_CAP = 1024 * 1024

let interpreter: string | undefined

/** The real interpreter behind `python3` (or $PYTHON): version-manager shims are slow to start. */
export function pythonCommand(): string {
  interpreter ??= execFileSync(process.env.PYTHON ?? 'python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim()
  return interpreter
}

export function createCpythonRuntime(): Runtime {
  let version: string | undefined
  // As many cases at once as there are cores: more would eat into each case's time limit.
  let running = 0
  const waiting: (() => void)[] = []
  const slot = async () => {
    while (running >= availableParallelism()) await new Promise<void>(resolve => waiting.push(resolve))
    running++
  }
  const release = () => {
    running--
    waiting.shift()?.()
  }
  return {
    name: 'cpython',
    async version() {
      version ??= execFileSync(pythonCommand(), ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' }).trim()
      return version
    },
    async runCase(request) {
      await slot()
      try {
        return await runInProcess(request)
      }
      finally {
        release()
      }
    },
    async close() {},
  }
}

function runInProcess(request: CaseRequest): Promise<Observation> {
  const folder = mkdtempSync(join(tmpdir(), 'os-workshop-case-'))
  const child = spawn(pythonCommand(), ['-I', '-X', 'utf8', HARNESS_PATH], {
    cwd: folder,
    detached: true,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: folder, LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  let timedOut = false
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (stdout.length < STDOUT_CAP) stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 4096) stderr += chunk
    if (stderr.includes(READY) && !started) {
      started = true
      clearTimeout(timer)
      timer = setTimeout(stop, request.timeoutS * 1000)
    }
  })
  child.stdin.on('error', () => {}) // a learner's early exit closes the pipe
  child.stdin.end(JSON.stringify({ source: request.source, call: request.call, case: request.case }))
  const stop = () => {
    timedOut = true
    kill(child.pid)
  }
  let started = false
  let timer = setTimeout(stop, STARTUP_LIMIT_MS)

  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      rmSync(folder, { recursive: true, force: true })
      const at = stdout.lastIndexOf(MARKER)
      if (timedOut) resolve({ limit: 'timeout' })
      else if (at >= 0) resolve(JSON.parse(stdout.slice(at + MARKER.length)) as Observation)
      else if (stdout.length >= STDOUT_CAP) resolve({ limit: 'output' })
      else resolve({ limit: 'crash', detail: signal ? `killed by ${signal}` : `exit code ${code}${stderr ? `, ${lastLine(stderr.replace(READY, ''))}` : ''}` })
    })
  })
}

function kill(pid: number | undefined) {
  if (!pid) return
  try {
    process.kill(-pid, 'SIGKILL') // the whole process group
  }
  catch {}
}

const lastLine = (text: string) => text.trim().split('\n').pop() ?? ''
