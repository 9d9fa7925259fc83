// The deck's shape: every slide has a title and speaker notes, the introduction
// covers its six ideas, and the length is that of a workshop.

import type { DeckSlide } from './deck'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { deckText, loadDeck, ROOT } from './deck'

let slides: DeckSlide[] = []
let text = ''

beforeAll(async () => {
  slides = await loadDeck()
  text = deckText(slides)
})

/** Terms that are missing from the deck (case-insensitive). */
function missing(terms: (string | RegExp)[]) {
  return terms.filter(term => typeof term === 'string'
    ? !text.toLowerCase().includes(term.toLowerCase())
    : !term.test(text))
}

describe('deck structure', () => {
  it('has between 40 and 70 slides', () => {
    expect(slides.length, `the deck has ${slides.length} slides`).toBeGreaterThanOrEqual(40)
    expect(slides.length, `the deck has ${slides.length} slides`).toBeLessThanOrEqual(70)
  })

  it('gives every slide a title', () => {
    const untitled = slides.filter(s => !s.title).map(s => `slide ${s.no} (${s.file})`)
    expect(untitled, 'slides without a title (a # heading or title: in frontmatter)').toEqual([])
  })

  it('gives every slide speaker notes', () => {
    const silent = slides.filter(s => !s.note.replace(/<!--|-->/g, '').trim()).map(s => `slide ${s.no}: ${s.title || '(untitled)'}`)
    expect(silent, 'slides without notes (an HTML comment at the end of the slide)').toEqual([])
  })

  it('loads every pages/*.md file it imports (no broken src:)', () => {
    const pagesDir = path.join(ROOT, 'pages')
    const used = new Set(slides.map(s => s.file))
    const entry = readFileSync(path.join(ROOT, 'slides.md'), 'utf8')
    const imported = [...entry.matchAll(/^src:\s*(\S+)\s*$/gm)].map(m => path.normalize(m[1]))
    const broken = imported.filter(file => !used.has(path.normalize(file)))
    expect(broken, 'src: imports that produced no slide').toEqual([])
    let files: string[] = []
    try {
      files = readdirSync(pagesDir).filter(f => f.endsWith('.md'))
    }
    catch {}
    for (const f of files)
      expect(imported.map(p => path.basename(p)), `pages/${f} is not imported by slides.md`).toContain(f)
  })
})

describe('the introduction covers its six ideas', () => {
  it('1. os is a bridge to the operating system', () => {
    expect(missing(['bridge', 'operating system'])).toEqual([])
  })

  it('2. the OS manages memory, the file system and the CPU', () => {
    expect(missing(['memory', 'file system', 'CPU'])).toEqual([])
  })

  it('3. the house picture: guest, manager, protocol, with the diagram', () => {
    expect(missing(['house', 'guest', 'manager', 'protocol', /<HouseDiagram\b/])).toEqual([])
  })

  it('3b. the slide with the house diagram declares its four clicks', () => {
    const house = slides.filter(s => /<HouseDiagram\b/.test(s.content))
    expect(house.length, 'no slide uses <HouseDiagram />').toBeGreaterThan(0)
    for (const s of house)
      expect(Number(s.frontmatter.clicks), `slide ${s.no} needs "clicks: 4" in its frontmatter`).toBe(4)
  })

  it('4. one protocol, several houses: os.name, os.sep, os.linesep on Windows, macOS, Linux', () => {
    expect(missing(['os.name', 'os.sep', 'os.linesep', 'Windows', 'macOS', 'Linux'])).toEqual([])
  })

  it('5. everyday tasks: creating folders, renaming, which OS', () => {
    expect(missing([
      /creat\w*\s+(?:a\s+|new\s+|the\s+)?(?:folders?|director(?:y|ies))|make\s+(?:a\s+)?(?:folders?|director(?:y|ies))|os\.makedirs?\(/i,
      /renam/i,
      /which\s+(?:OS|operating system)/i,
    ])).toEqual([])
  })

  it('6. where os comes from: sys.path, site-packages, sys.modules, os.__file__, from os import', () => {
    expect(missing(['sys.path', 'site-packages', 'sys.modules', 'os.__file__', 'from os import'])).toEqual([])
  })
})
