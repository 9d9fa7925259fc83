// The deck's shape: every slide has a title and speaker notes, the introduction
// covers its six ideas, and the length is that of a workshop.

import type { DeckSlide } from '../../support/deck'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fences } from '../../deck/markdown-blocks'
import { loadDeck, ROOT } from '../../support/deck'
import { chapters, clock, readmeSchedule } from './schedule'

let slides: DeckSlide[] = []
let shortDeck: DeckSlide[] = []

beforeAll(async () => {
  slides = await loadDeck()
  shortDeck = await loadDeck(path.join(ROOT, 'short.md'))
})

/** The three-hour deck's one break, after this chapter's practice. */
const BREAK_AFTER = 'pages/09-making-folders.md'
const BREAK_MINUTES = 10

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

  it('shows each traceback whole, in one block with its error line', () => {
    const blocks = slides.flatMap(s => fences(s.content)
      .filter(f => f.code.includes('Traceback (most recent call last)'))
      .map(f => ({ slide: `slide ${s.no} (${s.title})`, code: f.code })))
    expect(blocks.length).toBeGreaterThan(0)
    const cut = blocks.filter(b => !/^\w+(?:Error|Exception): /m.test(b.code)).map(b => b.slide)
    expect(cut, 'a traceback block without its error line').toEqual([])
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
    // what the picture draws (its <text> labels), not what the component's comments say
    const diagram = readFileSync(path.join(ROOT, 'components', 'HouseDiagram.vue'), 'utf8')
    const drawn = [...diagram.matchAll(/<text\b[^>]*>([^<]+)<\/text>/g)].map(m => m[1].trim())
    for (const label of ['the guest', 'the protocol', 'the house manager', 'Hardware'])
      expect(drawn, `the house diagram labels ${label}`).toContain(label)
  })

  it('4. one protocol in every house: os.name, os.sep, os.linesep on Windows, macOS and Linux', () => {
    slideSaying('02-one-protocol.md', ['os.name', 'os.sep', 'os.linesep', 'Windows', 'macOS', 'Linux'])
  })

  it('5. everyday tasks: which OS, making folders, renaming', () => {
    slideSaying('04-everyday-tasks.md', [/which\s+(?:OS|operating system)/i, /os\.makedirs?\(|folder/i, /renam/i])
  })

  it('6. what import os does: sys.modules, sys.path, os.__file__, and from os import', () => {
    slideSaying('05-import-os.md', ['import os', 'sys.modules'])
    slideSaying('05-import-os.md', ['os.__file__'])
    slideSaying('05-import-os.md', ['from os import'])
    // and where it really lives: the standard library, not site-packages
    slideSaying('05-import-os.md', ['site-packages', /standard library/i])
  })
})

