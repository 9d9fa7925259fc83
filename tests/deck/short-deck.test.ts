// The 90-minute deck (short.md) as a presenter uses it: `npm run build -- short` builds it,
// every slide at every click fits at 1280x720 (the layout test's rules), and
// `npm run export -- short` writes os-workshop-short.pdf, a page per slide, its outline
// one entry per chapter.

import type { Page } from 'playwright-chromium'
import type { OpenDeck } from '../../support/site'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectPdf, readOutline } from '../../scripts/export.js'
import { loadDeck, ROOT } from '../../support/deck'
import { slideProblems } from '../../support/layout-inspect'
import { buildDeck, openBuiltDeck } from '../../support/site'

const slides = await loadDeck(path.join(ROOT, 'short.md'))
const work = mkdtempSync(path.join(tmpdir(), 'short-deck-'))
const built = path.join(work, 'dist')
let deck: OpenDeck | undefined
let page: Page | undefined

beforeAll(async () => {
  await buildDeck('short.md', built)
  deck = await openBuiltDeck({ reducedMotion: 'reduce' }, built)
  page = await deck.context.newPage()
  await page.goto(`${deck.server.origin}/1`, { waitUntil: 'load', timeout: 90_000 })
  await page.locator('.slidev-page-1').first().waitFor({ state: 'visible', timeout: 60_000 })
}, 900_000)

afterAll(async () => {
  await page?.close().catch(() => {})
  await deck?.close()
  rmSync(work, { recursive: true, force: true })
})

describe('the 90-minute deck', () => {
  it('builds, and every slide fits at every click', async () => {
    const problems: string[] = []
    for (const slide of slides)
      problems.push(...await slideProblems(page!, slide.no, slide.title))
    expect(problems).toEqual([])
    // and it is this deck, not the full one: its last slide is the closing one
    await page!.goto(`${deck!.server.origin}/${slides.length}`)
    await expect.poll(() => page!.locator(`.slidev-page-${slides.length}`).first().innerText()).toContain(slides.at(-1)!.title)
  }, 900_000)

  it('exports with `npm run export -- short`: a page per slide, a chapter per pages/ file', async () => {
    const out = path.join(work, 'pdf')
    const run = spawnSync(process.execPath, ['scripts/export.js', 'short', '--no-clicks', '--out-dir', out], { cwd: ROOT, encoding: 'utf8', timeout: 900_000 })
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-4000)).toBe(0)
    const file = path.join(out, 'os-workshop-short.pdf')
    expect(existsSync(file)).toBe(true)
    const { pages, blank } = await inspectPdf(file)
    expect(pages).toBe(slides.length)
    expect(blank).toEqual([])
    const outline = readOutline(await PDFDocument.load(readFileSync(file)))
    const chapterFiles = slides.filter((s, i) => i === 0 || slides[i - 1].file !== s.file)
    expect(outline.map(entry => entry.page)).toEqual(chapterFiles.map(s => s.no))
  }, 900_000)
})
