// The exercise slides on the built deck, in Chromium: Check on the starter shows
// failing cases, the solution passes every case, and a reload keeps the learner's
// code and result. And parity with the terminal grader: for every exercise, the
// browser's verdicts (status and message per case) for the starter and for the
// solution are the ones `npx tsx grader/cli.ts grade --json` gives.

import type { Browser, Locator, Page } from 'playwright-chromium'
import type { TerminalExercise, WatchedContext } from '../../support/live'
import type { LiveServer } from '../../support/serve'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inlineCode } from '../../core/inline-code'
import { ROOT } from '../../support/deck'
import { exerciseSlides, launchBrowser, terminalReport, watchedContext } from '../../support/live'
import { serveDist, waitForPython } from '../../support/serve'
import { ensureBuilt } from '../../support/site'

const slides = await exerciseSlides()
/** The exercises of the workshop: the folders of exercises/, in order. */
const EXERCISES = readdirSync(path.join(ROOT, 'exercises'), { withFileTypes: true })
  .filter(e => e.isDirectory() && /^\d\d-/.test(e.name))
  .map(e => e.name)
  .sort()
/** The exercise driven through its buttons. */
const UI_ID = '06-build-folders'

const read = (folder: 'starters' | 'solutions', id: string) => readFileSync(path.join(ROOT, folder, id, 'task.py'), 'utf8')

interface Verdict { name: string, status: string, message: string }

/** What the terminal and the browser are compared on. */
function comparable(tests: { name: string, status: string, message: string | null }[]): Verdict[] {
  return tests.map(t => ({ name: t.name, status: t.status, message: (t.message ?? '').trimEnd() }))
}

let browser: Browser | undefined
let server: LiveServer | undefined
let watched: WatchedContext | undefined
let setupError: Error | undefined
let terminal: Promise<{ starters: TerminalExercise[], solutions: TerminalExercise[] }>

beforeAll(async () => {
  // the terminal grader runs in its own processes while the deck is built and served
  terminal = Promise.all([terminalReport({ solutions: false }), terminalReport({ solutions: true })])
    .then(([starters, solutions]) => ({ starters, solutions }))
  terminal.catch(() => {})
  try {
    browser = await launchBrowser()
    await ensureBuilt()
    server = await serveDist({ isolated: true })
    watched = await watchedContext(browser, server.origin)
  }
  catch (error) {
    setupError = error as Error
  }
}, 900_000)

afterAll(async () => {
  await watched?.context.close().catch(() => {})
  await server?.close()
  await browser?.close().catch(() => {})
})

function ready() {
  if (setupError)
    throw setupError
  return { server: server!, watched: watched! }
}

function slideOf(id: string) {
  const found = slides.find(s => s.id === id)
  if (!found)
    throw new Error(`no slide with <ExerciseSlide id="${id}" />`)
  return found.slide
}

/** The code editor (CodeMirror, deck/code-editor.ts): its text through the `__editor` hook of its element. */
function codeEditor(box: Locator) {
  return {
    box,
    /** resolves when the editor is there (it loads with the slide; a neighbouring slide is mounted but hidden) */
    waitFor: (options?: { timeout?: number }) => box.locator('.cm-content').waitFor({ state: 'attached', ...options }),
    text: () => box.evaluate(e => (e as unknown as { __editor: { text: string } }).__editor.text),
    setText: (text: string) => box.evaluate((e, t) => {
      (e as unknown as { __editor: { text: string } }).__editor.text = t
    }, text),
    click: () => box.locator('.cm-content').click(),
    focused: () => box.evaluate(e => e.contains(document.activeElement)),
  }
}

/** The exercise on slide `slide`, and its parts. */
function exerciseOn(page: Page, slide: number) {
  const root = page.locator(`[data-slidev-no="${slide}"] .exercise`)
  return {
    root,
    editor: codeEditor(root.locator('.ex-editor[data-editor="codemirror"]')),
    check: root.locator('button.ex-check'),
    hint: root.locator('button.ex-hint-btn'),
    reset: root.locator('button.ex-reset'),
    undo: root.locator('button.ex-undo'),
    results: root.locator('.ex-results'),
    done: root.locator('.ex-done'),
  }
}

/** Clicks Check and waits for the verdicts; returns them as shown. */
async function clickCheck(page: Page, ex: ReturnType<typeof exerciseOn>): Promise<Verdict[]> {
  await ex.check.click()
  await ex.results.and(page.locator('[data-state="checked"]')).waitFor({ timeout: 120_000 })
  return shownVerdicts(ex.results)
}

async function shownVerdicts(results: Locator): Promise<Verdict[]> {
  return results.locator('.ex-case').evaluateAll(items => items.map(item => ({
    name: item.querySelector('.ex-case-name')?.textContent?.trim() ?? '',
    status: item.getAttribute('data-status') ?? '',
    message: (item.querySelector('.ex-message')?.textContent ?? '').trimEnd(),
  })))
}

