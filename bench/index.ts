// npm run bench: every benchmark in one run, divided by a baseline measured in the same run
// (BENCH_ONLY=class runs one part: grader, class, deck or export).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { benchClass } from './class'
import { benchDeck } from './deck'
import { benchExport } from './export'
import { benchGrader, pyodideBaseline } from './grader'
import { PROJECT, pythonBaseline, table } from './measure'

const runs = Number(process.env.BENCH_RUNS ?? 3)
const baseline = await pythonBaseline()
const bare = await pyodideBaseline(runs)
const parts = { grader: () => benchGrader(runs, bare), class: benchClass, deck: () => benchDeck(runs), export: () => benchExport(runs) }
const only = process.env.BENCH_ONLY
if (only !== undefined && !(only in parts))
  throw new Error(`BENCH_ONLY must be one of ${Object.keys(parts).join(', ')} (got "${only}")`)
const rows = [bare]
for (const [name, part] of Object.entries(parts)) {
  if (only === undefined || only === name)
    rows.push(...await part())
}
const text = table(rows, baseline)
console.log(text)
mkdirSync(join(PROJECT, 'bench', 'results'), { recursive: true })
writeFileSync(join(PROJECT, 'bench', 'results', 'latest.md'), `${text}\n`)
