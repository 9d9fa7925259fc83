// Every file of an exercise speaks of it by its own number: its README's title, task.py's
// first line and the commands it tells the learner to run (`npm run grade -- 06`), in
// exercises/, starters/ and solutions/ alike. The deck orders exercises by its chapters, so
// a renumbering must reach every one of these.

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.join(import.meta.dirname, '..', '..')
const ids = readdirSync(path.join(ROOT, 'exercises')).filter(name => /^\d\d-/.test(name))

describe('each exercise speaks of itself by its own number', () => {
  for (const id of ids) {
    it(id, () => {
      const own = id.slice(0, 2)
      const wrong: string[] = []
      for (const file of ['exercises/README.md', 'exercises/task.py', 'exercises/spec.json', 'starters/task.py', 'solutions/task.py'].map(f => f.replace('/', `/${id}/`))) {
        if (!existsSync(path.join(ROOT, file)))
          continue
        const text = readFileSync(path.join(ROOT, file), 'utf8')
        for (const [said, number] of [...text.matchAll(/npm run (?:grade|hint|reset) -- (\d\d)\b|^# (\d\d) ·|^"""Exercise (\d\d):/gm)].map(m => [m[0], m[1] ?? m[2] ?? m[3]])) {
          if (number !== own)
            wrong.push(`${file}: "${said}"`)
        }
      }
      expect(wrong).toEqual([])
    })
  }
})
