// What the deck keeps in the browser cannot be changed by slide code. Python starts from
// the snapshot the deck's server ships (deck/python-snapshot.ts), never from one kept in the
// browser: a slide script that gets out of Python into its Web Worker and plants a poisoned
// copy of it (the harness's words changed: what a shared classroom computer would hand to
// the next learner) wherever a worker can write, IndexedDB and Cache Storage, changes
// nothing the next session runs; the learner's progress, in localStorage, is out of its reach.
import type { Browser } from 'playwright-chromium'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchBrowser, liveIndex, liveSnippets, watchedContext } from '../../support/live'
import { clickRun, serveDist, setCode, waitForPython } from '../../support/serve'
import { ensureBuilt } from '../../support/site'

const snippets = await liveSnippets()
const block = snippets[0]
const PROGRESS = 'os-workshop:exercises:v1'
const PROGRESS_VALUE = JSON.stringify({ '06-build-folders': { hintsShown: 2, passed: true } })
const ORIGINAL = 'cannot be answered while grading'
const POISONED = 'CANNOT be answered while grading'

/** A slide script that plants a poisoned copy of the shipped snapshot, from inside the worker. */
const TAMPER_SCRIPT = `import sys
sys.meta_path[:] = [m for m in sys.meta_path if type(m).__name__ != "ImportBlocker"]
from pyodide.ffi import to_js
worker = to_js({}).constructor.constructor("return self")()
worker.eval("""
const from = new TextEncoder().encode('${ORIGINAL}'), to = new TextEncoder().encode('${POISONED}')
const url = new URL('/pyodide/python.snapshot.gz', self.location.href).href
fetch(url).then(r => new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()).then(async (buffer) => {
  const bytes = new Uint8Array(buffer)
  for (let i = 0; i < bytes.length - from.length; i++)
    if (from.every((b, j) => bytes[i + j] === b)) to.forEach((b, j) => { bytes[i + j] = b })
  const gzipped = await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer()
  await (await caches.open('os-workshop')).put(url, new Response(gzipped))
  const open = indexedDB.open('os-workshop-python', 1)
  open.onupgradeneeded = () => open.result.createObjectStore('snapshots')
  open.onsuccess = () => open.result.transaction('snapshots', 'readwrite').objectStore('snapshots').put(bytes, 'snapshot')
})
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

it('a slide script that plants a poisoned Python snapshot in the browser changes nothing the next session runs; progress stays', async () => {
  const server = await serveDist({ isolated: true })
  const watched = await watchedContext(browser, server.origin)
  try {
    const page = await watched.newPage()
    await page.goto(`${server.origin}/${block.slide}`)
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [PROGRESS, PROGRESS_VALUE])
    await waitForPython(page, 120_000)
    const index = liveIndex(snippets, block)
    const ask = async () => {
      await setCode(page, block.slide, index, ASK)
      const asked = await clickRun(page, block.slide, index)
      await asked.finished(20_000)
      return asked.output.innerText()
    }
    expect(await ask()).toContain(ORIGINAL)

    await setCode(page, block.slide, index, TAMPER)
    const run = await clickRun(page, block.slide, index)
    await run.finished(20_000)
    // the poisoned copy is in both stores, and holds the changed words
    await expect.poll(() => page.evaluate(poisonedIn, [POISONED]), { timeout: 30_000, interval: 500 }).toBe(true)

    // the next session, on the same computer
    await page.reload()
    await waitForPython(page, 120_000)
    const answer = await ask()
    expect(answer).toContain(ORIGINAL)
    expect(answer).not.toContain(POISONED)
    expect(await page.evaluate(key => localStorage.getItem(key), PROGRESS)).toBe(PROGRESS_VALUE)
  }
  finally {
    await watched.context.close().catch(() => {})
    await server.close()
  }
}, 300_000)

/** True once Cache Storage and IndexedDB both hold a snapshot with `text` in it. */
async function poisonedIn([text]: string[]): Promise<boolean> {
  const holds = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes).includes(text)
  const cached = await (await caches.open('os-workshop')).match(new URL('/pyodide/python.snapshot.gz', location.href).href)
  if (!cached?.body)
    return false
  const unzipped = new Uint8Array(await new Response(cached.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer())
  const stored = await new Promise<Uint8Array[]>((resolve) => {
    const open = indexedDB.open('os-workshop-python', 1)
    open.onupgradeneeded = () => open.result.createObjectStore('snapshots')
    open.onsuccess = () => {
      const all = open.result.transaction('snapshots').objectStore('snapshots').getAll()
      all.onsuccess = () => resolve(all.result)
    }
  })
  return holds(unzipped) && stored.some(holds)
}
