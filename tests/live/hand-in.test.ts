// Hand-in from the browser: "Download my work" on an exercise slide of the built deck
// gives a file that `npm run grade-class` grades to the verdicts the deck itself shows;
// the class build (npm run build:class) holds no solution and no "Show solution" button.
import type { Browser } from 'playwright-chromium'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ROOT } from '../../support/deck'
import { exerciseSlides, launchBrowser } from '../../support/live'
import { serveDist, waitForPython } from '../../support/serve'
import { ensureBuilt } from '../../support/site'

const slides = await exerciseSlides()
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const solution = (id: string) => readFileSync(join(ROOT, 'solutions', id, 'task.py'), 'utf8')
/** The docstring of a solution ("Walk the whole tree (solution)"): no starter, README or hint has it. */
const SOLUTION_MARK = solution('10-walk-tree').split('\n')[0].replace(/"/g, '')
/** Two exercises worked on: one solved, one half right. */
const WORK: Record<string, string> = {
  '06-build-folders': solution('06-build-folders'),
  '07-bulk-rename': solution('07-bulk-rename').replace('skipped.append(name)', 'pass'),
}

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  await ensureBuilt()
}, 900_000)

afterAll(async () => {
  await browser?.close().catch(() => {})
})

function bundleHolds(dir: string, text: string): boolean {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile() && e.name.endsWith('.js'))
  return files.some(e => readFileSync(join(e.parentPath, e.name), 'utf8').includes(text))
}

it('a hand-in downloaded from the deck is graded by grade-class to the verdicts the deck showed', async () => {
  const server = await serveDist({ isolated: true })
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true })
  try {
    const page = await context.newPage()
    const slide = slides.find(s => s.id === '06-build-folders')!.slide
    await page.goto(`${server.origin}/${slide}`)
    const progress = Object.fromEntries(Object.entries(WORK).map(([id, code]) => [id, { code, hintsShown: 0, passed: false }]))
    await page.evaluate(value => localStorage.setItem('os-workshop:exercises:v1', value), JSON.stringify(progress))
    await page.reload()
    await waitForPython(page, 120_000)
    // what the deck shows for each exercise: the Check button's own checking
    const deck: Record<string, string[]> = {}
    for (const [id, code] of Object.entries(WORK))
      deck[id] = await page.evaluate(([i, c]) => window.__osWorkshop!.check(i, c).then(v => v.cases.map(x => x.status)), [id, code])

    page.once('dialog', dialog => void dialog.accept('Zoë, "the tester"'))
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`[data-slidev-no="${slide}"] .ex-download`).click(),
    ])
    expect(download.suggestedFilename()).toBe('os-workshop-Zoë-the-tester.json')
    await page.locator(`[data-slidev-no="${slide}"] .ex-handed-in`).waitFor()
    const folder = mkdtempSync(join(tmpdir(), 'hand-ins-'))
    mkdirSync(join(folder, 'class'))
    await download.saveAs(join(folder, 'class', download.suggestedFilename()))

    const run = spawnSync(TSX, ['grader/class/cli.ts', join(folder, 'class'), '--out', join(folder, 'out')], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 })
    expect(run.status, run.stderr).toBe(0)
    const results = JSON.parse(readFileSync(join(folder, 'out', 'results', 'Zoë-the-tester.json'), 'utf8'))
    expect(results.learner).toBe('Zoë, "the tester"')
    for (const id of Object.keys(WORK))
      expect(results.exercises[id].tests.map((t: { status: string }) => t.status), id).toEqual(deck[id])
    expect(deck['06-build-folders'].every(s => s === 'pass')).toBe(true)
    expect(deck['07-bulk-rename']).toContain('fail')
    expect(results.exercises['01-which-os'].message).toBe('not handed in.')
  }
  finally {
    await context.close()
    await server.close()
  }
}, 600_000)

it('the class build holds no solution and no "Show solution" button; the normal build has both', async () => {
  const dist = join(ROOT, 'dist')
  expect(bundleHolds(dist, SOLUTION_MARK)).toBe(true)
  const build = spawnSync('node', ['scripts/build-class.js'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 })
  expect(build.status, build.stderr).toBe(0)
  const classDist = join(ROOT, 'dist-class')
  expect(existsSync(join(classDist, 'index.html')) && statSync(classDist).isDirectory()).toBe(true)
  expect(bundleHolds(classDist, SOLUTION_MARK)).toBe(false)

  const server = await serveDist({ isolated: true, dir: classDist })
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  try {
    const slide = slides.find(s => s.id === '06-build-folders')!.slide
    await page.goto(`${server.origin}/${slide}`)
    const box = page.locator(`[data-slidev-no="${slide}"] .exercise`)
    await box.locator('.ex-check').waitFor()
    expect(await box.locator('.ex-solution-btn').count()).toBe(0)
    expect(await box.locator('.ex-download').isVisible()).toBe(true)
  }
  finally {
    await page.close()
    await server.close()
  }
}, 900_000)
