// `npm run export` works offline and writes a handout a reader can use: one page per
// slide (and per click step), text that search finds, an outline of chapters, links
// that work, and the browser asked for nothing outside this machine while exporting.
import type { DeckSlide } from '../../support/deck'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PDFDocument, PDFName } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fences } from '../../deck/markdown-blocks'
import { inspectPdf, readOutline } from '../../scripts/export.js'
import { findChromium } from '../../scripts/find-chromium.js'
import { loadDeck, ROOT } from '../../support/deck'
import { pagesText } from '../../support/pdf-text'

// DECK_EXPORT_CLICKS=0 leaves out the (slow) second PDF with one page per click
const WITH_CLICKS = process.env.DECK_EXPORT_CLICKS !== '0'

const slides = await loadDeck()
const out = mkdtempSync(path.join(tmpdir(), 'deck-export-test-'))
let run: { code: number | null, output: string, seconds: number } | undefined
let report: any

async function pdfInfo(file: string): Promise<{ pages: number, blank: number[] }> {
  return inspectPdf(file)
}

/** Text compared without white space, typographic quotes or Markdown's code marks. */
function squash(text: string): string {
  return text.replace(/[\u2018\u2019]/g, '\'').replace(/[\u201C\u201D]/g, '"').replace(/`/g, '').replace(/\s+/g, '')
}

/** The title the slide shows: its first heading (the deck's own title is the first slide's name). */
function shownTitle(slide: DeckSlide): string {
  return slide.content.match(/^#\s+(.+)$/m)?.[1] ?? slide.title
}

/** Every non-empty line of the slide's fenced code blocks. */
function codeLines(slide: DeckSlide): string[] {
  return fences(slide.content)
    .flatMap(fence => fence.code.split('\n'))
    .filter(line => line.trim())
}

/** The first slide of each chapter (a file of pages/, or slides.md itself). */
function chapterStarts(): DeckSlide[] {
  return slides.filter((slide, i) => i === 0 || slides[i - 1].file !== slide.file)
}

async function loadPdf(name: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(path.join(out, name)))
}

/** Every link annotation: page (1-based) and address. */
function links(pdf: PDFDocument): { page: number, uri: string }[] {
  return pdf.getPages().flatMap((page, i) => {
    const annots = page.node.lookup(PDFName.of('Annots'))
    const refs = annots && 'asArray' in annots ? (annots as any).asArray() : []
    return refs.map((ref: any) => {
      const action = (pdf.context.lookup(ref) as any).lookup(PDFName.of('A'))
      return { page: i + 1, uri: String(action?.lookup(PDFName.of('URI'))?.decodeText() ?? '') }
    })
  })
}

beforeAll(async () => {
  findChromium() // a missing browser fails here, with the message saying how to get one
  const started = Date.now()
  const args = ['scripts/export.js', '--out-dir', out, '--report', path.join(out, 'report.json')]
  if (!WITH_CLICKS)
    args.push('--no-clicks')
  run = await new Promise((resolve, reject) => {
    let output = ''
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (c) => {
      output += c
    })
    child.stderr.on('data', (c) => {
      output += c
    })
    child.on('error', reject)
    child.on('close', code => resolve({ code, output, seconds: (Date.now() - started) / 1000 }))
  })
  const reportFile = path.join(out, 'report.json')
  if (existsSync(reportFile))
    report = JSON.parse(readFileSync(reportFile, 'utf8'))
  process.stdout.write(`export took ${run!.seconds.toFixed(1)} s\n`)
}, 1_800_000)

afterAll(() => {
  rmSync(out, { recursive: true, force: true })
})

describe('npm run export', () => {
  it('finishes without error', () => {
    expect(run?.code, run?.output.slice(-4000)).toBe(0)
  })

  it('writes os-workshop.pdf with one page per slide and no blank page', async () => {
    const file = path.join(out, 'os-workshop.pdf')
    expect(existsSync(file), run?.output.slice(-2000)).toBe(true)
    const { pages, blank } = await pdfInfo(file)
    expect(pages, `${pages} pages for ${slides.length} slides`).toBe(slides.length)
    expect(blank, 'pages without any text').toEqual([])
  })

  it('has each slide\'s title and every line of its code as text on its page', async () => {
    const text = (await pagesText(path.join(out, 'os-workshop.pdf'))).map(squash)
    const missing = slides.flatMap(slide => [shownTitle(slide), ...codeLines(slide)]
      .filter(wanted => !text[slide.no - 1]?.includes(squash(wanted)))
      .map(wanted => `page ${slide.no} (${slide.title}): ${wanted.trim()}`))
    expect(missing).toEqual([])
  })

  it('leaves out the live blocks\' buttons, which do nothing on paper', async () => {
    const text = await pagesText(path.join(out, 'os-workshop.pdf'))
    const live = slides.filter(slide => slide.content.includes('{monaco-run}'))
    expect(live.length).toBeGreaterThan(0)
    const buttons = live.filter(slide => /Run code|run as on/.test(text[slide.no - 1] ?? '')).map(slide => `page ${slide.no} (${slide.title})`)
    expect(buttons).toEqual([])
  })

  it('has an outline of chapters, each with its slides under it', async () => {
    const outline = readOutline(await loadPdf('os-workshop.pdf'))
    const chapters = chapterStarts()
    expect(outline.map(entry => entry.title)).toEqual(chapters.map(slide => slide.title.replace(/`/g, '')))
    expect(outline.map(entry => entry.page)).toEqual(chapters.map(slide => slide.no))
    const entries = outline.flatMap(chapter => [chapter, ...chapter.children])
    expect(entries.map(entry => entry.page)).toEqual(slides.map(slide => slide.no))
  })

  it('keeps the deck\'s links as links, to their real addresses', async () => {
    const found = links(await loadPdf('os-workshop.pdf'))
    const wanted = slides.flatMap(slide => [...slide.content.matchAll(/\]\((https?:[^)\s]+)\)/g)]
      .map(match => ({ page: slide.no, uri: match[1] })))
    expect(wanted.length, 'the deck links to the documentation').toBeGreaterThan(0)
    for (const link of wanted)
      expect(found, `a link to ${link.uri} on page ${link.page}`).toContainEqual(link)
    expect(found.filter(link => /localhost|127\.0\.0\.1/.test(link.uri))).toEqual([])
  })

  it('is text, not pictures: far smaller than a picture per slide', () => {
    // the picture handout of this deck weighed about 9 MB
    for (const name of ['os-workshop.pdf', ...(WITH_CLICKS ? ['os-workshop-clicks.pdf'] : [])]) {
      const size = statSync(path.join(out, name)).size
      expect(size, `${name}: ${(size / 1e6).toFixed(1)} MB`).toBeLessThan(2e6)
    }
  })

  it.runIf(WITH_CLICKS)('writes os-workshop-clicks.pdf with a page per click step', async () => {
    const file = path.join(out, 'os-workshop-clicks.pdf')
    expect(existsSync(file), run?.output.slice(-2000)).toBe(true)
    const { pages, blank } = await pdfInfo(file)
    // every slide once, plus one page per click; the house diagram alone adds 4
    const house = slides.filter(s => /<HouseDiagram\b/.test(s.content)).length
    expect(pages).toBeGreaterThanOrEqual(slides.length + 4 * house)
    expect(blank, 'pages without any text').toEqual([])
  })

  it.runIf(WITH_CLICKS)('points each outline entry of the clicks PDF at the slide\'s first step', async () => {
    const file = path.join(out, 'os-workshop-clicks.pdf')
    const text = (await pagesText(file)).map(squash)
    const entries = readOutline(await loadPdf('os-workshop-clicks.pdf')).flatMap(chapter => [chapter, ...chapter.children])
    expect(entries.length).toBe(slides.length)
    expect(entries[0].page).toBe(1)
    entries.forEach((entry, i) => {
      expect(text[entry.page - 1], `page ${entry.page} shows "${entry.title}"`).toContain(squash(shownTitle(slides[i])))
      if (i > 0) {
        expect(entry.page, `"${entry.title}" comes after the slide before it`).toBeGreaterThan(entries[i - 1].page)
        // the page before a slide's first step belongs to the slide before
        expect(text[entry.page - 2], `page ${entry.page - 1} is not "${entry.title}" yet`).not.toContain(squash(shownTitle(slides[i])))
      }
    })
  })

  it('asked for nothing outside this machine', () => {
    expect(report, 'the export wrote no report').toBeTruthy()
    expect(report.externalRequests).toEqual([])
  })
})
