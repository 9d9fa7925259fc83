// npm run grade-class on a small fixed class: good, wrong, broken, hostile, duplicate-name
// and malformed entries. grades.csv and results/*.json are checked exactly against golden
// files (UPDATE_GOLDEN=1 writes them anew); report.html is opened in Chromium.
import type { Browser } from 'playwright-chromium'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchBrowser } from '../../support/live'

const PROJECT = join(import.meta.dirname, '..', '..')
const FIXTURE = join(import.meta.dirname, 'fixture')
const GOLDEN = join(import.meta.dirname, 'golden')
const update = process.env.UPDATE_GOLDEN === '1'

let folder: string
let out: string
let run: { code: number | null, stdout: string, stderr: string }
let browser: Browser

function gradeClass() {
  const result = spawnSync(join(PROJECT, 'node_modules', '.bin', 'tsx'), ['grader/class/cli.ts', folder, '--out', out], { cwd: PROJECT, encoding: 'utf8', timeout: 600_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'class-'))
  folder = join(root, 'class')
  out = join(root, 'grades')
  cpSync(FIXTURE, folder, { recursive: true })
  // too big to keep in git: 50 MB of Python, and a task.py that is a link to a file of the machine's
  mkdirSync(join(folder, 'Chloé', '10-walk-tree'))
  writeFileSync(join(folder, 'Chloé', '10-walk-tree', 'task.py'), '#'.repeat(50 * 1024 * 1024))
  mkdirSync(join(folder, 'Dmitri', '12-file-facts'))
  symlinkSync('/etc/passwd', join(folder, 'Dmitri', '12-file-facts', 'task.py'))
  run = gradeClass()
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
})

it('finishes, says where the results are, and what happened to whom', () => {
  expect(run.stderr).not.toMatch(/Error|at .*\.ts/)
  expect(run.code, run.stderr).toBe(0)
  expect(run.stdout).toContain(`Results in ${out}: grades.csv, report.html, results/`)
  expect(run.stdout).toMatch(/not graded: broken\.json: not a hand-in this grader can trust: it is not valid JSON text/)
  expect(run.stdout).toMatch(/not graded: mallory\.json: not a hand-in this grader can trust: "made" must be text/)
  expect(run.stdout).toMatch(/not graded: notes\.txt: neither a learner's folder nor a hand-in file/)
  expect(run.stdout).toMatch(/Chloé, 07-bulk-rename: task\.py is not UTF-8 text/)
  expect(run.stdout).toMatch(/Chloé, 08-tidy-by-extension: task\.py is not text/)
  expect(run.stdout).toMatch(/Chloé, 10-walk-tree: task\.py: it is 50\.0 MB; the limit is 256 KB/)
  expect(run.stdout).toMatch(/Dmitri, 12-file-facts: task\.py: it is a link, so it was not read/)
  expect(run.stdout).toContain('Ana Lima (2): another entry is also called "Ana Lima"')
})

it('grades.csv and every learner\'s results.json are the golden ones, exactly', () => {
  const files = ['grades.csv', ...readdirSync(join(out, 'results')).sort().map(name => join('results', name))]
  if (update) {
    for (const file of files)
      cpSync(join(out, file), join(GOLDEN, file))
  }
  expect(files.slice(1)).toEqual(readdirSync(join(GOLDEN, 'results')).sort().map(name => join('results', name)))
  for (const file of files)
    expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(GOLDEN, file), 'utf8'))
})

it('the CSV opens cleanly in a spreadsheet: UTF-8 mark, quoted names, no formulas', () => {
  const csv = readFileSync(join(out, 'grades.csv'), 'utf8')
  expect(csv.startsWith('\uFEFFlearner,01-which-os,')).toBe(true)
  const rows = csv.slice(1).trimEnd().split('\r\n')
  expect(rows[0].split(',').at(-1)).toBe('cases passed')
  expect(rows).toContain(rows.find(r => r.startsWith('"Bob, ""the builder""",')))
  expect(rows.some(r => r.startsWith('Chloé,'))).toBe(true)
  expect(rows.some(r => r.startsWith('"\'=HYPERLINK(""http://example.invalid"")",'))).toBe(true)
  const ana = rows.find(r => r.startsWith('Ana Lima,'))!.split(',')
  expect(ana[1]).toBe('5/5') // her own spec.json was ignored: the instructor's five cases count
  expect(ana[rows[0].split(',').indexOf('06-build-folders')]).toBe('8/8')
})

it('the learner\'s hostile code changed nothing but their own results', () => {
  const dmitri = JSON.parse(readFileSync(join(out, 'results', 'Dmitri.json'), 'utf8'))
  const starter05 = JSON.parse(readFileSync(join(out, 'results', 'Eve.json'), 'utf8'))
  expect(dmitri.exercises['07-bulk-rename'].status).toBe('fail') // its own starter, untouched by his 04
  expect(dmitri.exercises['12-file-facts'].tests.every((t: { message: string }) => !t.message.includes('root:'))).toBe(true)
  expect(starter05.exercises['01-which-os'].status).toBe('pass') // a hand-in's "passed" claims are not what counts
  expect(starter05.exercises['06-build-folders'].status).not.toBe('pass')
})

it('report.html draws its chart in Chromium with no error and no request', async () => {
  const page = await browser.newPage()
  const errors: string[] = []
  const requests: string[] = []
  page.on('console', m => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', e => errors.push(e.message))
  page.on('request', r => requests.push(r.url()))
  await page.goto(pathToFileURL(join(out, 'report.html')).href)
  const course = readdirSync(join(PROJECT, 'exercises'), { withFileTypes: true }).filter(e => e.isDirectory()).length
  expect(await page.locator('svg[aria-label="Pass rate per exercise"] rect').count()).toBe(2 * course) // a bar and its track per exercise
  expect(await page.getByText('The cases that failed most').isVisible()).toBe(true)
  expect(await page.locator('tbody tr').count()).toBeGreaterThan(6)
  expect(errors).toEqual([])
  expect(requests.filter(url => !url.startsWith('file:'))).toEqual([])
  await page.close()
})

it('a second run keeps the results of learners whose files did not change', () => {
  writeFileSync(join(folder, 'Chloé', '06-build-folders', 'task.py'), readFileSync(join(PROJECT, 'solutions', '06-build-folders', 'task.py')))
  const again = gradeClass()
  expect(again.code).toBe(0)
  expect(again.stdout).toMatch(/^Graded 1 learner \(6 unchanged since the last run kept their results\)\./m)
  expect(existsSync(join(out, 'report.html'))).toBe(true)
}, 600_000)
