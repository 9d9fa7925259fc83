// Serve the built deck (dist/) on localhost, with or without the cross-origin
// isolation headers, and drive its live Python blocks in Chromium.
import type { Page } from 'playwright-chromium'
import { ISOLATION_HEADERS } from '../core/isolation.js'
import { DIST, serveStatic } from './site'

export interface LiveServer {
  origin: string
  isolated: boolean
  /** paths that were asked for and not found */
  missing: string[]
  close: () => Promise<void>
}

/** dist/ on 127.0.0.1; `isolated` adds COOP/COEP so SharedArrayBuffer (interrupts) works. */
export async function serveDist(options: { isolated: boolean, dir?: string, base?: string }): Promise<LiveServer> {
  const server = await serveStatic(options.dir ?? DIST, { headers: options.isolated ? ISOLATION_HEADERS : {}, base: options.base })
  return { ...server, isolated: options.isolated }
}

/** Resolves when the deck's Python worker says it is ready (see deck/python.ts). */
export async function waitForPython(page: Page, timeout = 60_000) {
  await page.waitForFunction(() => {
    const status = document.documentElement.dataset.python
    if (status === 'failed')
      throw new Error('the Python worker failed to start')
    return status === 'ready'
  }, undefined, { timeout })
}

/** The live block `index` (0-based) of the current slide: its Run button and output. */
export function liveBlock(page: Page, slide: number, index = 0) {
  const root = page.locator(`[data-slidev-no="${slide}"] .slidev-monaco-container`).nth(index)
  return {
    root,
    run: root.locator('button[title="Run code"]'),
    output: root.locator('.live-output'),
    stop: root.locator('.live-output .lo-stop'),
  }
}

/** Replaces the code of a live block's editor (Monaco), e.g. with an infinite loop. */
export async function setCode(page: Page, slide: number, index: number, code: string) {
  const box = page.locator(`[data-slidev-no="${slide}"] .slidev-monaco-container`).nth(index)
  const lines = box.locator('.monaco-editor .view-lines')
  await lines.waitFor({ timeout: 30_000 })
  await lines.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(code)
  // Monaco may auto-indent or auto-close: check what it holds now
  const squash = (t: string) => t.replace(/\s+/g, '')
  let held = ''
  for (let i = 0; i < 20; i++) {
    held = await lines.innerText()
    if (squash(held) === squash(code))
      return
    await page.waitForTimeout(100)
  }
  throw new Error(`the editor holds:\n${held}\ninstead of:\n${code}`)
}

/** Clicks Run; resolves with the new run's output (`data-run` tells it from the previous one). */
export async function clickRun(page: Page, slide: number, index = 0) {
  const block = liveBlock(page, slide, index)
  const before = Number(await page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('.live-output')].map(e => Number(e.getAttribute('data-run'))))))
  await block.run.click()
  await page.waitForFunction(
    ([sel, n]) => [...document.querySelectorAll(sel as string)].some(e => Number(e.getAttribute('data-run')) > (n as number)),
    [`[data-slidev-no="${slide}"] .live-output`, before] as const,
    { timeout: 10_000 },
  )
  const run = Number(await block.root.locator('.live-output').last().getAttribute('data-run'))
  const output = block.root.locator(`.live-output[data-run="${run}"]`)
  return {
    ...block,
    run: block.run,
    output,
    stop: output.locator('.lo-stop'),
    /** waits until this run has finished */
    finished: (timeout: number) => output.and(page.locator('[data-phase="finished"]')).waitFor({ timeout }),
  }
}

/** Presses Run on every live block of the slide; resolves once every output has finished. */
export async function runEveryBlock(page: Page, slide: number, timeout = 30_000) {
  const runs = page.locator(`[data-slidev-no="${slide}"] button[title="Run code"]`)
  await runs.first().waitFor({ timeout: 60_000 })
  const count = await runs.count()
  for (const run of await runs.all())
    await run.click()
  await page.waitForFunction(([n, c]) => {
    const outputs = [...document.querySelectorAll(`[data-slidev-no="${n}"] .live-output`)]
    return outputs.length >= c && outputs.every(o => o.getAttribute('data-phase') === 'finished')
  }, [slide, count], { timeout })
}
