// Runs the grader's CLI the way a learner would, and reads its JSON report.

import type { Report } from '../../core/report'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT = fileURLToPath(new URL('../..', import.meta.url))

export function runCli(args: string[]) {
  const result = spawnSync(join(PROJECT, 'node_modules', '.bin', 'tsx'), ['grader/cli.ts', ...args], { cwd: PROJECT, encoding: 'utf8', timeout: 300_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

export function gradeJson(args: string[]): { code: number | null, report: Report } {
  const { code, stdout, stderr } = runCli(['grade', '--json', ...args])
  try {
    return { code, report: JSON.parse(stdout) as Report }
  }
  catch {
    throw new Error(`the grader printed no JSON report (exit ${code}):\n${stdout}\n${stderr}`)
  }
}
