// Every slide of the BUILT deck, at every click, at 1280x720 in Chromium: nothing
// may be cut off or run into something else. A failure names the slide number, its
// title, the click and the element, e.g.
//   slide 27 "Deleting without regret" click 0: pre.shiki "DRY_RUN = True" is cut off: 512px of content in a 470px box
//
// What counts as a defect:
// 1. Cut-off content: an element that clips or scrolls (overflow not `visible`:
//    code blocks `pre`, `.slidev-code`, tables in a wrapper...) whose scrollWidth
//    or scrollHeight exceeds its clientWidth / clientHeight. On a projector nobody
//    scrolls a code block: what does not fit is simply not seen.
// 2. Text outside the slide canvas (`.slidev-page-N`): a text line, a code block,
//    an image or an editor whose box leaves the canvas.
// 3. Overlapping or touching columns: the children of a row (a CSS grid, e.g.
//    two-cols' `.col-left` / `.col-right`, or a row flexbox) whose ink (text
//    lines and boxes with a background) overlaps horizontally while they share a
//    height; grid columns must also keep MIN_GAP px apart.
// 4. Live code (`{monaco-run}`): a line of the editor wider than the editor.
// 5. Inline code cut inside a word (`"beach.|jpg"`; a path may break after a slash), or
//    broken across lines at all outside an exercise's narrow panels (a cheat sheet).
// 6. A title (the h1 of a `default` or `two-cols-header` slide) drawn at another size or
//    place than every other: a slide's `zoom:` shrinks its content, not its title.
// 7. Two columns (`::left::` / `::right::`) that do not start level, or, holding the same
//    blocks in the same order (code, output, list), whose pairs do not line up.
//
// The one exception, by design: the exercise slides' editor (the learner's own
// task.py in a textarea, CodeMirror or Monaco inside `.ex-editor` / `.ex-right`'s
// editor) is a scroll container meant to scroll: the learner's lines may be of any
// length. Its internals are not checked; the editor's own box still must sit on
// the canvas and not run into the other column. Static code (a `pre`), including
// the exercise's printed starter, must fit.
//
// Clicks are stepped with ArrowRight, as a speaker does: the URL goes
// `/N`, `/N?clicks=1`, ... until it leaves for `/N+1`. One page for the whole deck
// (the app and its runtimes load once); each slide is reached by the router.

import type { Page } from 'playwright-chromium'
import type { OpenDeck } from '../../support/site'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDeck } from '../../support/deck'
import { slideProblems } from '../../support/layout-inspect'
import { openBuiltDeck } from '../../support/site'

const slides = await loadDeck()

let deck: OpenDeck | undefined
let page: Page | undefined
let setupError: Error | undefined

beforeAll(async () => {
  try {
    deck = await openBuiltDeck({ reducedMotion: 'reduce' })
    page = await deck.context.newPage()
    await page.goto(`${deck.server.origin}/1`, { waitUntil: 'load', timeout: 90_000 })
    await page.locator('.slidev-page-1').first().waitFor({ state: 'visible', timeout: 60_000 })
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {})
  }
  catch (error) {
    setupError = error as Error
  }
}, 900_000)

afterAll(async () => {
  await page?.close().catch(() => {})
  await deck?.close()
})

describe('the built deck at 1280x720: nothing cut off, outside the slide or overlapping', () => {
  it('finds Chromium, builds and serves the deck', () => {
    if (setupError)
      throw setupError
    expect(deck?.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  for (const slide of slides) {
    it(`slide ${slide.no}: ${slide.title || '(untitled)'}`, async () => {
      if (setupError)
        throw setupError
      const problems = await slideProblems(page!, slide.no, slide.title)
      expect(problems).toEqual([])
    }, 120_000)
  }
})