describe('an exercise slide, through its buttons', () => {
  let page: Page | undefined
  let slide = 0

  beforeAll(async () => {
    if (setupError)
      return
    slide = slideOf(UI_ID)
    page = await watched!.newPage()
    page.on('dialog', dialog => dialog.accept())
    await page.goto(`${server!.origin}/${slide}`)
    await page.evaluate(() => localStorage.clear())
    await page.reload()
    await exerciseOn(page, slide).editor.waitFor({ timeout: 60_000 })
    await waitForPython(page, 120_000)
  }, 300_000)

  afterAll(async () => {
    await page?.close().catch(() => {})
  })

  it('has one slide with a title for each exercise', () => {
    expect(slides.map(s => s.id)).toEqual(EXERCISES)
    for (const s of slides)
      expect(s.title, `slide ${s.slide}`).toMatch(new RegExp(`^${s.id.slice(0, 2)} · \\S`))
  })

  it('keeps the learner\'s code in the browser: a built deck has no server to save task.py to', async () => {
    ready()
    const storage = page!.locator(`.slidev-page-${slide} .ex-storage`)
    expect(await storage.getAttribute('data-storage')).toBe('browser')
    expect((await storage.innerText()).trim()).toBe('Saved in this browser')
    // built by a test runner (NODE_ENV=test) too: it never asks for the dev server's files
    const asked: string[] = []
    page!.on('request', request => void (request.url().includes('__os-workshop/tasks') && asked.push(request.url())))
    await page!.reload()
    await exerciseOn(page!, slide).editor.waitFor({ timeout: 60_000 })
    expect(asked).toEqual([])
  })

  it('shows the starter, and Check shows its failing cases, as the terminal does', async () => {
    ready()
    const ex = exerciseOn(page!, slide)
    expect(await ex.editor.text()).toBe(read('starters', UI_ID))
    // it opens with the function in view, not the module's docstring
    expect(await ex.editor.box.locator('.cm-line', { hasText: /^def build_folders/ }).isVisible()).toBe(true)
    // Python is highlighted
    expect(await ex.editor.box.locator('.cm-line span').count()).toBeGreaterThan(5)
    await expect.poll(() => ex.done.innerText()).toBe(`0 of ${EXERCISES.length} done`)
    const shown = await clickCheck(page!, ex)
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.filter(v => v.status !== 'pass').length, 'the starter should fail').toBeGreaterThan(0)
    expect(await ex.root.getAttribute('data-passed')).toBe('false')
    const { starters } = await terminal
    // the slide shows the grader's `code` as code, without the backticks
    expect(shown).toEqual(comparable(starters.find(e => e.id === UI_ID)!.tests).map(v => ({ ...v, message: inlineCode(v.message).map(p => p.text).join('') })))
    // a folder that came out wrong is drawn with the problems marked
    expect(await ex.results.locator('.ex-picture .file-tree [data-mark="missing"]').count()).toBeGreaterThan(0)
    // with the grader's own words for it, as the terminal's picture says them
    expect(await ex.results.locator('.ex-picture .file-tree [data-mark="missing"] .ft-badge').first().innerText()).toBe('? missing')
  })

  it('passes every case with the solution pasted into the editor', async () => {
    ready()
    const ex = exerciseOn(page!, slide)
    await ex.editor.setText(read('solutions', UI_ID))
    const shown = await clickCheck(page!, ex)
    expect(shown.map(v => v.status)).toEqual(shown.map(() => 'pass'))
    expect(await ex.results.locator('.ex-summary').innerText()).toMatch(/All \d+ cases pass/)
    expect(await ex.root.getAttribute('data-passed')).toBe('true')
    expect(await ex.done.innerText()).toBe(`1 of ${EXERCISES.length} done`)
  })

  it('keeps the code and the passed state across a reload', async () => {
    ready()
    await page!.reload()
    const ex = exerciseOn(page!, slide)
    await ex.editor.waitFor({ timeout: 60_000 })
    expect(await ex.editor.text()).toBe(read('solutions', UI_ID))
    expect(await ex.root.getAttribute('data-passed')).toBe('true')
    expect(await ex.done.innerText()).toBe(`1 of ${EXERCISES.length} done`)
    const shown = await shownVerdicts(ex.results)
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.every(v => v.status === 'pass')).toBe(true)
    // another exercise is still at its starter
    const other = exerciseOn(page!, slideOf('07-bulk-rename'))
    await other.editor.waitFor({ timeout: 60_000 })
    expect(await other.editor.text()).toBe(read('starters', '07-bulk-rename'))
  })

  it('keeps keys typed in the editor away from the slides; Tab indents', async () => {
    ready()
    const ex = exerciseOn(page!, slide)
    const url = page!.url()
    await ex.editor.click()
    await page!.keyboard.press('ControlOrMeta+End')
    await page!.keyboard.press('ArrowRight')
    await page!.keyboard.press('ArrowRight')
    await page!.keyboard.press('Space')
    await page!.keyboard.press('Tab')
    await page!.waitForTimeout(500)
    expect(page!.url()).toBe(url)
    expect(await ex.editor.text()).toBe(`${read('solutions', UI_ID)}     `)
    expect(await ex.editor.focused()).toBe(true)
    // Esc gives the arrow keys back to the slides
    await page!.keyboard.press('Escape')
    expect(await ex.editor.focused()).toBe(false)
  })

  it('reveals the hints one by one, and Reset can be undone', async () => {
    ready()
    const ex = exerciseOn(page!, slide)
    const hints = ex.root.locator('.ex-hint')
    expect(await hints.count()).toBe(0)
    await ex.hint.click()
    expect(await hints.count()).toBe(1)
    await ex.hint.click()
    expect(await hints.count()).toBe(2)
    const mine = await ex.editor.text()
    await ex.reset.click()
    expect(await ex.editor.text()).toBe(read('starters', UI_ID))
    await ex.undo.click()
    expect(await ex.editor.text()).toBe(mine)
    await page!.reload()
    await ex.editor.waitFor({ timeout: 60_000 })
    expect(await exerciseOn(page!, slide).root.locator('.ex-hint').count()).toBe(2)
  })

  it('a keyboard user who tabs into the editor and on never changes the code; once they type or click there, Tab indents', async () => {
    ready()
    const ex = exerciseOn(page!, slide)
    const keys = ex.root.locator('.ex-keys')
    const before = await ex.editor.text()
    await ex.root.locator('.ex-readme > summary').focus()
    for (let i = 0; i < 15 && !(await ex.editor.focused()); i++)
      await page!.keyboard.press('Tab')
    expect(await ex.editor.focused()).toBe(true)
    expect(await keys.innerText()).toMatch(/^Tab moves on/)
    // the caret is at the function, and the function is in view
    expect(await ex.editor.box.locator('.cm-activeLine').innerText()).toMatch(/^(?:import|def) /)
    for (let i = 0; i < 11; i++)
      await page!.keyboard.press('Tab')
    expect(await ex.editor.text()).toBe(before)
    expect(await ex.editor.focused()).toBe(false)
    await ex.editor.click()
    expect(await keys.innerText()).toMatch(/^Tab indents/)
    await page!.keyboard.press('Tab')
    expect(await ex.editor.text()).not.toBe(before)
    await ex.editor.setText(before)
  })

  it('says which house a case fails in: os.rename over a report fails "on Windows"', async () => {
    ready()
    const other = slideOf('16-works-everywhere')
    await page!.goto(`${server!.origin}/${other}`)
    const ex = exerciseOn(page!, other)
    await ex.editor.waitFor({ timeout: 60_000 })
    await ex.editor.setText(read('solutions', '16-works-everywhere').replace('os.replace(temporary, path)', 'os.rename(temporary, path)'))
    await clickCheck(page!, ex)
    const statuses = await ex.results.locator('.ex-case .ex-status').allInnerTexts()
    expect(statuses).toContain('error on Windows')
    expect(statuses).toContain('pass')
    await ex.editor.setText(read('starters', '16-works-everywhere'))
  })

  it('a learner\'s browser, which no automation drives, carries no test hook', async () => {
    ready()
    const learner = await watched!.newPage()
    try {
      await learner.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }))
      await learner.goto(`${server!.origin}/${slide}`)
      await exerciseOn(learner, slide).editor.waitFor({ timeout: 60_000 })
      expect(await learner.evaluate(() => [navigator.webdriver, '__osWorkshop' in window])).toEqual([false, false])
      // the same page under automation has it, so the line above can tell
      expect(await page!.evaluate(() => typeof window.__osWorkshop?.check)).toBe('function')
    }
    finally {
      await learner.close().catch(() => {})
    }
  })

  it('fetched nothing from outside the local server, without errors', () => {
    const { watched } = ready()
    expect(watched.outside).toEqual([])
    expect(watched.errors).toEqual([])
  })
})

