// Text must be readable in light and dark mode, WCAG's contrast: at least 4.5:1, 3:1 for
// large text (24 px, or 18.66 px bold, as rendered at 1280x720). Every slide, every click
// shown, in both modes, measures:
// - each visible HTML text: its colour over its ancestors' backgrounds, opacities included.
//   Code counts: Shiki's spans, Monaco's token spans once the live editors have drawn,
//   CodeMirror's tokens in the exercise slides' editor;
// - each visible SVG <text>, which axe skips: its background is the last filled shape of the
//   same picture (painter's order) whose box holds the text's centre, else the text's
//   HTML background.
// A disabled control's text is left out (WCAG asks nothing of it).
// The same on what shows only after a click: every live block's output once it has run
// (folder pictures with their marks, tracebacks), and an exercise's results after Check.
// And the Run button of a live block: its icon at 3:1 on the button (a control's contrast).
// A failure names slide, mode, text and ratio.

import type { Page } from 'playwright-chromium'
import type { OpenDeck } from '../../support/site'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDeck } from '../../support/deck'
import { runEveryBlock, waitForPython } from '../../support/serve'
import { openBuiltDeck } from '../../support/site'

const deck = await loadDeck()
const liveSlides = deck.filter(s => s.content.includes('{monaco-run}')).map(s => s.no)
const liveSlide = liveSlides[0]
/** an exercise whose starter leaves folders missing: its results draw the folder with the problems marked */
const exerciseSlide = deck.find(s => s.content.includes('<ExerciseSlide id="06-build-folders"'))!.no

/**
 * Every visible text of the slide (HTML and SVG) whose contrast is below what WCAG asks,
 * one line per colour pair: `Monaco "os", "path" 3.27:1 < 4.5 (#b07d48 on #f3f5f7)`.
 */
function lowContrast(page: Page, no: number): Promise<string[]> {
  return page.evaluate((no) => {
    const rgba = (color: string) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color)
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0]
    }
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    const over = (top: number[], under: number[]) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]))
    const hex = (c: number[]) => `#${c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('')}`
    const opacity = (element: Element | null): number => {
      let value = 1
      for (let e = element; e; e = e.parentElement) value *= Number(getComputedStyle(e).opacity)
      return value
    }
    /** the element's ancestors' background colours, one over the other, on white */
    const backgroundOf = (element: Element) => {
      const layers: number[][] = []
      for (let e: Element | null = element; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor))
      let background = [255, 255, 255]
      for (const layer of layers.reverse()) background = over(layer, background)
      return background
    }
    const page = document.querySelector(`.slidev-page-${no}`)!
    const found = new Map<string, { kind: string, texts: string[], ratio: number, needed: number }>()
    const kindOf = (element: Element) => element.closest('.monaco-editor')
      ? 'Monaco'
      : element.closest('.cm-content')
        ? 'CodeMirror'
        : element.closest('pre.shiki') ? 'Shiki' : element.closest('svg') ? 'SVG' : 'HTML'
    const measure = (text: string, element: Element, fill: string, background: number[], fontPx: number) => {
      const style = getComputedStyle(element)
      const color = rgba(fill)
      const ink = over([...color.slice(0, 3), color[3] * opacity(element)], background)
      const [light, dark] = [luminance(ink), luminance(background)].sort((a, b) => b - a)
      const ratio = (light + 0.05) / (dark + 0.05)
      const large = fontPx >= 24 || (fontPx >= 18.66 && Number(style.fontWeight) >= 700)
      const needed = large ? 3 : 4.5
      if (ratio >= needed)
        return
      const key = `${kindOf(element)} ${hex(ink)} on ${hex(background)}`
      const pair = found.get(key) ?? found.set(key, { kind: kindOf(element), texts: [], ratio, needed }).get(key)!
      if (pair.texts.length < 3 && !pair.texts.includes(text))
        pair.texts.push(text.slice(0, 40))
    }

    // HTML text: each text node, in its parent's colour
    const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement!
      const text = node.textContent!.trim()
      // WCAG asks nothing of a disabled control's text
      if (!text || element.closest('svg, script, style, textarea, :disabled, [aria-disabled="true"]'))
        continue
      range.selectNodeContents(node)
      const box = range.getBoundingClientRect()
      const style = getComputedStyle(element)
      if (box.width < 1 || box.height < 1 || style.visibility !== 'visible' || opacity(element) < 0.1)
        continue
      // the size as drawn: the slide's scale (and any zoom) included
      const scale = element instanceof HTMLElement && element.offsetHeight ? element.getBoundingClientRect().height / element.offsetHeight : 1
      measure(text, element, style.color, backgroundOf(element), Number.parseFloat(style.fontSize) * scale)
    }

    // SVG text: on the shapes painted before it
    for (const text of page.querySelectorAll('svg text')) {
      const box = text.getBoundingClientRect()
      if (!box.width || !text.textContent?.trim() || opacity(text) < 0.1)
        continue
      const x = box.left + box.width / 2
      const y = box.top + box.height / 2
      const svg = text.closest('svg')!
      let background = backgroundOf(svg)
      for (const shape of svg.querySelectorAll('rect, path, circle, ellipse, polygon')) {
        // painted before the text, holding its centre, filled, shown
        if (!(shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING))
          continue
        const r = shape.getBoundingClientRect()
        const fill = rgba(getComputedStyle(shape).fill)
        if (x < r.left || x > r.right || y < r.top || y > r.bottom)
          continue
        const alpha = fill[3] * Number(getComputedStyle(shape).fillOpacity) * opacity(shape)
        if (alpha > 0)
          background = over([...fill.slice(0, 3), alpha], background)
      }
      const style = getComputedStyle(text)
      const fill = rgba(style.fill)
      const size = Number.parseFloat(style.fontSize) * (box.height / (text as SVGTextElement).getBBox().height || 1)
      measure(text.textContent.trim(), text, `rgba(${fill.slice(0, 3).join(',')},${fill[3] * Number(style.fillOpacity)})`, background, size)
    }
    return [...found].map(([key, p]) => `${p.kind} ${p.texts.map(t => JSON.stringify(t)).join(', ')} ${Math.floor(p.ratio * 100) / 100}:1 < ${p.needed} (${key.slice(p.kind.length + 1)})`)
  }, no)
}

