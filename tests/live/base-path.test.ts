// The deck as GitHub Pages serves it: built with a base path (/os-workshop/, the
// repository's name) and served under it. Slides, live Python and exercise checks work
// from that path, and nothing is asked for outside it.
import type { Browser } from 'playwright-chromium'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ROOT } from '../../support/deck'
import { exerciseSlides, launchBrowser, liveIndex, liveSnippets, watchedContext } from '../../support/live'
import { clickRun, serveDist, waitForPython } from '../../support/serve'

const BASE = '/os-workshop/'
const snippets = await liveSnippets()
const block = snippets.find(s => s.expected !== undefined && Object.keys(s.tree).length > 0 && !s.bothHouses)!
const exercise = (await exerciseSlides()).find(s => s.id === '06-build-folders')!

let browser: Browser
let dir: string

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'deck-base-')), 'dist')
  const slidev = join(ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
  const build = spawnSync(process.execPath, [slidev, 'build', 'slides.md', '--base', BASE, '--out', dir], { cwd: ROOT, encoding: 'utf8', timeout: 600_000, env: { ...process.env, NO_COLOR: '1' } })
  if (build.status !== 0)
    throw new Error(`slidev build --base ${BASE} failed:\n${build.stdout.slice(-3000)}${build.stderr.slice(-3000)}`)
  browser = await launchBrowser()
}, 900_000)

afterAll(async () => {
  await browser?.close().catch(() => {})
})

it('slides, live Python and exercise checks work under a base path, asking for nothing outside it', async () => {
  const server = await serveDist({ isolated: false, dir, base: BASE })
  const watched = await watchedContext(browser, server.origin)
  try {
    const page = await watched.newPage()
    await page.goto(`${server.origin}${BASE}${block.slide}`)
    await waitForPython(page, 120_000)
    const run = await clickRun(page, block.slide, liveIndex(snippets, block))
    await run.finished(30_000)
    expect(await run.output.getAttribute('data-status')).toBe('done')

    await page.goto(`${server.origin}${BASE}${exercise.slide}`)
    await waitForPython(page, 120_000)
    await page.locator(`[data-slidev-no="${exercise.slide}"] .ex-check`).waitFor()
    const solution = readFileSync(join(ROOT, 'solutions', exercise.id, 'task.py'), 'utf8')
    const statuses = await page.evaluate(([id, code]) => window.__osWorkshop!.check(id, code).then(v => v.cases.map(c => c.status)), [exercise.id, solution])
    expect(statuses.length).toBeGreaterThan(0)
    expect(statuses.every(s => s === 'pass')).toBe(true)
    expect(server.missing).toEqual([])
    expect(watched.outside).toEqual([])
    expect(watched.errors).toEqual([])
  }
  finally {
    await watched.context.close().catch(() => {})
    await server.close()
  }
}, 300_000)