describe('parity with the terminal grader (Pyodide runtime), every exercise', () => {
  let page: Page | undefined
  let browserSide: Record<string, { builtStarter: string, starter: Verdict[], solution: Verdict[] }> = {}

  beforeAll(async () => {
    if (setupError)
      return
    page = await watched!.newPage()
    await page.goto(`${server!.origin}/${slideOf('01-which-os')}`)
    await page.waitForFunction(() => !!(window as any).__osWorkshop, undefined, { timeout: 60_000 })
    await waitForPython(page, 120_000)
    const sources = slides.map(s => ({ id: s.id, starter: read('starters', s.id), solution: read('solutions', s.id) }))
    browserSide = await page.evaluate(async (all) => {
      const hook = (window as any).__osWorkshop
      const out: Record<string, { builtStarter: string, starter: Verdict[], solution: Verdict[] }> = {}
      const pick = ({ cases }: { cases: Verdict[] }) => cases.map(v => ({ name: v.name, status: v.status, message: v.message.trimEnd() }))
      for (const { id, starter, solution } of all) {
        out[id] = {
          builtStarter: hook.starter(id) ?? '',
          starter: pick(await hook.check(id, starter)),
          solution: pick(await hook.check(id, solution)),
        }
      }
      return out
    }, sources)
  }, 600_000)

  afterAll(async () => {
    await page?.close().catch(() => {})
  })

  it('the deck bundles the pristine starters, never a learner\'s edited task.py', () => {
    ready()
    for (const s of slides)
      expect(browserSide[s.id]?.builtStarter, s.id).toBe(read('starters', s.id))
  })

  it('the terminal report covers every exercise slide', async () => {
    ready()
    const { starters, solutions } = await terminal
    expect(starters.map(e => e.id)).toEqual(slides.map(s => s.id))
    expect(solutions.map(e => e.id)).toEqual(slides.map(s => s.id))
  }, 300_000)

  it.each(slides.map(s => s.id))('%s: the same verdicts for the starter and the solution', async (id) => {
    ready()
    const { starters, solutions } = await terminal
    const seen = browserSide[id]
    expect(seen, `no browser verdicts for ${id}`).toBeDefined()
    expect(seen.starter, `${id}, starter`).toEqual(comparable(starters.find(e => e.id === id)!.tests))
    expect(seen.solution, `${id}, solution`).toEqual(comparable(solutions.find(e => e.id === id)!.tests))
    // the solution is a solution, and the starter is not one yet
    expect(seen.solution.every(v => v.status === 'pass'), `${id}: the solution should pass`).toBe(true)
    expect(seen.starter.some(v => v.status !== 'pass'), `${id}: the starter should fail`).toBe(true)
  }, 300_000)
})

