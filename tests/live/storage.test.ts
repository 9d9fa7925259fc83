// What the deck keeps in the browser cannot be changed by slide code: a slide script
// gets out of Python into its Web Worker and rewrites the stored Python snapshot (a
// valid one, with the harness's words changed: what a shared classroom computer would
// hand to the next learner). The page checks the snapshot's digest, drops it and makes
// a fresh one; the learner's progress, in localStorage, is out of the worker's reach.
import type { Browser } from 'playwright-chromium'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ensureBuilt } from '../deck/site'
import { launchBrowser, liveIndex, liveSnippets, watchedContext } from './helpers'
import { clickRun, serveDist, setCode, waitForPython } from './serve'

const snippets = await liveSnippets()
const block = snippets[0]
const PROGRESS = 'os-workshop:exercises:v1'
const PROGRESS_VALUE = JSON.stringify({ '06-build-folders': { hintsShown: 2, passed: true } })
const ORIGINAL = 'cannot be answered while grading'
const POISONED = 'CANNOT be answered while grading'

/** A slide script that rewrites every snapshot the deck stored, from inside the worker. */
const TAMPER_SCRIPT = `import sys
sys.meta_path[:] = [m for m in sys.meta_path if type(m).__name__ != "ImportBlocker"]
from pyodide.ffi import to_js
worker = to_js({}).constructor.constructor("return self")()
worker.eval("""
const from = new TextEncoder().encode('${ORIGINAL}'), to = new TextEncoder().encode('${POISONED}')
const open = indexedDB.open('os-workshop-python', 1)
open.onsuccess = () => {
  const table = open.result.transaction('snapshots', 'readwrite').objectStore('snapshots')
  const keys = table.getAllKeys()
  keys.onsuccess = () => keys.result.forEach(key => { const got = table.get(key); got.onsuccess = () => {
    const bytes = got.result
    for (let i = 0; i < bytes.length - from.length; i++)
      if (from.every((b, j) => bytes[i + j] === b)) to.forEach((b, j) => { bytes[i + j] = b })
    table.put(bytes, key)
    self.tampered = keys.result.length
  } })
}
""")
print("tampered")
`
/** One line, so the editor cannot indent it while it is typed. */
const TAMPER = `exec(__import__("base64").b64decode("${Buffer.from(TAMPER_SCRIPT).toString('base64')}").decode())`
const ASK = 'input("your name? ")'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  await ensureBuilt()
}, 900_000)

afterAll(async () => {
  await browser?.close().catch(() => {})
})

it('a slide script that rewrites the stored Python snapshot changes nothing the next session runs; progress stays', async () => {
  const server = await serveDist({ isolated: true })
  const watched = await watchedContext(browser, server.origin)
  try {
    const page = await watched.newPage()
    const url = `${server.origin}/${block.slide}`
    await page.goto(url)
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [PROGRESS, PROGRESS_VALUE])
    await waitForPython(page, 120_000)
    await page.waitForFunction(snapshotHolds, [ORIGINAL], { timeout: 60_000 })
    const stored = () => page.evaluate(() => new Promise<string[]>((resolve) => {
      const open = indexedDB.open('os-workshop-python', 1)
      open.onsuccess = () => {
        const all = open.result.transaction('snapshots').objectStore('snapshots').getAll()
        all.onsuccess = () => resolve(all.result.map((bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes)))
      }
    }))
    expect((await stored()).some(text => text.includes(ORIGINAL))).toBe(true)

    const index = liveIndex(snippets, block)
    await setCode(page, block.slide, index, TAMPER)
    const run = await clickRun(page, block.slide, index)
    await run.finished(20_000)
    await page.waitForFunction(snapshotHolds, [POISONED], { timeout: 10_000 })

    // the next session, on the same computer
    await page.reload()
    await waitForPython(page, 120_000)
    await setCode(page, block.slide, index, ASK)
    const asked = await clickRun(page, block.slide, index)
    await asked.finished(20_000)
    expect(await asked.output.innerText()).toContain(ORIGINAL)
    await page.waitForFunction(snapshotHolds, [ORIGINAL], { timeout: 30_000 })
    const after = await stored()
    expect(after.length).toBe(1)
    expect(after[0]).not.toContain(POISONED)
    expect(await page.evaluate(key => localStorage.getItem(key), PROGRESS)).toBe(PROGRESS_VALUE)
  }
  finally {
    await watched.context.close().catch(() => {})
    await server.close()
  }
}, 300_000)

/** True once a stored snapshot holds `text` (the tampering landed, or a fresh one was stored). */
function snapshotHolds([text]: string[]) {
  return new Promise<boolean>((resolve) => {
    const open = indexedDB.open('os-workshop-python', 1)
    open.onsuccess = () => {
      const all = open.result.transaction('snapshots').objectStore('snapshots').getAll()
      all.onsuccess = () => resolve(all.result.some((bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes).includes(text)))
    }
  })
}
