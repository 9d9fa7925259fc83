// A small Markdown renderer for the exercise READMEs on the exercise slides:
// headings, paragraphs, fenced code, lists, tables, `code`, **bold** and *italic*.
// Everything is escaped first, so a README can never inject HTML into the deck.

function escape(text: string) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** One line of text: `code`, **bold**, *italic*, _italic_. */
export function renderInline(text: string): string {
  const parts = text.split(/(`[^`]+`)/)
  return parts.map((part) => {
    if (part.length > 1 && part.startsWith('`') && part.endsWith('`'))
      return `<code>${escape(part.slice(1, -1))}</code>`
    return escape(part)
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^\w*])\*([^*\s][^*]*)\*\B/g, '$1<em>$2</em>')
      .replace(/(^|\W)_([^_\s][^_]*)_\b/g, '$1<em>$2</em>')
  }).join('')
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map(c => c.trim())
}

/** A Markdown document as HTML (block level). */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  const out: string[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]
    if (!line.trim()) {
      i++
      continue
    }
    const fence = line.match(/^\s*(`{3,}|~{3,})\s*([\w-]*)/)
    if (fence) {
      const body: string[] = []
      i++
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++])
      i++
      out.push(`<pre class="md-code" data-lang="${escape(fence[2] || 'text')}"><code>${escape(body.join('\n'))}</code></pre>`)
      continue
    }
    const heading = line.match(/^(#{1,6})\s+(.*)$/)
    if (heading) {
      const level = Math.min(6, heading[1].length + 2)
      out.push(`<h${level}>${renderInline(heading[2])}</h${level}>`)
      i++
      continue
    }
    if (/^\s*\|/.test(line) && i + 1 < lines.length && /^\s*(?:\|\s*)?:?-{2,}/.test(lines[i + 1])) {
      const head = cells(line)
      i += 2
      const rows: string[][] = []
      while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(cells(lines[i++]))
      out.push(`<table><thead><tr>${head.map(c => `<th>${renderInline(c)}</th>`).join('')}</tr></thead><tbody>${
        rows.map(r => `<tr>${r.map(c => `<td>${renderInline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`)
      continue
    }
    const bullet = /^\s*(?:[-*]|\d+\.)\s+/
    if (bullet.test(line)) {
      const ordered = /^\s*\d+\./.test(line)
      const items: string[] = []
      while (i < lines.length && lines[i].trim()) {
        if (bullet.test(lines[i]))
          items.push(lines[i].replace(bullet, ''))
        else
          items[items.length - 1] += ` ${lines[i].trim()}`
        i++
      }
      const tag = ordered ? 'ol' : 'ul'
      out.push(`<${tag}>${items.map(item => `<li>${renderInline(item)}</li>`).join('')}</${tag}>`)
      continue
    }
    const paragraph: string[] = []
    while (i < lines.length && lines[i].trim() && !/^\s*(?:`{3,}|~{3,}|#{1,6}\s|\||[-*]\s|\d+\.\s)/.test(lines[i]))
      paragraph.push(lines[i++].trim())
    if (!paragraph.length)
      paragraph.push(lines[i++].trim())
    out.push(`<p>${renderInline(paragraph.join(' '))}</p>`)
  }
  return out.join('\n')
}

/** The sections of a README by their `## ` heading ('' for the text before the first). */
export function sections(markdown: string): Map<string, string> {
  const found = new Map<string, string>()
  let name = ''
  let body: string[] = []
  let inFence = false
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(?:`{3,}|~{3,})/.test(line))
      inFence = !inFence
    const heading = !inFence && line.match(/^##\s+(.*)$/)
    if (heading) {
      found.set(name, body.join('\n').trim())
      name = heading[1].trim()
      body = []
    }
    else {
      body.push(line)
    }
  }
  found.set(name, body.join('\n').trim())
  return found
}