describe.each([
  { isolated: true, label: 'cross-origin isolated (interrupt)' },
  { isolated: false, label: 'not isolated (worker replaced)' },
])('a case that never ends, $label', ({ isolated }) => {
  const ID = '02-where-os-came-from'
  const LOOP = 'def where_os_lives():\n    while True:\n        pass\n'

  it('is stopped at its time limit, judged as in the terminal, and the next check works', async () => {
    const { watched } = ready()
    const local = isolated ? server! : await serveDist({ isolated })
    const context = isolated ? watched : await watchedContext(browser!, local.origin)
    const page = await context.newPage()
    try {
      await page.goto(`${local.origin}/${slideOf(ID)}`)
      await page.waitForFunction(() => !!(window as any).__osWorkshop, undefined, { timeout: 60_000 })
      await waitForPython(page, 120_000)
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(isolated)
      const started = Date.now()
      const { cases: stuck }: { cases: Verdict[] } = await page.evaluate(([id, source]) => (window as any).__osWorkshop.check(id, source), [ID, LOOP])
      const seconds = (Date.now() - started) / 1000
      expect(stuck.length).toBeGreaterThan(1)
      expect(stuck.map(v => v.status)).toEqual(stuck.map(() => 'error'))
      // the first case is stopped at its limit; the others are not run after it
      expect(stuck[0].message).toMatch(/did not finish within 3 s, so the grader stopped it/)
      for (const v of stuck.slice(1))
        expect(v.message, v.name).toMatch(/Not run: an earlier case did not finish in time/)
      expect(seconds).toBeLessThan(3 + 10)
      const { cases: after }: { cases: Verdict[] } = await page.evaluate(([id]) => {
        const hook = (window as any).__osWorkshop
        return hook.check(id, hook.solution(id))
      }, [ID])
      expect(after.map(v => v.status)).toEqual(after.map(() => 'pass'))
      // a task.py that never finishes loading is one verdict, after one time limit
      const loadStarted = Date.now()
      const endless = await page.evaluate(([id]) => (window as any).__osWorkshop.check(id, 'while True:\n    pass\n'), [ID])
      expect(endless.problem).toMatch(/task\.py did not finish loading within 3 s/)
      expect(endless.cases.map((v: Verdict) => v.status)).toEqual(after.map(() => 'error'))
      expect((Date.now() - loadStarted) / 1000).toBeLessThan(3 + 10)
      expect(context.errors).toEqual([])
    }
    finally {
      await page.close().catch(() => {})
      if (!isolated) {
        await context.context.close().catch(() => {})
        await local.close()
      }
    }
  }, 240_000)
})
