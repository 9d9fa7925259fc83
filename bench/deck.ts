// Live Python on the built deck, timed in Chromium: how long until Python is
// ready after opening the deck, and how long a click on Run takes to show the
// output, with Python already loaded and with a cold page.
import type { Browser, Page } from 'playwright-chromium'
import type { Row } from './measure'
import { ensureBuilt } from '../tests/deck/site'
import { launchBrowser, liveIndex, liveSnippets } from '../tests/live/helpers'
import { serveDist, waitForPython } from '../tests/live/serve'
import { median } from './measure'

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
  let browser: Browser | undefined
  try {
    browser = await launchBrowser()
    const ready: number[] = []
    const cold: number[] = []
    const warm: number[] = []
    for (let i = 0; i < runs; i++) {
      // a fresh context: nothing cached
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
      const page = await context.newPage()
      const start = Date.now()
      await page.goto(`${server.origin}/${slide}`)
      await waitForPython(page, 120_000)
      ready.push(Date.now() - start)
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
    return [
      { name: 'deck: open a slide → Python ready (fresh browser context)', medianMs: median(ready), runs },
      { name: `deck: Run → output, Python preloaded (slide ${slide})`, medianMs: median(warm), runs, target: '< 300 ms' },
      { name: `deck: Run → output, cold page (slide ${slide}, Python still loading)`, medianMs: median(cold), runs },
    ]
  }
  finally {
    await browser?.close().catch(() => {})
    await server.close()
  }
}
