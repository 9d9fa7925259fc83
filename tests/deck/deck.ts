// Load the deck the way Slidev does (slides.md plus its `src:` imports of pages/*.md).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from '@slidev/parser/fs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const ENTRY = path.join(ROOT, 'slides.md')

export interface DeckSlide {
  /** 1-based slide number, as in the URL `/<no>` */
  no: number
  title: string
  content: string
  note: string
  frontmatter: Record<string, any>
  /** file the slide comes from, relative to the project */
  file: string
}

export async function loadDeck(entry = ENTRY): Promise<DeckSlide[]> {
  const root = path.dirname(entry)
  const data = await load({ roots: [root], userRoot: root }, entry)
  return data.slides
    // hidden / disabled slides are not part of the presentation
    .filter(s => !s.frontmatter?.hide && !s.frontmatter?.disabled)
    .map((s, i) => ({
      no: i + 1,
      title: String(s.title ?? s.frontmatter?.title ?? '').trim(),
      content: s.content ?? '',
      note: (s.note ?? '').trim(),
      frontmatter: s.frontmatter ?? {},
      file: path.relative(root, s.source?.filepath ?? entry),
    }))
}
