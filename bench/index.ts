// npm run bench: every benchmark in one run, divided by a baseline measured in the same run.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { benchDeck } from './deck'
import { benchExport } from './export'
import { benchGrader, pyodideBaseline } from './grader'
import { PROJECT, pythonBaseline, table } from './measure'

const runs = Number(process.env.BENCH_RUNS ?? 3)
const baseline = await pythonBaseline()
const bare = await pyodideBaseline(runs)
const rows = [bare, ...await benchGrader(runs, bare), ...await benchDeck(runs), ...await benchExport(runs)]
const text = table(rows, baseline)
console.log(text)
mkdirSync(join(PROJECT, 'bench', 'results'), { recursive: true })
writeFileSync(join(PROJECT, 'bench', 'results', 'latest.md'), `${text}\n`)
