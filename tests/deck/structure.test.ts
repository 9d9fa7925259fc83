// The deck's shape: every slide has a title and speaker notes, the introduction
// covers its six ideas, and the length is that of a workshop.

import type { DeckSlide } from './deck'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDeck, ROOT } from './deck'

let slides: DeckSlide[] = []

beforeAll(async () => {
  slides = await loadDeck()
})

const has = (text: string, term: string | RegExp) => (typeof term === 'string' ? text.toLowerCase().includes(term.toLowerCase()) : term.test(text))

/**
 * The slide of the introduction's `chapter` (a file of pages/) that teaches an idea: its own
 * visible text (title and content, not the notes) holds every term. Fails naming the terms
 * no single slide of that chapter holds together.
 */
function slideSaying(chapter: string, terms: (string | RegExp)[]): DeckSlide {
  const found = slides.find(s => s.file === `pages/${chapter}` && terms.every(term => has(`${s.title}\n${s.content}`, term)))
  expect(found, `no slide of pages/${chapter} shows all of: ${terms.map(String).join(', ')}`).toBeDefined()
  return found!
}

describe('deck structure', () => {
  // 90 at most: about 55 teaching slides (each at most ~18 lines, so the long ones
  // were split, and copying, the home folder, permissions, glob and Windows file
  // locking were added) plus one slide per exercise (15+) in the deck
  it('has between 40 and 90 slides', () => {
    expect(slides.length, `the deck has ${slides.length} slides`).toBeGreaterThanOrEqual(40)
    expect(slides.length, `the deck has ${slides.length} slides`).toBeLessThanOrEqual(90)
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

describe('the introduction has a slide for each of its six ideas', () => {
  it('1. os is a bridge between a script and the operating system', () => {
    slideSaying('01-what-is-os.md', ['bridge', 'script', 'operating system'])
  })

  it('2. a script lives in its own memory; the OS controls files, memory and the CPU', () => {
    slideSaying('01-what-is-os.md', ['memory', /file/i, 'CPU'])
  })

  it('3. the house picture: the diagram, with guest, manager and protocol', () => {
    const house = slideSaying('01-what-is-os.md', [/<HouseDiagram\b/])
    expect(Number(house.frontmatter.clicks), `slide ${house.no} needs "clicks: 4" in its frontmatter`).toBe(4)
    const diagram = readFileSync(path.join(ROOT, 'components', 'HouseDiagram.vue'), 'utf8')
    for (const word of ['guest', 'house manager', 'protocol', 'Hardware'])
      expect(diagram, `the house diagram names the ${word}`).toContain(word)
  })

  it('4. one protocol in every house: os.name, os.sep, os.linesep on Windows, macOS and Linux', () => {
    slideSaying('02-one-protocol.md', ['os.name', 'os.sep', 'os.linesep', 'Windows', 'macOS', 'Linux'])
  })

  it('5. everyday tasks: which OS, making folders, renaming', () => {
    slideSaying('03-everyday-tasks.md', [/which\s+(?:OS|operating system)/i, /os\.makedirs?\(|folder/i, /renam/i])
  })

  it('6. what import os does: sys.modules, sys.path, os.__file__, and from os import', () => {
    slideSaying('04-import-os.md', ['import os', 'sys.modules'])
    slideSaying('04-import-os.md', ['os.__file__'])
    slideSaying('04-import-os.md', ['from os import'])
    // and where it really lives: the standard library, not site-packages
    slideSaying('04-import-os.md', ['site-packages', /standard library/i])
  })
})
