// The deck as Slidev loads it (slides.md plus its `src:` imports of pages/*.md), through
// the same loader as the export (scripts/deck-slides.js).
import type { DeckSlide } from '../scripts/deck-slides.js'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadSlides } from '../scripts/deck-slides.js'

export type { DeckSlide }

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ENTRY = path.join(ROOT, 'slides.md')

export function loadDeck(entry = ENTRY): Promise<DeckSlide[]> {
  return loadSlides(entry)
}
