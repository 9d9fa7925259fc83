// Markdown for the exercise READMEs on the exercise slides, rendered by markdown-it
// (what Slidev itself uses) with HTML switched off, so a README can never inject
// HTML into the deck.
import MarkdownIt from 'markdown-it'

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false })
  // no pictures from elsewhere: the deck works offline
  .disable('image')

// Inline code may break after a `/` when a narrow column needs it (a path, as a URL would),
// never inside a name: `os.path.join`, `"beach.jpg"` stay whole.
markdown.renderer.rules.code_inline = (tokens, idx) =>
  `<code>${markdown.utils.escapeHtml(tokens[idx].content).replace(/\//g, '/<wbr>')}</code>`

// a README's link opens beside the deck, never in its place
markdown.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx].attrSet('target', '_blank')
  tokens[idx].attrSet('rel', 'noopener')
  return self.renderToken(tokens, idx, options)
}

// A README's `#` and `##` are headings inside a small panel: drawn as h3 and h4.
function smallHeading(tokens: { tag: string }[], idx: number, close: boolean): string {
  const level = Math.min(6, Number(tokens[idx].tag.slice(1)) + 2)
  return close ? `</h${level}>\n` : `<h${level}>`
}
markdown.renderer.rules.heading_open = (tokens, idx) => smallHeading(tokens, idx, false)
markdown.renderer.rules.heading_close = (tokens, idx) => smallHeading(tokens, idx, true)

/** One line of text: `code`, **bold**, *italic*, links. */
export function renderInline(text: string): string {
  return markdown.renderInline(text)
}

/** A Markdown document as HTML (block level). */
export function renderMarkdown(text: string): string {
  return markdown.render(text)
}
