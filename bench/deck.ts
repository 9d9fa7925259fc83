// Live Python on the built deck, timed in Chromium: how long until Python is
// ready after opening the deck, in turns with a bare page that loads the same Pyodide
// files in a Web Worker and runs print(1) (bench/bare-page/); and how long a click on
// Run takes to show the output, with Python already loaded and with a cold page.
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { Row } from './measure'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { launchBrowser, liveIndex, liveSnippets } from '../support/live'
import { serveDist, waitForPython } from '../support/serve'
import { DIST, ensureBuilt, OFFLINE_ARG } from '../support/site'
import { median, PROJECT } from './measure'

/** Notes, inside the page, when it says Python is ready (`data-python`), from navigation start. */
const READY_CLOCK = `new MutationObserver(() => {
  if (document.documentElement.dataset.python === 'ready' && self.pythonReadyAt === undefined)
    self.pythonReadyAt = performance.now()
}).observe(document, { attributes: true, subtree: true })`

/** Milliseconds from opening `url` in a fresh context until the page's Python is ready. */
async function timeReady(browser: Browser, url: string): Promise<number> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  try {
    await context.addInitScript(READY_CLOCK)
    const page = await context.newPage()
    await page.goto(url)
    await waitForPython(page, 120_000)
    return await page.evaluate('self.pythonReadyAt') as number
  }
  finally {
    await context.close()
  }
}

/** The bare page beside a copy of the built deck's Pyodide files, in a folder of its own. */
function barePage(): { dir: string, remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bare-page-'))
  cpSync(path.join(PROJECT, 'bench', 'bare-page'), dir, { recursive: true })
  cpSync(path.join(DIST, 'pyodide'), path.join(dir, 'pyodide'), { recursive: true })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Clicks Run on a live block and returns the milliseconds until its output is there,
 * measured inside the page. (A string, so the bundler's helpers stay out of the page.)
 */
const TIMED_RUN = `([slide, index]) => new Promise((resolve, reject) => {
  const box = document.querySelectorAll('[data-slidev-no="' + slide + '"] .slidev-monaco-container')[index]
  const button = box && box.querySelector('button[title="Run code"]')
  if (!button)
    return reject(new Error('no Run button on slide ' + slide))
  const runOf = e => Number(e.getAttribute('data-run'))
  const before = Math.max(0, ...[...box.querySelectorAll('.live-output')].map(runOf))
  const start = performance.now()
  const observer = new MutationObserver(() => {
    if ([...box.querySelectorAll('.live-output[data-phase="finished"]')].some(e => runOf(e) > before)) {
      observer.disconnect()
      resolve(performance.now() - start)
    }
  })
  observer.observe(box, { subtree: true, childList: true, attributes: true })
  button.click()
})`

async function timedRun(page: Page, slide: number, index: number): Promise<number> {
  const fn = await page.evaluateHandle(TIMED_RUN)
  try {
    return await fn.evaluate((run: any, args) => run(args), [slide, index]) as number
  }
  finally {
    await fn.dispose()
  }
}

export async function benchDeck(runs: number): Promise<Row[]> {
  await ensureBuilt(() => true)
  const snippets = await liveSnippets()
  // a slide whose block works on files of its tree
  const snippet = snippets.find(s => Object.keys(s.tree).length > 0) ?? snippets[0]
  const slide = snippet.slide
  const index = liveIndex(snippets, snippet)
  const server = await serveDist({ isolated: true })
  const bare = barePage()
  const bareServer = await serveDist({ isolated: true, dir: bare.dir })
  let browser: Browser | undefined
  try {
    browser = await launchBrowser([OFFLINE_ARG])
    // in turns, each in a fresh context (nothing cached), the first of a pair alternating
    const ready: number[] = []
    const baseline: number[] = []
    const ratios: number[] = []
    const urls = { deck: `${server.origin}/${slide}`, bare: `${bareServer.origin}/` }
    for (let i = 0; i < Math.max(runs, 5); i++) {
      const deckFirst = i % 2 === 1
      const first = await timeReady(browser, deckFirst ? urls.deck : urls.bare)
      const second = await timeReady(browser, deckFirst ? urls.bare : urls.deck)
      const [deck, page] = deckFirst ? [first, second] : [second, first]
      ready.push(deck)
      baseline.push(page)
      ratios.push(deck / page)
    }
    const cold: number[] = []
    const warm: number[] = []
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
      const page = await context.newPage()
      await page.goto(`${server.origin}/${slide}`)
      await waitForPython(page, 120_000)
      // Python is ready before the editor is (the page starts it first): wait for the Run button
      await page.locator(`[data-slidev-no="${slide}"] button[title="Run code"]`).nth(index).waitFor({ timeout: 60_000 })
      // the first click also sets up the code runner: warm it once, then time
      await timedRun(page, slide, index)
      warm.push(await timedRun(page, slide, index))
      await context.close()
    }
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
      const page = await context.newPage()
      await page.goto(`${server.origin}/${slide}`)
      await page.locator(`[data-slidev-no="${slide}"] button[title="Run code"]`).nth(index).waitFor({ timeout: 60_000 })
      cold.push(await timedRun(page, slide, index))
      await context.close()
    }
    const p = median(baseline)
    return [
      { name: 'bare page: Pyodide in a Web Worker + `print(1)` (fresh browser context; baseline P)', medianMs: p, runs: baseline.length },
      { name: `deck: open a slide → Python ready (fresh browser context; paired with P: ${median(ratios).toFixed(2)} × P)`, medianMs: median(ready), runs: ready.length, target: '≤ 1.0 × P', limitMs: p },
      { name: `deck: Run → output, Python preloaded (slide ${slide})`, medianMs: median(warm), runs, target: '< 300 ms' },
      { name: `deck: Run → output, cold page (slide ${slide}, the first Run as soon as its button shows)`, medianMs: median(cold), runs },
    ]
  }
  finally {
    await browser?.close().catch(() => {})
    await server.close()
    await bareServer.close()
    bare.remove()
  }
}
