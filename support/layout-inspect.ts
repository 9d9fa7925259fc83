// What a slide's layout must not do at 1280x720 (see layout.test.ts for the rules),
// measured in the page; shared by the full deck's layout test and the short deck's test.

import type { Page } from 'playwright-chromium'

/** Columns closer than this (screen px at 1280x720) touch. */
const MIN_GAP = 12
/** Rounding slack, in px. */
const SLACK = 1

/**
 * Where a slide's title (a `default` or `two-cols-header` layout's h1) is drawn, in the
 * 980x552 canvas's px: the theme's text-4xl at the layout's padding (3.5rem, 2.5rem; the
 * theme pulls the h1 0.05em to the left).
 */
const TITLE = { x: 54.2, y: 40, size: 36 }

/** A slide with more click steps than this is stuck (a key that does not advance). */
const MAX_CLICKS = 40

/**
 * The layout problems of slide `no` at each of its click steps, stepped with ArrowRight
 * as a speaker does, each named with the slide, its title and the click.
 */
export async function slideProblems(p: Page, no: number, title: string): Promise<string[]> {
  await goTo(p, no)
  const problems: string[] = []
  const label = `slide ${no} "${title}"`
  for (let click = 0; click <= MAX_CLICKS; click++) {
    for (const problem of await p.evaluate(inspect, { no, minGap: MIN_GAP, slack: SLACK, title: TITLE }))
      problems.push(`${label} click ${click}: ${problem}`)
    // next click step, as the speaker's ArrowRight (focus off any editor first)
    const before = p.url()
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.())
    await p.keyboard.press('ArrowRight')
    await p.waitForFunction(u => location.href !== u, before, { timeout: 3_000 }).catch(() => {})
    const now = new URL(p.url())
    if (now.href === before || now.pathname !== `/${no}`)
      break // the next slide (or the end of the deck)
    if (click === MAX_CLICKS)
      problems.push(`${label}: more than ${MAX_CLICKS} click steps`)
    await settled(p, no)
  }
  return problems
}

/** Wait until slide `no` is shown alone (no slide transition running) and fonts and editors are in. */
async function settled(p: Page, no: number) {
  await p.locator(`.slidev-page-${no}`).first().waitFor({ state: 'visible', timeout: 60_000 })
  await p.waitForFunction(() => !document.querySelector('[class*="-leave-active"], [class*="-enter-active"]'), null, { timeout: 10_000 }).catch(() => {})
  await p.evaluate(() => document.fonts.ready)
  await p.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {})
  await p.waitForTimeout(150)
}

async function goTo(p: Page, no: number) {
  await p.evaluate((path) => {
    history.pushState(null, '', path)
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }))
  }, `/${no}`)
  await settled(p, no)
}

