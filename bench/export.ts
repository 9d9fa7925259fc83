// The PDF handout's cost, next to plain Slidev decks exported the same way
// (scripts/export.js, one page per slide, outline included) in the same run:
// - per slide: the whole export divided by its slides (the yardstick: a
//   plain 7-slide deck), which mostly spreads the start-up over the pages;
// - per page beyond start-up: the time above a 1-slide deck's, per extra page.
import type { Row } from './measure'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDeck } from '../support/deck'
import { median, PROJECT, timeCommand } from './measure'

const DECKS = {
  one: join(PROJECT, 'bench', 'one-slide-deck', 'slides.md'),
  plain: join(PROJECT, 'bench', 'plain-deck', 'slides.md'),
  workshop: join(PROJECT, 'slides.md'),
}

async function exportTime(entry: string, runs: number): Promise<{ ms: number, slides: number }> {
  const slides = (await loadDeck(entry)).length
  const out = mkdtempSync(join(tmpdir(), 'bench-export-'))
  try {
    const times = await timeCommand(process.execPath, ['scripts/export.js', '--entry', entry, '--no-clicks', '--out-dir', out], runs, true)
    return { ms: median(times), slides }
  }
  finally {
    rmSync(out, { recursive: true, force: true })
  }
}

export async function benchExport(runs: number): Promise<Row[]> {
  const one = await exportTime(DECKS.one, runs)
  const plain = await exportTime(DECKS.plain, runs)
  const workshop = await exportTime(DECKS.workshop, runs)
  const perSlide = (deck: typeof one) => deck.ms / deck.slides
  const beyondStartUp = (deck: typeof one) => (deck.ms - one.ms) / (deck.slides - one.slides)
  return [
    { name: 'export: a 1-slide Slidev deck to PDF (start-up)', medianMs: one.ms, runs },
    { name: 'export: a plain 7-slide Slidev deck to PDF, per slide (baseline E)', medianMs: perSlide(plain), runs },
    { name: `export: the workshop deck (${workshop.slides} slides) to PDF, per slide`, medianMs: perSlide(workshop), runs, target: '≤ 1.5 × E', limitMs: 1.5 * perSlide(plain) },
    { name: 'export: each page beyond start-up, plain deck', medianMs: beyondStartUp(plain), runs },
    // the plain deck's figure is a small difference of two larger times: expect noise
    { name: 'export: each page beyond start-up, workshop deck', medianMs: beyondStartUp(workshop), runs, target: '≤ 1.5 × the plain deck\'s', limitMs: 1.5 * beyondStartUp(plain) },
  ]
}