/** What must have drawn before a slide is measured: the live editors, the exercise editor, the pictures. */
async function ready(page: Page, no: number): Promise<void> {
  const content = deck[no - 1].content
  await page.waitForSelector(`.slidev-page-${no}`, { state: 'visible', timeout: 30_000 })
  if (content.includes('{monaco-run}')) {
    // every live block's editor drawn, and coloured (Monaco paints plain text first)
    await page.waitForFunction((no) => {
      const blocks = [...document.querySelectorAll(`.slidev-page-${no} .live-block`)]
      return blocks.length > 0 && blocks.every(b => [...b.querySelectorAll('.monaco-editor .view-line span span')].some(s => s.className !== 'mtk1'))
    }, no, { timeout: 120_000 })
  }
  if (content.includes('<ExerciseSlide'))
    await page.waitForSelector(`.slidev-page-${no} .cm-content .cm-line span[class]`, { timeout: 60_000 })
  if (/<(?:HouseDiagram|FileTree)\b/.test(content))
    await page.waitForSelector(`.slidev-page-${no} svg text`, { timeout: 30_000 })
  // two frames: the last style changes are drawn
  await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

describe.each(['light', 'dark'] as const)('text contrast in %s mode', (colorScheme) => {
  let built: OpenDeck | undefined
  let page: Page
  beforeAll(async () => {
    built = await openBuiltDeck({ colorScheme })
    page = await built.context.newPage()
    await page.goto(`${built.server.origin}/1`, { waitUntil: 'load', timeout: 90_000 })
    // no transitions: a slide or a step that fades in is measured as it ends
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important }' })
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(colorScheme === 'dark')
  }, 180_000)
  afterAll(() => built?.close())

  it.each(deck.map(s => [s.no, s.title] as const))('slide %i "%s": every text at least 4.5:1 (3:1 when large), every click shown', async (no) => {
    // within the deck (no page load per slide): Monaco and CodeMirror load once
    await page.evaluate(no => (document.querySelector('#app') as any).__vue_app__.config.globalProperties.$router.push(`/${no}?clicks=999`), no)
    await ready(page, no)
    expect(await lowContrast(page, no), `slide ${no}, ${colorScheme} mode`).toEqual([])
  }, 150_000)

  const goTo = (no: number) => page.evaluate(no => (document.querySelector('#app') as any).__vue_app__.config.globalProperties.$router.push(`/${no}?clicks=999`), no)

  it('every live slide once its blocks have run: the output, its folder pictures and marks', async () => {
    await waitForPython(page, 120_000)
    const low: string[] = []
    for (const no of liveSlides) {
      await goTo(no)
      await ready(page, no)
      await runEveryBlock(page, no)
      await ready(page, no)
      low.push(...(await lowContrast(page, no)).map(line => `slide ${no}: ${line}`))
    }
    expect(low, `${colorScheme} mode`).toEqual([])
  }, 600_000)

  it('an exercise\'s results after Check: verdicts, messages and the folder with its problems marked', async () => {
    await waitForPython(page, 120_000)
    await goTo(exerciseSlide)
    await ready(page, exerciseSlide)
    await page.click(`.slidev-page-${exerciseSlide} .ex-check`)
    const picture = page.locator(`.slidev-page-${exerciseSlide} .ex-results .ex-picture .file-tree`).first()
    await picture.waitFor({ timeout: 60_000 })
    expect(await picture.innerText()).toContain('missing')
    await ready(page, exerciseSlide)
    expect(await lowContrast(page, exerciseSlide), `${colorScheme} mode`).toEqual([])
  }, 180_000)

  it('the Run button\'s icon stands out from the button at 3:1 at least (WCAG\'s contrast for a control)', async () => {
    await page.evaluate(no => (document.querySelector('#app') as any).__vue_app__.config.globalProperties.$router.push(`/${no}`), liveSlide)
    const button = `.slidev-page-${liveSlide} .slidev-icon-btn[title='Run code']`
    await page.waitForSelector(button, { timeout: 90_000 })
    const ratio = await page.$eval(button, (element) => {
      const rgba = (color: string) => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color)
        return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0]
      }
      const luminance = ([r, g, b]: number[]) => {
        const channel = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
      }
      const over = (top: number[], under: number[]) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]))
      const layers: number[][] = []
      for (let e: Element | null = element; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor))
      let background = [255, 255, 255]
      for (const layer of layers.reverse()) background = over(layer, background)
      const ink = over(rgba(getComputedStyle(element).color), background)
      const [light, dark] = [luminance(ink), luminance(background)].sort((a, b) => b - a)
      return (light + 0.05) / (dark + 0.05)
    })
    expect(ratio, `the Run button's icon against its background`).toBeGreaterThanOrEqual(3)
  }, 120_000)
})
