// One vitest test per exercise case; the verdict travels to the reporters in task.meta.
import { describe, inject, test } from 'vitest'
import type { CaseVerdict } from './judge'

declare module 'vitest' {
  interface TaskMeta { verdict?: CaseVerdict }
}

const { url, exercises } = inject('grader')

for (const exercise of exercises) {
  describe(exercise.id, () => {
    exercise.cases.forEach((name, index) => {
      test(name, async ({ task }) => {
        const response = await fetch(url, { method: 'POST', body: JSON.stringify({ id: exercise.id, index }) })
        if (!response.ok) throw new Error(`the grader failed: ${await response.text()}`)
        const verdict = await response.json() as CaseVerdict
        task.meta.verdict = verdict
        if (verdict.status !== 'pass') throw new Error(verdict.message)
      })
    })
  })
}