describe('paced like a workshop: chapters with minutes, and practice after the chapter it needs', () => {
  const EXERCISE = /<ExerciseSlide id="(\d\d)-[\w-]+"/

  it('gives every chapter its minutes in the notes of its first slide, and only there', () => {
    for (const chapter of chapters(slides)) {
      expect(chapter.teaching, `${chapter.file}: its first slide's notes start with "Timing: N min teaching..."`).toBeGreaterThan(0)
      for (const later of chapter.slides.slice(1))
        expect(later.note, `slide ${later.no} (${later.file}) is not a chapter's first slide`).not.toMatch(/^Timing:/m)
    }
  })

  it('puts each exercise after the teaching it needs: at the end of its chapter, in number order, named in the chapter\'s practice', () => {
    const seen: string[] = []
    for (const chapter of chapters(slides)) {
      const numbers = chapter.slides.map(s => EXERCISE.exec(s.content)?.[1]).filter(n => n !== undefined)
      const firstExercise = chapter.slides.findIndex(s => EXERCISE.test(s.content))
      if (firstExercise >= 0) {
        const after = chapter.slides.slice(firstExercise).filter(s => !EXERCISE.test(s.content))
        expect(after.map(s => `slide ${s.no}`), `${chapter.file}: teaching after its exercises`).toEqual([])
      }
      const named = chapter.exercises.match(/\d\d/g) ?? []
      const expected = /\d\d to \d\d/.test(chapter.exercises) && named.length === 2
        ? Array.from({ length: Number(named[1]) - Number(named[0]) + 1 }, (_, i) => String(Number(named[0]) + i).padStart(2, '0'))
        : named
      expect(numbers, `${chapter.file}: the practice in its timing names its exercise slides`).toEqual(expected)
      expect(chapter.practice > 0, `${chapter.file}: practice minutes for ${numbers.join(', ') || 'no exercise'}`).toBe(numbers.length > 0)
      seen.push(...numbers)
    }
    expect(seen, 'exercise slides in the deck, in order').toEqual(readdirSync(path.join(ROOT, 'exercises')).filter(n => /^\d\d-/.test(n)).map(n => n.slice(0, 2)))
  })

  it('lasts about three hours with its break, with practice at least every 20 minutes of teaching', () => {
    let teachingSincePractice = 0
    let total = BREAK_MINUTES
    for (const chapter of chapters(slides).filter(c => !c.optional)) {
      teachingSincePractice += chapter.teaching
      expect(teachingSincePractice, `${chapter.file}: minutes of teaching in a row before its practice`).toBeLessThanOrEqual(20)
      if (chapter.practice)
        teachingSincePractice = 0
      total += chapter.teaching + chapter.practice
    }
    expect(total).toBeGreaterThanOrEqual(170)
    expect(total).toBeLessThanOrEqual(190)
  })

  it('has the same minutes in the README\'s schedule, each chapter starting when the one before ends', () => {
    const rows = readmeSchedule(readFileSync(path.join(ROOT, 'README.md'), 'utf8'))
    const shortFiles = new Set(shortDeck.map(s => s.file))
    const expected: string[] = []
    let now = 0
    for (const chapter of chapters(slides)) {
      expected.push([chapter.optional ? 'extra' : clock(now), chapter.title, chapter.teaching, chapter.practice || '', chapter.exercises, shortFiles.has(chapter.file) ? '✓' : ''].join(' | '))
      if (!chapter.optional)
        now += chapter.teaching + chapter.practice
      if (chapter.file === BREAK_AFTER) {
        expected.push([clock(now), `Break (${BREAK_MINUTES} min)`, '', '', '', ''].join(' | '))
        now += BREAK_MINUTES
      }
    }
    expected.push([clock(now), 'End', '', '', '', ''].join(' | '))
    expect(rows.map(r => [r.start, r.chapter, r.teaching, r.practice, r.exercises, r.short].join(' | '))).toEqual(expected)
    const breakNote = slides.filter(s => s.file === BREAK_AFTER).at(-1)!.note
    expect(breakNote, `the last slide of ${BREAK_AFTER} announces the break`).toContain(`${BREAK_MINUTES}-minute break`)
  })
})

describe('the 90-minute deck (short.md)', () => {
  const headmatter = (file: string) => readFileSync(path.join(ROOT, file), 'utf8').split(/^---$/m)[1]

  it('has the workshop\'s settings but its title, so every slide looks as in the full deck', () => {
    const strip = (text: string) => text.replace(/^title: .*$/m, '')
    expect(strip(headmatter('short.md'))).toBe(strip(headmatter('slides.md')))
    expect(shortDeck[0].frontmatter.title).toMatch(/90-minute/)
  })

  it('is whole chapters of the full deck, in its order, about 90 minutes with practice', () => {
    const full = chapters(slides)
    const short = chapters(shortDeck)
    const order = short.map(c => full.findIndex(f => f.file === c.file))
    expect(order.every(i => i >= 0), 'every chapter comes from the full deck').toBe(true)
    expect(order, 'in the full deck\'s order').toEqual([...order].sort((a, b) => a - b))
    for (const [i, chapter] of short.entries()) {
      const same = full[order[i]]
      expect(chapter.slides.map(s => s.content), `${chapter.file} whole`).toEqual(same.slides.map(s => s.content))
    }
    const minutes = short.reduce((sum, c) => sum + c.teaching + c.practice, 0)
    expect(minutes).toBeGreaterThanOrEqual(80)
    expect(minutes).toBeLessThanOrEqual(95)
    expect(short.filter(c => c.practice).length, 'chapters with practice').toBeGreaterThanOrEqual(5)
  })
})
