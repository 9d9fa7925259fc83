// One vitest test per exercise case; the verdict travels to the reporters in task.meta.
import { beforeAll, describe, inject, test } from 'vitest'
import type { CaseVerdict } from './judge'

declare module 'vitest' {
  interface TaskMeta { verdict?: CaseVerdict }
}

const { url, exercises } = inject('grader')

for (const exercise of exercises) {
  describe(exercise.id, () => {
    let verdicts: CaseVerdict[] = []
    beforeAll(async () => {
      const response = await fetch(url, { method: 'POST', body: JSON.stringify({ id: exercise.id }) })
      if (!response.ok) throw new Error(`the grader failed: ${await response.text()}`)
      verdicts = await response.json() as CaseVerdict[]
    })
    exercise.cases.forEach((name, index) => {
      test(name, ({ task }) => {
        const verdict = verdicts[index]
        task.meta.verdict = verdict
        if (verdict.status !== 'pass') throw new Error(verdict.message)
      })
    })
  })
}
