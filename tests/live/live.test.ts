// Live Python on the built deck, in Chromium: a code slide runs and shows its
// output and the folder after the run; a runaway loop is stopped within 2 s and
// the next run works; nothing is fetched from outside the local server.
// Both with the cross-origin isolation headers (interrupt through a
// SharedArrayBuffer) and without them (the worker is replaced).
import type { Browser, Page } from 'playwright-chromium'
import type { WatchedContext } from '../../support/live'
import type { LiveServer } from '../../support/serve'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, liveIndex, liveSnippets, watchedContext } from '../../support/live'
import { clickRun, serveDist, setCode, waitForPython } from '../../support/serve'
import { ensureBuilt } from '../../support/site'
import { outputMatches } from '../../support/snippets'

const snippets = await liveSnippets()
/** A slide whose script changes its folder: renames or moves files of the slide's tree. */
// a block with one output (not a slide that shows both houses side by side)
const moving = snippets.find(s => Object.keys(s.tree).length > 0 && s.expected !== undefined && /os\.(?:rename|replace)\(/.test(s.code) && !s.bothHouses)!

const LOOP = 'while True: pass'
/** A loop that swallows KeyboardInterrupt: only replacing the worker ends it. */
const STUBBORN = 'exec("while True:\\n    try:\\n        while True: pass\\n    except BaseException:\\n        pass")'

let browser: Browser | undefined
let setupError: Error | undefined

beforeAll(async () => {
  try {
    browser = await launchBrowser()
    await ensureBuilt()
  }
  catch (error) {
    setupError = error as Error
  }
}, 900_000)

afterAll(async () => {
  await browser?.close().catch(() => {})
})

describe.each([
  { isolated: true, label: 'cross-origin isolated (interrupt)' },
  { isolated: false, label: 'not isolated (worker replaced)' },
])('live Python, $label', ({ isolated }) => {
  let server: LiveServer | undefined
  let watched: WatchedContext | undefined
  let page: Page | undefined

  beforeAll(async () => {
    if (setupError)
      return
    server = await serveDist({ isolated })
    watched = await watchedContext(browser!, server.origin)
    page = await watched.newPage()
  }, 120_000)

  afterAll(async () => {
    await watched?.context.close().catch(() => {})
    await server?.close()
  })

  function ready() {
    if (setupError)
      throw setupError
    return page!
  }

  it('finds a live block that moves files', () => {
    expect(moving, 'no live block with a tree that calls os.rename/os.replace').toBeDefined()
  })

  it('runs a code slide: its output and the folder after the run', async () => {
    const page = ready()
    await page.goto(`${server!.origin}/${moving.slide}`)
    await waitForPython(page, 120_000)
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(isolated)
    const index = liveIndex(snippets, moving)
    // before a run: the promised output (the slide's ```text block) and no empty runner panel
    const wrapper = page.locator(`[data-slidev-no="${moving.slide}"] .live-block`).nth(index)
    const promised = wrapper.locator('.live-expected')
    await wrapper.locator('.monaco-editor').waitFor({ timeout: 60_000 })
    expect(await promised.isVisible()).toBe(true)
    expect(await wrapper.getByText('Click the play button').isVisible()).toBe(false)
    // while Slidev's Run button is not there yet, the block says why; once it is, it says nothing
    const notice = await wrapper.evaluate((box) => {
      const said = () => getComputedStyle(box.querySelector('.live-static')!, '::after').content
      const run = box.querySelector('button[title="Run code"]')!
      const withRun = said()
      run.setAttribute('title', 'hidden for the test')
      const withoutRun = said()
      run.setAttribute('title', 'Run code')
      return { withRun, withoutRun }
    })
    expect(notice).toEqual({ withRun: 'none', withoutRun: '"Run: loading…"' })
    // the editor's code is as large as the static code, without ligatures
    const sizes = await wrapper.evaluate((box) => {
      const px = (e: Element | null) => e ? Number.parseFloat(getComputedStyle(e).fontSize) : 0
      const code = box.querySelector('.monaco-editor .view-line span span')
      return { monaco: px(code), code: px(document.querySelector('.slidev-code')), ligatures: code ? getComputedStyle(code).fontVariantLigatures : '' }
    })
    expect(sizes.monaco).toBeGreaterThanOrEqual(sizes.code || 15)
    expect(sizes.ligatures).toBe('none')
    const block = await clickRun(page, moving.slide, index)
    await block.finished(20_000)
    expect(await block.output.getAttribute('data-status')).toBe('done')
    const text = await block.output.locator('.lo-text').innerText()
    expect(outputMatches(text, moving.expected!), `printed:\n${text}\nslide shows:\n${moving.expected}`).toBe(true)
    // the output is shown once: the real one replaces the promised one
    expect(await promised.isVisible()).toBe(false)
    // the folder picture is readable from the back of the room (>= 14 px at 1280x720)
    const treeFont = await block.output.locator('.file-tree .ft-name').first().evaluate((e) => {
      const scale = e.getBoundingClientRect().height / ((e as HTMLElement).offsetHeight || 1)
      return Number.parseFloat(getComputedStyle(e).fontSize) * scale
    })
    expect(treeFont).toBeGreaterThanOrEqual(14)
    // the picture of the folder marks what the run did
    const marked = await block.output.locator('.file-tree [data-mark]').evaluateAll(rows =>
      rows.map(r => `${r.getAttribute('data-mark')}:${r.getAttribute('data-path')}`))
    expect(marked.some(m => m.startsWith('renamed:') || m.startsWith('created:')), marked.join(', ')).toBe(true)
  }, 180_000)

  for (const [name, code] of [['an infinite loop', LOOP], ['a loop that catches KeyboardInterrupt', STUBBORN]] as const) {
    it(`Stop ends ${name} within 2 s, and the next run works`, async () => {
      const page = ready()
      const slide = moving.slide
      const index = liveIndex(snippets, moving)
      await setCode(page, slide, index, code)
      const block = await clickRun(page, slide, index)
      await block.stop.waitFor({ timeout: 10_000 })
      await page.waitForTimeout(300)
      const clicked = Date.now()
      await block.stop.click()
      await block.finished(2_000)
      const took = Date.now() - clicked
      expect(took).toBeLessThan(2_000)
      expect(await block.output.getAttribute('data-status')).toBe('stopped')
      // the page still answers
      expect(await page.evaluate(() => 1 + 1)).toBe(2)
      // the next run works (after a restart it waits for the fresh worker)
      await setCode(page, slide, index, 'import os\nprint("again", sorted(os.listdir()))')
      const next = await clickRun(page, slide, index)
      await next.finished(120_000)
      expect(await next.output.getAttribute('data-status'), await next.output.innerText()).toBe('done')
      expect(await next.output.locator('.lo-text').innerText()).toContain('again [')
    }, 180_000)
  }

  it('ends a runaway script by itself after the time limit (5 s)', async () => {
    const page = ready()
    const slide = moving.slide
    const index = liveIndex(snippets, moving)
    await waitForPython(page, 120_000)
    await setCode(page, slide, index, LOOP)
    const started = Date.now()
    const block = await clickRun(page, slide, index)
    await block.finished(10_000)
    expect(Date.now() - started).toBeLessThan(7_500)
    expect(await block.output.innerText()).toContain('time limit')
  }, 180_000)

  it('the Windows switch above an output runs the block again as on Windows', async () => {
    const page = ready()
    const asking = snippets.find(s => s.code.includes('os.linesep =') && !s.bothHouses)!
    await page.goto(`${server!.origin}/${asking.slide}`)
    await waitForPython(page, 120_000)
    const block = await clickRun(page, asking.slide, liveIndex(snippets, asking))
    await block.finished(20_000)
    expect(await block.output.getAttribute('data-profile')).toBe('linux')
    expect(await block.output.locator('.lo-text').innerText()).toContain('\'posix\'')
    await block.output.getByRole('button', { name: 'Windows' }).click()
    await page.waitForFunction(sel => document.querySelector(sel)?.getAttribute('data-profile') === 'windows'
      && document.querySelector(sel)?.getAttribute('data-phase') === 'finished', `[data-slidev-no="${asking.slide}"] .live-output`, { timeout: 20_000 })
    const text = await page.locator(`[data-slidev-no="${asking.slide}"] .live-output .lo-text`).innerText()
    expect(text).toContain('os.name    = \'nt\'')
    expect(text).toContain('os.linesep = \'\\r\\n\'')
    // the choice is kept for the next block and the next visit; put it back for the tests after this one
    expect(await page.evaluate(() => localStorage.getItem('os-workshop:live-house:v1'))).toBe('windows')
    await page.locator(`[data-slidev-no="${asking.slide}"] .live-output`).getByRole('button', { name: 'Linux/macOS' }).click()
    expect(await page.evaluate(() => localStorage.getItem('os-workshop:live-house:v1'))).toBe('linux')
  }, 180_000)

  it('asked for nothing outside the local server, without errors', () => {
    ready()
    expect(watched!.outside).toEqual([])
    expect(server!.missing).toEqual([])
    expect(watched!.errors).toEqual([])
  })
})
