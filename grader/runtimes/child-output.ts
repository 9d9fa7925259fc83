// What a child process of the grader writes: its stdout as whole lines, its stderr kept
// (capped) for the message when it dies.
import type { ChildProcessWithoutNullStreams } from 'node:child_process'

const STDERR_CAP = 4096

/** Calls `onLine` with each whole line of stdout; returns what stderr said so far. */
export function readChild(child: ChildProcessWithoutNullStreams, onLine: (line: string) => void): () => string {
  child.stdin.on('error', () => {}) // a process that died closes its pipe
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(0, STDERR_CAP)
  })
  let pending = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    lines.forEach(onLine)
  })
  return () => stderr
}

/** "exit code 1: <the last line it wrote to stderr>" */
export function howItEnded(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const last = stderr.trim().split('\n').pop()
  return `${signal ?? `exit code ${code}`}${last ? `: ${last}` : ''}`
}
