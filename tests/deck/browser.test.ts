// The built deck, opened in Chromium: every slide, the presenter view and the
// overview load without console errors, page errors, failed requests, or any
// request that leaves this machine.

import type { Page } from 'playwright-chromium'
import type { OpenDeck } from '../../support/site'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDeck } from '../../support/deck'
import { openBuiltDeck } from '../../support/site'

const slides = await loadDeck()

let deck: OpenDeck | undefined
let setupError: Error | undefined

/** Problems seen while a page was open. */
function watch(page: Page, origin: string) {
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error')
      problems.push(`console error: ${msg.text()}`)
  })
  page.on('pageerror', error => problems.push(`page error: ${error.message}`))
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed'
    if (new URL(request.url()).origin === origin || !request.url().startsWith('http'))
      problems.push(`request failed: ${request.url()} (${reason})`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  page.on('request', (request) => {
    const url = request.url()
    if (/^(?:data|blob|about):/.test(url))
      return
    if (new URL(url).origin !== origin)
      problems.push(`request outside the local server: ${url}`)
  })
  return problems
}

/** Load a route in a fresh page (full page load) and wait until it settles. */
async function visit(route: string, ready: string) {
  if (setupError)
    throw setupError
  const page = await deck!.context.newPage()
  const problems = watch(page, deck!.server.origin)
  try {
    await page.goto(`${deck!.server.origin}${route}`, { waitUntil: 'load', timeout: 90_000 })
    await page.locator(ready).first().waitFor({ state: 'attached', timeout: 60_000 })
    await settle(page, 30_000)
  }
  finally {
    await page.close()
  }
  return problems
}

/** Let lazy parts (code editors, the Python runtime) finish loading; a busy page is not an error. */
async function settle(page: Page, ms: number) {
  await page.waitForLoadState('networkidle', { timeout: ms }).catch(() => {})
  await page.waitForTimeout(250)
}

// The slides are visited in one page, like a speaker does: the app and its
// runtimes load once (a full load per slide would re-start the Python runtime
// 50 times), then the router goes to `/2`, `/3`, ... as a link or the address
// bar's back/forward would.
let deckPage: Page | undefined
let deckProblems: string[] = []

async function showSlide(no: number) {
  if (setupError)
    throw setupError
  const fresh = !deckPage
  if (!deckPage) {
    deckPage = await deck!.context.newPage()
    deckProblems = watch(deckPage, deck!.server.origin)
    await deckPage.goto(`${deck!.server.origin}/${no}`, { waitUntil: 'load', timeout: 90_000 })
  }
  else {
    await deckPage.evaluate((path) => {
      history.pushState(null, '', path)
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }))
    }, `/${no}`)
  }
  await deckPage.locator(`.slidev-page-${no}`).first().waitFor({ state: 'visible', timeout: 60_000 })
  await settle(deckPage, fresh ? 60_000 : 15_000)
  expect(new URL(deckPage.url()).pathname).toBe(`/${no}`)
  // content taller or wider than the slide is cut off on screen and breaks the PDF pages
  const overflow = await deckPage.evaluate((n) => {
    const slide = document.querySelector(`.slidev-page-${n}`)
    const layout = slide?.querySelector('.slidev-layout') ?? slide
    if (!layout)
      return null
    return { y: layout.scrollHeight - layout.clientHeight, x: layout.scrollWidth - layout.clientWidth }
  }, no)
  const problems = deckProblems.splice(0)
  if (overflow && (overflow.y > 2 || overflow.x > 2))
    problems.push(`content overflows the slide by ${overflow.y > 2 ? `${overflow.y}px in height` : ''}${overflow.y > 2 && overflow.x > 2 ? ' and ' : ''}${overflow.x > 2 ? `${overflow.x}px in width` : ''}`)
  return problems
}

beforeAll(async () => {
  try {
    // requests leaving the machine are recorded by `watch`, and cannot resolve
    deck = await openBuiltDeck()
  }
  catch (error) {
    setupError = error as Error
  }
}, 900_000)

afterAll(async () => {
  await deckPage?.close().catch(() => {})
  await deck?.close()
})

describe('the built deck in Chromium', () => {
  it('finds Chromium, builds and serves the deck', () => {
    if (setupError)
      throw setupError
    expect(deck?.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('has slides to visit', () => {
    expect(slides.length).toBeGreaterThan(0)
  })

  for (const slide of slides) {
    it(`slide ${slide.no} loads cleanly: ${slide.title || '(untitled)'}`, async () => {
      const problems = await showSlide(slide.no)
      expect(problems).toEqual([])
    }, 120_000)
  }

  it(`the last slide /${slides.length} loads cleanly on its own`, async () => {
    const problems = await visit(`/${slides.length}`, `.slidev-page-${slides.length}`)
    expect(problems).toEqual([])
  }, 180_000)

  it('presenter view /presenter/1 loads cleanly', async () => {
    const problems = await visit('/presenter/1', '.slidev-page-1, [data-slidev-no="1"]')
    expect(problems).toEqual([])
  }, 120_000)

  it('overview /overview loads cleanly', async () => {
    const problems = await visit('/overview', `[data-slidev-no="${slides.length}"], .slidev-page-${slides.length}`)
    expect(problems).toEqual([])
  }, 180_000)

  it('requested no missing files from the server', () => {
    expect(deck?.server.missing ?? []).toEqual([])
  })
})