/** The layout problems of slide `no` as it is shown now (runs in the page). */
function inspect(args: { no: number, minGap: number, slack: number, title: typeof TITLE }): string[] {
  const { no, minGap, slack, title } = args
  const problems: string[] = []
  const canvas = document.querySelector(`.slidev-page-${no}`)
  if (!canvas)
    return [`.slidev-page-${no} is not in the page`]
  const box = canvas.getBoundingClientRect()

  // editors that scroll by design (the exercise editor), see the header of this file
  const SCROLLING_EDITOR = '.ex-editor, .ex-right textarea, .ex-right .cm-editor, .ex-right .monaco-editor'
  const inScrollingEditor = (el: Element) => !!el.closest(SCROLLING_EDITOR)
  const MONACO = '.monaco-editor'
  // boxes whose background or border make them visible as a whole
  const BOXES = 'pre, img, svg, table, textarea, button, blockquote, .slidev-code, .monaco-editor, .cm-editor, .ex-editor'

  const name = (el: Element) => {
    let s = el.tagName.toLowerCase()
    const cls = [...el.classList].filter(c => !c.startsWith('slidev-vclick') && !c.includes(':')).slice(0, 2)
    if (cls.length)
      s += `.${cls.join('.')}`
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)
    return text ? `${s} "${text}"` : s
  }
  const visible = (el: Element) => {
    const st = getComputedStyle(el)
    // .sr-only: text for screen readers, clipped to 1px on purpose
    return st.display !== 'none' && st.visibility !== 'hidden' && !el.closest('.sr-only')
  }
  const px = (n: number) => Math.round(n)

  // 1. cut-off content in clipping / scrolling boxes
  for (const el of canvas.querySelectorAll('*')) {
    if (inScrollingEditor(el) || el.closest(MONACO) || !visible(el))
      continue
    const st = getComputedStyle(el)
    const clipsX = st.overflowX !== 'visible'
    const clipsY = st.overflowY !== 'visible'
    if (!clipsX && !clipsY)
      continue
    if (el === canvas || el.classList.contains('slidev-layout'))
      continue // the slide itself: text outside it is check 2
    const dx = el.scrollWidth - el.clientWidth
    const dy = el.scrollHeight - el.clientHeight
    if (clipsX && dx > slack && el.clientWidth > 0)
      problems.push(`${name(el)} is cut off: ${el.scrollWidth}px of content in a ${el.clientWidth}px wide box`)
    if (clipsY && dy > slack && el.clientHeight > 0)
      problems.push(`${name(el)} is cut off: ${el.scrollHeight}px of content in a ${el.clientHeight}px high box`)
  }

  // the ink of an element: its text lines and visible boxes, outside scrolling editors' insides
  const inkOf = (root: Element): DOMRect[] => {
    const rects: DOMRect[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement
      if (!parent || !n.textContent?.trim() || inScrollingEditor(parent) || parent.closest(MONACO) || !visible(parent))
        continue
      const range = document.createRange()
      range.selectNodeContents(n)
      for (const r of range.getClientRects()) {
        if (r.width > 0 && r.height > 0)
          rects.push(r)
      }
    }
    for (const el of [root, ...root.querySelectorAll(BOXES)]) {
      if (!el.matches(BOXES) || !visible(el))
        continue
      if (el !== root && el.parentElement?.closest(SCROLLING_EDITOR))
        continue
      if (el.matches(`${MONACO} *`))
        continue
      const r = el.getBoundingClientRect()
      if (r.width > 0 && r.height > 0)
        rects.push(r)
    }
    return rects
  }

  // 2. text and boxes outside the canvas (what a clipping box inside the slide hides is check 1's)
  const clippedInside = (el: Element) => {
    for (let a = el.parentElement; a && a !== canvas; a = a.parentElement) {
      const st = getComputedStyle(a)
      if ((st.overflowX !== 'visible' || st.overflowY !== 'visible') && !a.classList.contains('slidev-layout'))
        return true
    }
    return false
  }
  const outside = new Set<string>()
  const walker = document.createTreeWalker(canvas, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement
    if (!parent || !n.textContent?.trim() || inScrollingEditor(parent) || parent.closest(MONACO) || !visible(parent) || clippedInside(n as unknown as Element))
      continue
    const range = document.createRange()
    range.selectNodeContents(n)
    for (const r of range.getClientRects()) {
      if (r.width === 0 || r.height === 0)
        continue
      if (r.left < box.left - slack || r.right > box.right + slack || r.top < box.top - slack || r.bottom > box.bottom + slack) {
        outside.add(`${name(parent)} is outside the slide (text at x ${px(r.left - box.left)}..${px(r.right - box.left)}, y ${px(r.top - box.top)}..${px(r.bottom - box.top)} of a ${px(box.width)}x${px(box.height)} slide)`)
        break
      }
    }
  }
  for (const el of canvas.querySelectorAll(BOXES)) {
    if (!visible(el) || el.parentElement?.closest(SCROLLING_EDITOR) || el.matches(`${MONACO} *`) || clippedInside(el))
      continue
    const r = el.getBoundingClientRect()
    if (r.width === 0 || r.height === 0)
      continue
    if (r.left < box.left - slack || r.right > box.right + slack || r.top < box.top - slack || r.bottom > box.bottom + slack)
      outside.add(`${name(el)} is outside the slide (box at x ${px(r.left - box.left)}..${px(r.right - box.left)}, y ${px(r.top - box.top)}..${px(r.bottom - box.top)} of a ${px(box.width)}x${px(box.height)} slide)`)
  }
  problems.push(...outside)

  // 3. columns: children of a grid or a row flexbox, side by side
  const union = (rects: DOMRect[]) => rects.length
    ? { left: Math.min(...rects.map(r => r.left)), right: Math.max(...rects.map(r => r.right)), top: Math.min(...rects.map(r => r.top)), bottom: Math.max(...rects.map(r => r.bottom)) }
    : undefined
  for (const row of canvas.querySelectorAll('*')) {
    if (inScrollingEditor(row) || row.closest(MONACO) || !visible(row))
      continue
    const st = getComputedStyle(row)
    const isGrid = st.display.includes('grid')
    const isRow = isGrid || (st.display.includes('flex') && !st.flexDirection.startsWith('column'))
    if (!isRow || row.children.length < 2)
      continue
    const cols = [...row.children].filter(c => visible(c)).map(c => ({ el: c, ink: union(inkOf(c)) })).filter(c => c.ink)
    for (let i = 0; i < cols.length; i++) {
      for (let j = i + 1; j < cols.length; j++) {
        const [a, b] = cols[i].ink!.left <= cols[j].ink!.left ? [cols[i], cols[j]] : [cols[j], cols[i]]
        const shareHeight = a.ink!.top < b.ink!.bottom - slack && b.ink!.top < a.ink!.bottom - slack
        // side by side: b's box starts to the right of a's box start (not stacked)
        const ra = a.el.getBoundingClientRect()
        const rb = b.el.getBoundingClientRect()
        const sideBySide = rb.left >= ra.right - slack || (ra.top < rb.bottom && rb.top < ra.bottom && rb.left > ra.left + slack)
        if (!shareHeight || !sideBySide)
          continue
        const gap = b.ink!.left - a.ink!.right
        // grid columns need air between them; in a flex row (buttons, badges) only overlap is wrong
        if (gap < (isGrid ? minGap : -slack)) {
          problems.push(gap < -slack
            ? `${name(a.el)} and ${name(b.el)} overlap by ${px(-gap)}px`
            : `${name(a.el)} and ${name(b.el)} touch (${px(gap)}px apart, at least ${minGap}px wanted)`)
        }
      }
    }
  }

  // 4. live code (Monaco): each line must fit in its editor
  for (const editor of canvas.querySelectorAll(MONACO)) {
    if (inScrollingEditor(editor) || !visible(editor))
      continue
    const frame = (editor.querySelector('.overflow-guard') ?? editor).getBoundingClientRect()
    for (const line of editor.querySelectorAll('.view-line > span')) {
      const r = line.getBoundingClientRect()
      if (r.width > 0 && r.right > frame.right + slack) {
        problems.push(`live code line "${(line.textContent ?? '').trim().slice(0, 40)}" is cut off: ends ${px(r.right - frame.right)}px past its editor`)
        break
      }
    }
  }
  // 5. inline code (`os.sep` in text, a cheat sheet, a README panel): never cut inside a word
  //    (a path may break after a slash), and on one line but in an exercise's narrow panels
  for (const code of canvas.querySelectorAll('code')) {
    if (code.closest('pre') || inScrollingEditor(code) || code.closest(MONACO) || !visible(code))
      continue
    // each character's box, in reading order
    const chars: { ch: string, r: DOMRect }[] = []
    const texts = document.createTreeWalker(code, NodeFilter.SHOW_TEXT)
    for (let t = texts.nextNode(); t; t = texts.nextNode()) {
      for (let i = 0; i < (t.textContent ?? '').length; i++) {
        const range = document.createRange()
        range.setStart(t, i)
        range.setEnd(t, i + 1)
        const r = range.getBoundingClientRect()
        if (r.height > 0)
          chars.push({ ch: t.textContent![i], r })
      }
    }
    const breaks = chars.flatMap((c, i) => i > 0 && c.r.top > chars[i - 1].r.top + c.r.height / 2 ? [i] : [])
    if (!breaks.length)
      continue
    const text = chars.map(c => c.ch).join('')
    // a break is at a space, or after a path's slash
    const cut = breaks.find(i => /[^\s/]/.test(chars[i - 1].ch) && /\S/.test(chars[i].ch))
    if (cut !== undefined) {
      problems.push(`inline code "${text.slice(0, 60)}" is cut inside a word: "${text.slice(Math.max(0, cut - 12), cut)}|${text.slice(cut, cut + 12)}"`)
      continue
    }
    // an exercise's panels are narrow: their code may wrap, at a space
    if (!code.closest('.exercise'))
      problems.push(`inline code "${text.slice(0, 60)}" is broken across ${breaks.length + 1} lines`)
  }

  // 6. a title at the top of the slide is where every such title is, at one size, whatever the slide's zoom
  const layout = canvas.querySelector('.slidev-layout')
  const h1 = layout?.matches('.default, .two-cols-header') ? layout.querySelector('h1') : null
  if (h1 && visible(h1)) {
    // the canvas's own width is 980px divided by the slide's zoom: its parent's is 980px
    const scale = box.width / ((canvas.parentElement as HTMLElement).offsetWidth || 1)
    const r = h1.getBoundingClientRect()
    const at = { x: (r.left - box.left) / scale, y: (r.top - box.top) / scale }
    const size = Number.parseFloat(getComputedStyle(h1).fontSize) * (r.height / ((h1 as HTMLElement).offsetHeight || 1)) / scale
    const want = title
    if (Math.abs(at.x - want.x) > slack || Math.abs(at.y - want.y) > slack || Math.abs(size - want.size) > 0.5)
      problems.push(`the title "${(h1.textContent ?? '').trim().slice(0, 40)}" is drawn at ${size.toFixed(1)}px, at x ${at.x.toFixed(1)} y ${at.y.toFixed(1)}; every title: ${want.size}px at x ${want.x} y ${want.y}`)
  }

  // 7. the two columns of a two-column slide start level; when they hold the same kinds of
  //    blocks in the same order (code, output, list), side by side, each pair starts level
  for (const left of canvas.querySelectorAll('.col-left')) {
    const right = left.parentElement?.querySelector(':scope > .col-right')
    if (!right)
      continue
    const blocks = (col: Element) => [...col.children].filter(visible)
    const [a, b] = [blocks(left), blocks(right)]
    const kind = (el: Element) => `${el.tagName}.${el.className}`
    const pairs = a.length === b.length && a.every((el, i) => kind(el) === kind(b[i])) ? a.map((el, i) => [el, b[i]]) : [[left, right]]
    for (const [l, r] of pairs) {
      const [top1, top2] = [l, r].map(col => union(inkOf(col))?.top)
      if (top1 !== undefined && top2 !== undefined && Math.abs(top1 - top2) > slack + 1)
        problems.push(`the columns are not level: ${name(l)} starts at y ${px(top1 - box.top)}, ${name(r)} beside it at y ${px(top2 - box.top)}`)
    }
  }
  return problems
}
