// The slides of a deck as Slidev loads them (the entry plus its `src:` imports), without
// the hidden and disabled ones: what the export, the tests and the bench count and name.
import path from 'node:path'
import { load } from '@slidev/parser/fs'

/**
 * @param {string} entry the deck's Markdown entry (slides.md, short.md)
 * @returns {Promise<import('./deck-slides').DeckSlide[]>} in order, numbered as the URL `/<no>`
 */
export async function loadSlides(entry) {
  const root = path.dirname(entry)
  const data = await load({ roots: [root], userRoot: root }, entry)
  return data.slides
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
