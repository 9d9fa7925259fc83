// What the class grader writes: grades.csv for a spreadsheet, results/<learner>.json in
// Exercism's results.json shape, and report.html, one page that asks for nothing.
// Pure functions of the results, so the same class always gives the same files.

import type { ExerciseResult } from '../../core/report'
import type { ExerciseOnDisk } from '../exercises'
import type { LearnerResult } from './grade-class'
import { titleOf } from '../../core/exercise'

const passedCases = (e: ExerciseResult) => e.tests.filter(t => t.status === 'pass').length

/** A cell as RFC 4180 wants it; a leading =, +, - or @ is kept from becoming a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One row per learner: passed/total cases per exercise, then the exercises done and all cases. */
export function gradesCsv(results: LearnerResult[], exercises: ExerciseOnDisk[]): string {
  const header = ['learner', ...exercises.map(e => e.id), 'exercises passed', 'cases passed']
  const rows = results.map((learner) => {
    const cells = learner.exercises.map(e => `${passedCases(e)}/${e.tests.length}`)
    const passed = learner.exercises.filter(e => e.status === 'pass').length
    const cases = learner.exercises.reduce((sum, e) => sum + passedCases(e), 0)
    const total = learner.exercises.reduce((sum, e) => sum + e.tests.length, 0)
    return [learner.name, ...cells, `${passed}/${exercises.length}`, `${cases}/${total}`]
  })
  // a byte order mark, so a spreadsheet reads the names' accents as UTF-8
  return `\uFEFF${[header, ...rows].map(row => row.map(cell).join(',')).join('\r\n')}\r\n`
}

/**
 * One learner's results. Each exercise has the field names of Exercism's results.json
 * version 3 (version, status, message, tests: name, status, message, output); unlike
 * Exercism's one file per exercise, one file holds all of a learner's exercises, and an
 * exercise not handed in is an "error" with the message "not handed in.".
 */
export function learnerJson(learner: LearnerResult): string {
  const exercises = Object.fromEntries(learner.exercises.map(e => [e.id, {
    version: 3,
    status: e.status,
    message: e.message,
    tests: e.tests.map(t => ({ name: t.name, status: t.status, message: t.message, output: t.output })),
  }]))
  return `${JSON.stringify({ learner: learner.name, from: learner.from, notes: learner.notes, exercises }, null, 2)}\n`
}

/** A file name for each learner: their name, with what a file system might refuse made "-". */
export function resultFileNames(results: LearnerResult[]): string[] {
  const used = new Set<string>()
  return results.map((learner) => {
    const base = learner.name.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'learner'
    let name = base
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}`
    used.add(name.toLowerCase())
    return `${name}.json`
  })
}

const escape = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
const firstLine = (text: string | null) => (text ?? '').split('\n')[0].trim()

/** The cases most learners failed, with the message most of them got. */
function hardestCases(results: LearnerResult[], count = 10) {
  const byCase = new Map<string, { exercise: string, name: string, failed: number, messages: Map<string, number> }>()
  for (const learner of results) {
    for (const exercise of learner.exercises) {
      // a file that could not be graded says so elsewhere: only verdicts on code count here
      for (const test of exercise.tests.filter(t => t.status !== 'pass' && !t.message?.startsWith('Not run:'))) {
        const key = `${exercise.id}\n${test.name}`
        const entry = byCase.get(key) ?? { exercise: exercise.id, name: test.name, failed: 0, messages: new Map() }
        entry.failed++
        const message = firstLine(test.message)
        entry.messages.set(message, (entry.messages.get(message) ?? 0) + 1)
        byCase.set(key, entry)
      }
    }
  }
  return [...byCase.values()]
    .sort((a, b) => b.failed - a.failed || a.exercise.localeCompare(b.exercise) || a.name.localeCompare(b.name))
    .slice(0, count)
    .map(({ messages, ...rest }) => ({ ...rest, message: [...messages.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '' }))
}

/** The pass rate per exercise as horizontal bars, in SVG (drawn without any script). */
function passRateChart(results: LearnerResult[], exercises: ExerciseOnDisk[]): string {
  const rowHeight = 22
  const barWidth = 360
  const label = 200
  const bars = exercises.map((exercise, i) => {
    const passed = results.filter(l => l.exercises[i]?.status === 'pass').length
    const rate = results.length ? passed / results.length : 0
    const y = i * rowHeight
    return `<g><text x="${label - 8}" y="${y + 15}" text-anchor="end">${escape(exercise.id)}</text>`
      + `<rect x="${label}" y="${y + 4}" width="${barWidth}" height="14" fill="#e5e7eb"/>`
      + `<rect x="${label}" y="${y + 4}" width="${(barWidth * rate).toFixed(1)}" height="14" fill="#15803d"/>`
      + `<text x="${label + barWidth + 8}" y="${y + 15}">${passed} of ${results.length} (${Math.round(rate * 100)}%)</text></g>`
  })
  const height = exercises.length * rowHeight
  return `<svg role="img" aria-label="Pass rate per exercise" viewBox="0 0 ${label + barWidth + 140} ${height}" width="${label + barWidth + 140}" height="${height}" font-size="13">${bars.join('')}</svg>`
}

export function reportHtml(results: LearnerResult[], exercises: ExerciseOnDisk[], skipped: { from: string, why: string }[], title: string): string {
  const hardest = hardestCases(results)
  const learnerRows = results.map((learner) => {
    const cells = learner.exercises.map((e) => {
      const mark = e.status === 'pass' ? '✔' : e.message === 'not handed in.' ? '–' : `${passedCases(e)}/${e.tests.length}`
      return `<td class="${e.status}" title="${escape(e.message ?? 'passes')}">${mark}</td>`
    }).join('')
    const notes = learner.notes.length ? `<div class="note">${learner.notes.map(escape).join('<br>')}</div>` : ''
    return `<tr><th scope="row">${escape(learner.name)}${notes}</th>${cells}<td>${learner.exercises.filter(e => e.status === 'pass').length}/${exercises.length}</td></tr>`
  }).join('\n')
  const hardestRows = hardest.map(c => `<tr><td>${escape(c.exercise)}</td><td>${escape(c.name)}</td><td>${c.failed}</td><td>${escape(c.message)}</td></tr>`).join('\n')
  const skippedList = skipped.length
    ? `<h2>Not graded</h2><ul>${skipped.map(s => `<li><code>${escape(s.from)}</code>: ${escape(s.why)}</li>`).join('')}</ul>`
    : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(title)}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; color: #111827; margin: 2rem; max-width: 78rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d1d5db; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.pass { color: #166534; } td.fail { color: #991b1b; } td.error { color: #92400e; }
.note { font-weight: normal; font-size: 12px; color: #4b5563; }
svg text { fill: #111827; }
</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p>${results.length} learner${results.length === 1 ? '' : 's'}, ${exercises.length} exercises.</p>
<h2>Pass rate per exercise</h2>
${passRateChart(results, exercises)}
<h2>The cases that failed most</h2>
<table><thead><tr><th>exercise</th><th>case</th><th>failed</th><th>most common message</th></tr></thead>
<tbody>
${hardestRows}
</tbody></table>
<h2>Each learner</h2>
<table><thead><tr><th>learner</th>${exercises.map(e => `<th title="${escape(titleOf(e))}">${escape(e.number)}</th>`).join('')}<th>done</th></tr></thead>
<tbody>
${learnerRows}
</tbody></table>
${skippedList}
</body>
</html>
`
}
