// Live blocks that fit the slide, in Chromium: the editor is as tall as its code and
// grows with it (its first line stays in view); a traceback takes the block's whole
// width and keeps Python's lines and indentation; a slide still fits once its blocks have
// run. And each exercise slide's editor shows its whole function, the `def` to the last
// line, without scrolling.
import type { Browser, Page } from 'playwright-chromium'
import type { LiveServer } from '../../support/serve'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exerciseSlides, launchBrowser, liveIndex, liveSnippets } from '../../support/live'
import { clickRun, liveBlock, runEveryBlock, serveDist, setCode, waitForPython } from '../../support/serve'
import { ensureBuilt } from '../../support/site'

const snippets = await liveSnippets()
const lineCount = (code: string) => code.trimEnd().split('\n').length
/** The shortest live block of the deck. */
const shortest = snippets.filter(s => !s.bothHouses).sort((a, b) => lineCount(a.code) - lineCount(b.code))[0]
/** A block whose comments sit far to the right: its traceback line is long. */
const getenv = snippets.find(s => s.code.includes('os.getenv("WORKSHOP_COLOR", "blue"))'))!
const exercises = await exerciseSlides()
/** The slides with live blocks. */
const liveSlides = [...new Set(snippets.map(s => s.slide))]
const RAISING = 'print(os.environ["WORKSHOP_MISSING"])          # [] on a missing name'

let browser: Browser | undefined
let server: LiveServer | undefined
let page: Page | undefined

beforeAll(async () => {
  await ensureBuilt()
  browser = await launchBrowser()
  server = await serveDist({ isolated: true })
  page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()
}, 900_000)

afterAll(async () => {
  await browser?.close().catch(() => {})
  await server?.close()
})

/** Slide `no`, reached by the router (the page and its Python stay). */
async function goTo(p: Page, no: number) {
  await p.evaluate((path) => {
    history.pushState(null, '', path)
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }))
  }, `/${no}`)
  await p.locator(`.slidev-page-${no}`).first().waitFor({ state: 'visible', timeout: 60_000 })
}

/** The editor's height and line height (layout px), and whether its first line is at its top. */
async function editorShape(p: Page, slide: number, index: number, firstLine: string) {
  const editor = liveBlock(p, slide, index).root.locator('.monaco-editor')
  await editor.waitFor({ timeout: 60_000 })
  await p.waitForTimeout(300) // Monaco lays out after a frame
  return editor.evaluate((e, first) => {
    const lineHeight = Number.parseFloat((e.querySelector('.view-line') as HTMLElement).style.height)
    const top = e.getBoundingClientRect().top
    const lines = [...e.querySelectorAll('.view-line')].map(l => ({ text: (l.textContent ?? '').replace(/\u00A0/g, ' '), top: l.getBoundingClientRect().top }))
    const shown = lines.sort((a, b) => a.top - b.top).find(l => l.top >= top)
    return { height: (e as HTMLElement).offsetHeight, lineHeight, firstShown: shown?.text.trim() ?? '', firstLineShown: shown?.text.trim() === first }
  }, firstLine)
}

