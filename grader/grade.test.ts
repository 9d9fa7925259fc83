// One vitest test per exercise case; the verdict travels to the reporters in task.meta.
import { beforeAll, describe, inject, test } from 'vitest'
import type { CaseVerdict } from './judge'

declare module 'vitest' {
  interface TaskMeta { verdict?: CaseVerdict }
}

const { url, exercises } = inject('grader')

async function grade(id: string): Promise<CaseVerdict[]> {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify({ id }) })
  if (!response.ok) throw new Error(`the grader failed: ${await response.text()}`)
  return await response.json() as CaseVerdict[]
}

// Ask for every exercise at once: the runtime decides how many run side by side.
const pending = new Map(exercises.map(e => [e.id, grade(e.id)]))
for (const p of pending.values()) p.catch(() => {}) // each failure is reported by its own exercise

for (const exercise of exercises) {
  describe(exercise.id, () => {
    let verdicts: CaseVerdict[] = []
    beforeAll(async () => {
      verdicts = await pending.get(exercise.id)!
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
