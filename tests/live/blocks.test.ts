// Every live Python block of the deck, run in the browser the way printing runs
// them (all at once on the print page): each gets its slide's folder, and what it
// prints matches the ```text block the slide shows.
import type { Browser } from 'playwright-chromium'
import type { WatchedContext } from '../../support/live'
import type { LiveServer } from '../../support/serve'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, liveIndex, liveSnippets, watchedContext } from '../../support/live'
import { serveDist, waitForPython } from '../../support/serve'
import { ensureBuilt } from '../../support/site'
import { outputMatches } from '../../support/snippets'

const snippets = await liveSnippets()

let browser: Browser | undefined
let server: LiveServer | undefined
let watched: WatchedContext | undefined
let setupError: Error | undefined
/** slide -> block -> what the block showed */
const shown = new Map<string, { status: string | null, text: string, traceback: string, windows: string | null }>()

beforeAll(async () => {
  try {
    browser = await launchBrowser()
    await ensureBuilt()
    server = await serveDist({ isolated: true })
    watched = await watchedContext(browser, server.origin)
    const page = await watched.newPage()
    await page.goto(`${server.origin}/1?print=true`)
    await waitForPython(page, 120_000)
    // a slide that shows both houses has two outputs per block
    const outputs = snippets.length + snippets.filter(s => s.bothHouses).length
    await page.waitForFunction(count => document.querySelectorAll('.live-output[data-phase="finished"]').length >= count, outputs, { timeout: 120_000 })
    // the built deck has no separate print route: with ?print the slideshow mounts every slide
    const rows = await page.locator('[data-slidev-no]').evaluateAll(slides => slides.flatMap((slide) => {
      const no = Number(slide.getAttribute('data-slidev-no'))
      return [...slide.querySelectorAll('.slidev-monaco-container')].map((box, block) => {
        const out = box.querySelector('.live-output')
        return {
          key: `${no}/${block}`,
          status: out?.getAttribute('data-status') ?? null,
          text: (out?.querySelector('.lo-text') as HTMLElement | null)?.innerText ?? '',
          traceback: (out?.querySelector('.lo-traceback') as HTMLElement | null)?.innerText ?? '',
          // a slide that shows both houses: the second output, as on Windows
          windows: (box.querySelector('.live-output[data-profile="windows"] .lo-text') as HTMLElement | null)?.innerText ?? null,
        }
      })
    }))
    for (const row of rows) shown.set(row.key, row)
  }
  catch (error) {
    setupError = error as Error
  }
}, 900_000)

afterAll(async () => {
  await watched?.context.close().catch(() => {})
  await browser?.close().catch(() => {})
  await server?.close()
})

describe('every live block runs in the browser', () => {
  it('the deck has live blocks', () => {
    expect(snippets.length).toBeGreaterThan(10)
  })

  for (const snippet of snippets) {
    it(`slide ${snippet.slide}: ${snippet.name}`, () => {
      if (setupError)
        throw setupError
      const got = shown.get(`${snippet.slide}/${liveIndex(snippets, snippet)}`)
      expect(got, 'no output on the print page').toBeDefined()
      expect(got!.status).toBe('done')
      const last = got!.traceback.trim().split('\n').pop() ?? ''
      if (snippet.raises)
        expect(last.startsWith(snippet.raises), `should raise ${snippet.raises}, traceback:\n${got!.traceback}`).toBe(true)
      else
        expect(got!.traceback, 'raised').toBe('')
      if (snippet.expected !== undefined)
        expect(outputMatches(got!.text, snippet.expected), `printed:\n${got!.text}\n--- the slide shows:\n${snippet.expected}`).toBe(true)
    })
  }

  it('nothing was asked for outside the local server', () => {
    if (setupError)
      throw setupError
    expect(watched!.outside).toEqual([])
    expect(server!.missing).toEqual([])
  })
})

describe('a slide that shows both houses', () => {
  const both = snippets.filter(s => s.bothHouses)
  it('the deck has one', () => {
    expect(both.length).toBeGreaterThan(0)
  })

  it.each(both.map(s => [s.name, s] as const))('%s: the Linux output is the slide\'s, the Windows one answers as Windows', (_, snippet) => {
    if (setupError)
      throw setupError
    const row = shown.get(`${snippet.slide}/${liveIndex(snippets, snippet)}`)!
    expect(outputMatches(row.text, snippet.expected!)).toBe(true)
    expect(row.windows?.trim()).toBe('reports\\june.txt\nTrue\nrefused: 183')
  })
})
