// Shared by the live-Python tests and the deck benchmark: the deck's live blocks,
// a browser, and a page that records every request leaving the local server.
import { chromium } from 'playwright-chromium'
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import { findChromium } from '../../scripts/find-chromium.js'
import { loadDeck } from '../deck/deck'
import { BROWSER_ARGS } from '../deck/site'
import { extractSnippets } from '../deck/snippets'
import type { Snippet } from '../deck/snippets'

/** The ```python {monaco-run} blocks of the deck, with their slide's tree and expected output. */
export async function liveSnippets(): Promise<Snippet[]> {
  const slides = await loadDeck()
  const all = extractSnippets(slides)
  return all.filter(s => s.meta.includes('{monaco-run}'))
}

/** Position of a live snippet among the live blocks of its slide (0-based). */
export function liveIndex(snippets: Snippet[], snippet: Snippet): number {
  return snippets.filter(s => s.slide === snippet.slide && s.index < snippet.index).length
}

/** Chromium as the project finds it; throws findChromium's message when there is none. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: BROWSER_ARGS, timeout: 60_000 })
}

export interface WatchedContext {
  context: BrowserContext
  /** requests that tried to leave the origin (they are refused) */
  outside: string[]
  /** console errors and page errors */
  errors: string[]
  newPage: () => Promise<Page>
}

export async function watchedContext(browser: Browser, origin: string): Promise<WatchedContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const outside: string[] = []
  const errors: string[] = []
  await context.route(url => url.origin !== origin && url.protocol.startsWith('http'), (route) => {
    outside.push(route.request().url())
    return route.abort('blockedbyclient')
  })
  return {
    context,
    outside,
    errors,
    newPage: async () => {
      const page = await context.newPage()
      page.on('console', (msg) => {
        if (msg.type() === 'error')
          errors.push(`console error: ${msg.text()}`)
      })
      page.on('pageerror', error => errors.push(`page error: ${error.message}`))
      page.on('request', (request) => {
        const url = request.url()
        if (/^https?:/.test(url) && new URL(url).origin !== origin && !outside.includes(url))
          outside.push(url)
      })
      return page
    },
  }
}
