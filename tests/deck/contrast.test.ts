// Text must be readable in light and dark mode, WCAG's contrast: at least 4.5:1, 3:1 for
// large text (24 px, or 18.66 px bold). Measured here where it went wrong before:
// - SVG text (the house picture), which axe skips: for each visible <text>, the background
//   is the last filled shape of the same picture (painter's order) whose box holds the
//   text's centre, else the slide's own background;
// - the exercise slide's quiet texts (progress, case count, the editor's key line): the
//   text's colour over its ancestors' backgrounds, opacities included.
// A failure names slide, mode and text.

import type { Page } from 'playwright-chromium'
import type { OpenDeck } from './site'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDeck } from './deck'
import { openBuiltDeck } from './site'

const deck = await loadDeck()
const slides = deck.filter(s => /<(?:HouseDiagram|FileTree)\b/.test(s.content))
const exerciseSlide = deck.find(s => s.content.includes('<ExerciseSlide id="06-build-folders"'))!.no
const QUIET_TEXTS = ['.ex-done', '.ex-cases-count', '.ex-keys', '.ex-download']
const liveSlide = deck.find(s => s.content.includes('{monaco-run}'))!.no

interface LowContrast { text: string, ratio: number, needed: number }

/** Every visible SVG text of the current slide whose contrast is below what WCAG asks. */
function lowContrast(page: Page, no: number): Promise<LowContrast[]> {
  return page.evaluate((no) => {
    const rgba = (color: string) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color)
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined
    }
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    const over = (top: number[], under: number[]) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]))
    const opacity = (element: Element | null): number => {
      let value = 1
      for (let e = element; e; e = e.parentElement) value *= Number(getComputedStyle(e).opacity)
      return value
    }
    const page = document.querySelector(`.slidev-page-${no}`)!
    let backdrop = rgba(getComputedStyle(document.body).backgroundColor)!
    for (let e: Element | null = page; e; e = e.parentElement) {
      const color = rgba(getComputedStyle(e).backgroundColor)
      if (color && color[3] > 0) {
        backdrop = color
        break
      }
    }
    const found: { text: string, ratio: number, needed: number }[] = []
    for (const text of page.querySelectorAll('svg text')) {
      const box = text.getBoundingClientRect()
      if (!box.width || !text.textContent?.trim() || opacity(text) < 0.5)
        continue
      const x = box.left + box.width / 2
      const y = box.top + box.height / 2
      const svg = text.closest('svg')!
      let background = backdrop
      for (const shape of svg.querySelectorAll('rect, path, circle, ellipse, polygon')) {
        // painted before the text, holding its centre, filled, shown
        if (!(shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING))
          continue
        const r = shape.getBoundingClientRect()
        const fill = rgba(getComputedStyle(shape).fill)
        if (!fill || x < r.left || x > r.right || y < r.top || y > r.bottom)
          continue
        const alpha = fill[3] * Number(getComputedStyle(shape).fillOpacity) * opacity(shape)
        if (alpha > 0)
          background = [...over([...fill.slice(0, 3), alpha], background), 1]
      }
      const style = getComputedStyle(text)
      const ink = over([...rgba(style.fill)!.slice(0, 3), rgba(style.fill)![3] * Number(style.fillOpacity) * opacity(text)], background)
      const [light, dark] = [luminance(ink), luminance(background)].sort((a, b) => b - a)
      const ratio = (light + 0.05) / (dark + 0.05)
      const size = Number.parseFloat(style.fontSize) * (box.height / (text as SVGTextElement).getBBox().height || 1)
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700)
      const needed = large ? 3 : 4.5
      if (ratio < needed)
        found.push({ text: text.textContent.trim(), ratio: Math.round(ratio * 100) / 100, needed })
    }
    return found
  }, no)
}

/** The contrast of each element's text over its ancestors' backgrounds. */
function htmlContrast(page: Page, selectors: string[]): Promise<{ selector: string, text: string, ratio: number }[]> {
  return page.evaluate((selectors) => {
    const rgba = (color: string) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color)
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0]
    }
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    const over = (top: number[], under: number[]) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]))
    return selectors.map((selector) => {
      const element = document.querySelector(selector)!
      const layers: number[][] = []
      let opacity = 1
      for (let e: Element | null = element; e; e = e.parentElement) {
        const style = getComputedStyle(e)
        opacity *= Number(style.opacity)
        layers.push(rgba(style.backgroundColor))
      }
      let background = [255, 255, 255]
      for (const layer of layers.reverse()) background = over(layer, background)
      const color = rgba(getComputedStyle(element).color)
      const ink = over([...color.slice(0, 3), color[3] * opacity], background)
      const [light, dark] = [luminance(ink), luminance(background)].sort((a, b) => b - a)
      return { selector, text: (element.textContent ?? '').trim(), ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100 }
    })
  }, selectors)
}

describe.each(['light', 'dark'] as const)('the exercise slide\'s quiet texts in %s mode', (colorScheme) => {
  let deck: OpenDeck | undefined
  afterAll(() => deck?.close())

  it('progress, case count, key line and Download read at 4.5:1 at least', async () => {
    deck = await openBuiltDeck({ colorScheme })
    const page = await deck.context.newPage()
    await page.goto(`${deck.server.origin}/${exerciseSlide}`, { waitUntil: 'load', timeout: 90_000 })
    await page.waitForSelector(`[data-slidev-no="${exerciseSlide}"] .ex-keys`, { timeout: 60_000 })
    const measured = await htmlContrast(page, QUIET_TEXTS.map(s => `[data-slidev-no="${exerciseSlide}"] ${s}`))
    expect(measured.map(m => m.text.length > 0)).toEqual(QUIET_TEXTS.map(() => true))
    expect(measured.filter(m => m.ratio < 4.5)).toEqual([])
  }, 120_000)
})

describe.each(['light', 'dark'] as const)('the Run button of live code in %s mode', (colorScheme) => {
  let deck: OpenDeck | undefined
  afterAll(() => deck?.close())

  it('its icon stands out from the button at 3:1 at least (WCAG\'s contrast for a control)', async () => {
    deck = await openBuiltDeck({ colorScheme })
    const page = await deck.context.newPage()
    await page.goto(`${deck.server.origin}/${liveSlide}`, { waitUntil: 'load', timeout: 90_000 })
    const button = `[data-slidev-no="${liveSlide}"] .slidev-icon-btn[title='Run code']`
    await page.waitForSelector(button, { timeout: 90_000 })
    const [measured] = await htmlContrast(page, [button])
    expect(measured.ratio, `the Run button's icon against its background`).toBeGreaterThanOrEqual(3)
  }, 150_000)
})

describe.each(['light', 'dark'] as const)('the house picture\'s SVG text in %s mode', (colorScheme) => {
  let deck: OpenDeck | undefined
  afterAll(() => deck?.close())

  it.each(slides.map(s => [s.no, s.title] as const))('slide %i "%s": every text at least 4.5:1 (3:1 when large), every step shown', async (no) => {
    deck ??= await openBuiltDeck({ colorScheme })
    const page = deck.context.pages()[0] ?? await deck.context.newPage()
    await page.goto(`${deck.server.origin}/${no}?clicks=99`, { waitUntil: 'load', timeout: 90_000 })
    await page.waitForSelector(`.slidev-page-${no} svg text`, { timeout: 30_000 })
    await page.waitForTimeout(700) // the steps fade in
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(colorScheme === 'dark')
    expect(await lowContrast(page, no)).toEqual([])
  }, 120_000)
})
