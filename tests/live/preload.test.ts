// The first minute: the built deck starts loading Python before its slide app has loaded.
// With the app's own script held back, a page on a slide without live blocks already
// fetches Pyodide; once the app runs, it takes that worker over (one worker, one load).
import type { Browser } from 'playwright-chromium'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchBrowser, liveSnippets, watchedContext } from '../../support/live'
import { serveDist, waitForPython } from '../../support/serve'
import { DIST, ensureBuilt } from '../../support/site'

const live = new Set((await liveSnippets()).map(s => s.slide))
/** The first slide without a live block: nothing on it asks for Python. */
const slide = Array.from({ length: Math.max(...live) + 1 }, (_, i) => i + 1).find(n => !live.has(n))!

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  await ensureBuilt()
}, 900_000)

afterAll(async () => {
  await browser?.close().catch(() => {})
})

it('fetches Pyodide before the slide app has loaded, and the app takes that worker over', async () => {
  const entry = /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(readFileSync(path.join(DIST, 'index.html'), 'utf8'))?.[1]
  expect(entry, 'no module script in dist/index.html').toBeDefined()
  const server = await serveDist({ isolated: true })
  const watched = await watchedContext(browser, server.origin)
  let release = () => {}
  const held = new Promise<void>(resolve => (release = resolve))
  try {
    const asked: string[] = []
    watched.context.on('request', request => void asked.push(new URL(request.url()).pathname))
    await watched.context.route(url => url.pathname === entry, async (route) => {
      await held
      await route.continue()
    })
    const wasm = new Promise<boolean>((resolve) => {
      const timer = setTimeout(resolve, 30_000, false)
      watched.context.on('request', (request) => {
        if (request.url().endsWith('/pyodide.asm.wasm')) {
          clearTimeout(timer)
          resolve(true)
        }
      })
    })
    const page = await watched.newPage()
    await page.goto(`${server.origin}/${slide}`, { waitUntil: 'commit' })
    expect(await wasm, `Pyodide was not fetched while the slide app was held back (asked for: ${asked.join(', ')})`).toBe(true)
    // the slide app has not run: it mounts the slides and marks Python's status
    expect(await page.evaluate(() => [document.getElementById('app')?.childElementCount, document.documentElement.dataset.python ?? null])).toEqual([0, null])

    release()
    await waitForPython(page, 120_000)
    expect(asked.filter(p => /\/python-worker-[\w-]+\.js$/.test(p)), 'Python workers started').toHaveLength(1)
    expect(asked.filter(p => p.endsWith('/pyodide.asm.wasm')), 'Pyodide loads').toHaveLength(1)
    expect(watched.errors).toEqual([])
  }
  finally {
    release()
    await watched.context.close().catch(() => {})
    await server.close()
  }
}, 300_000)
