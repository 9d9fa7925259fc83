// Each Run of a live block shows its output in a small Vue app of its own (LiveOutput).
// When the next Run replaces that output, the old app is unmounted: after several Runs
// only the outputs on the page hold an app, also on a slide that shows both houses.
import type { Browser, Page } from 'playwright-chromium'
import type { LiveServer } from '../../support/serve'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchBrowser, liveIndex, liveSnippets } from '../../support/live'
import { clickRun, serveDist, setCode, waitForPython } from '../../support/serve'
import { ensureBuilt } from '../../support/site'

const snippets = await liveSnippets()
const RUNS = 3

let browser: Browser
let server: LiveServer
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  await ensureBuilt()
  server = await serveDist({ isolated: true })
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
}, 900_000)

afterAll(async () => {
  await browser?.close().catch(() => {})
  await server?.close()
})

/** Every output element seen so far (the element each app was mounted on): on the page? still an app? */
async function seenOutputs() {
  return page.evaluate(() => ((window as any).seenOutputs as Element[]).map(e => ({ onPage: e.isConnected, app: '__vue_app__' in e })))
}

it.each([
  ['one output', snippets.find(s => !s.bothHouses)!],
  ['both houses', snippets.find(s => s.bothHouses)!],
])('%s: a Run unmounts the app of the output it replaces', async (_, snippet) => {
  await page.goto(`${server.origin}/${snippet.slide}`)
  await waitForPython(page, 120_000)
  await page.evaluate(() => ((window as any).seenOutputs = []))
  const index = liveIndex(snippets, snippet)
  for (let i = 0; i < RUNS; i++) {
    const block = await clickRun(page, snippet.slide, index)
    await block.finished(30_000)
    await block.root.locator('.live-output').evaluateAll(outputs => (window as any).seenOutputs.push(...outputs.map(o => o.parentElement)))
  }
  const perRun = snippet.bothHouses ? 2 : 1
  const seen = await seenOutputs()
  expect(seen).toHaveLength(RUNS * perRun)
  expect(seen.slice(-perRun)).toEqual(Array.from({ length: perRun }, () => ({ onPage: true, app: true })))
  expect(seen.slice(0, -perRun)).toEqual(Array.from({ length: (RUNS - 1) * perRun }, () => ({ onPage: false, app: false })))
}, 180_000)

it('a Run while the block still runs stops the run it replaces, so the new one does not wait for it', async () => {
  const snippet = snippets.find(s => !s.bothHouses)!
  const index = liveIndex(snippets, snippet)
  await page.goto(`${server.origin}/${snippet.slide}`)
  await waitForPython(page, 120_000)
  // 4 s of work each, under the 5 s limit: queued behind the first, the second would end after 8 s
  await setCode(page, snippet.slide, index, 'import time\nstart = time.time()\nwhile time.time() - start < 4: pass\nprint("worked")')
  const first = await clickRun(page, snippet.slide, index)
  await first.output.and(page.locator('[data-phase="running"]')).waitFor({ timeout: 10_000 })
  const started = Date.now()
  const second = await clickRun(page, snippet.slide, index)
  await second.finished(30_000)
  const seconds = (Date.now() - started) / 1000
  // one line per run: Monaco's auto-indent would have put the print inside the loop
  expect((await second.output.innerText()).match(/worked/g)).toEqual(['worked'])
  expect(seconds).toBeLessThan(6.5)
}, 120_000)