describe('live blocks that fit', () => {
  it('the editor is as tall as its code, and grows with it without scrolling its first line away', async () => {
    const p = page!
    await p.goto(`${server!.origin}/${shortest.slide}`)
    const index = liveIndex(snippets, shortest)
    const lines = lineCount(shortest.code)
    const first = shortest.code.split('\n')[0].trim()
    const before = await editorShape(p, shortest.slide, index, first)
    // its lines, Monaco's padding (10 px above and below) and a little slack
    expect(before.height, `${lines} lines of ${before.lineHeight}px`).toBeLessThanOrEqual((lines + 1) * before.lineHeight + 20)
    expect(before.height).toBeGreaterThanOrEqual(lines * before.lineHeight)
    // three lines typed at the end, as a learner does
    await liveBlock(p, shortest.slide, index).root.locator('.monaco-editor .view-lines').click()
    await p.keyboard.press('ControlOrMeta+End')
    for (const n of [1, 2, 3]) {
      await p.keyboard.press('Enter')
      await p.keyboard.insertText(`print(${n})`)
    }
    const after = await editorShape(p, shortest.slide, index, first)
    expect(after.height - before.height).toBeCloseTo(3 * before.lineHeight, -1)
    expect(after.firstLineShown, `the first line in view is "${after.firstShown}"`).toBe(true)
  }, 180_000)

  it('a traceback takes the block\'s width and keeps Python\'s indentation, a line per line', async () => {
    const p = page!
    await p.goto(`${server!.origin}/${getenv.slide}`)
    await waitForPython(p, 120_000)
    const index = liveIndex(snippets, getenv)
    await setCode(p, getenv.slide, index, `${getenv.code.trimEnd()}\n${RAISING}`)
    const block = await clickRun(p, getenv.slide, index)
    await block.finished(20_000)
    const shape = await block.output.evaluate((out) => {
      const pre = out.querySelector('.lo-traceback') as HTMLElement
      return {
        text: pre.textContent ?? '',
        width: pre.offsetWidth,
        outputWidth: (out as HTMLElement).offsetWidth,
        rows: Math.round(pre.offsetHeight / Number.parseFloat(getComputedStyle(pre).lineHeight)),
      }
    })
    const lines = shape.text.split('\n')
    expect(lines[0]).toBe('Traceback (most recent call last):')
    expect(lines.some(l => /^ {2}File "[^"]+", line \d+, in <module>$/.test(l)), shape.text).toBe(true)
    expect(lines, shape.text).toContain(`    ${RAISING}`)
    expect(lines.at(-1)).toBe('KeyError: \'WORKSHOP_MISSING\'')
    expect(shape.width / shape.outputWidth).toBeGreaterThan(0.95)
    expect(shape.rows, `${lines.length} lines drawn on ${shape.rows} rows:\n${shape.text}`).toBe(lines.length)
  }, 180_000)

  it('every live slide still fits once its blocks have run: output, folder and every click on the slide', async () => {
    const p = page!
    await p.goto(`${server!.origin}/${liveSlides[0]}`)
    await waitForPython(p, 120_000)
    const over: string[] = []
    for (const no of liveSlides) {
      await goTo(p, no)
      await runEveryBlock(p, no)
      // the lowest text of the slide, clicks not yet shown included (they take their room already)
      const below = await p.locator(`.slidev-page-${no}`).first().evaluate((slide) => {
        let bottom = 0
        const texts = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
        for (let t = texts.nextNode(); t; t = texts.nextNode()) {
          const range = document.createRange()
          range.selectNodeContents(t)
          for (const r of t.textContent!.trim() ? range.getClientRects() : [])
            bottom = Math.max(bottom, r.bottom)
        }
        return Math.round(bottom - slide.getBoundingClientRect().bottom)
      })
      if (below > 1)
        over.push(`slide ${no}: text ${below}px below the slide after Run`)
    }
    expect(over).toEqual([])
  }, 300_000)

  it('each exercise editor shows its function whole, from the def to its last line', async () => {
    const p = page!
    const cut: string[] = []
    await p.goto(`${server!.origin}/${exercises[0].slide}`)
    for (const ex of exercises) {
      await goTo(p, ex.slide)
      const box = p.locator(`[data-slidev-no="${ex.slide}"] .ex-editor`)
      await box.locator('.cm-line').first().waitFor({ timeout: 60_000 })
      // the editor sizes itself and scrolls to the function once its fonts and layout settle:
      // wait for that (up to 10 s on a busy machine), then judge what is in view
      const look = () => box.evaluate((e) => {
        // the function: its def line to its last indented line
        const text: string[] = (e as unknown as { __editor: { text: string } }).__editor.text.split('\n')
        const def = text.findIndex(l => l.startsWith('def '))
        let end = def
        for (let i = def + 1; i < text.length && (!text[i].trim() || /^\s/.test(text[i])); i++) {
          if (text[i].trim())
            end = i
        }
        const frame = e.querySelector('.cm-scroller')!.getBoundingClientRect()
        const inView = (line: string) => [...e.querySelectorAll('.cm-line')].some((l) => {
          const r = l.getBoundingClientRect()
          return l.textContent === line && r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1
        })
        return { def: inView(text[def]), last: inView(text[end]), lastText: text[end].trim() }
      })
      let shown = await look()
      for (const started = Date.now(); (!shown.def || !shown.last) && Date.now() - started < 10_000; shown = await look())
        await p.waitForTimeout(200)
      if (!shown.def || !shown.last)
        cut.push(`slide ${ex.slide} (${ex.id}): ${shown.def ? '' : 'the def line is out of view; '}${shown.last ? '' : `"${shown.lastText}" is out of view`}`)
    }
    expect(cut).toEqual([])
  }, 300_000)
})
