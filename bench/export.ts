// The PDF handout's cost per slide, next to a plain 7-slide Slidev deck exported the
// same way (scripts/export.js, one page per slide) in the same run.
import type { Row } from './measure'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDeck } from '../tests/deck/deck'
import { median, PROJECT, timeCommand } from './measure'

const PLAIN_DECK = join(PROJECT, 'bench', 'plain-deck', 'slides.md')

async function perSlide(entry: string, runs: number): Promise<number> {
  const slides = (await loadDeck(entry)).length
  const out = mkdtempSync(join(tmpdir(), 'bench-export-'))
  try {
    const times = await timeCommand(process.execPath, ['scripts/export.js', '--entry', entry, '--no-clicks', '--out-dir', out], runs, true)
    return median(times) / slides
  }
  finally {
    rmSync(out, { recursive: true, force: true })
  }
}

export async function benchExport(runs: number): Promise<Row[]> {
  const plain = await perSlide(PLAIN_DECK, runs)
  const workshop = await perSlide(join(PROJECT, 'slides.md'), runs)
  return [
    { name: 'export: a plain 7-slide Slidev deck to PDF, per slide (baseline E)', medianMs: plain, runs },
    { name: 'export: the workshop deck to PDF, per slide', medianMs: workshop, runs, target: '≤ 1.5 × E', limitMs: 1.5 * plain },
  ]
}
