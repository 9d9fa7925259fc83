// The exercise READMEs as the exercise slides show them.
import { describe, expect, it } from 'vitest'
import { renderInline, renderMarkdown } from '../../deck/markdown'

describe('the exercise READMEs in Markdown', () => {
  it('keeps bold around inline code (exercise 13: "**`days` days old or more**")', () => {
    expect(renderInline('that is **`days` days old**')).toBe('that is <strong><code>days</code> days old</strong>')
  })

  it('never lets a README put HTML into the deck', () => {
    expect(renderMarkdown('<script>alert(1)</script>\n\n<b>x</b>')).not.toMatch(/<script|<b>/)
  })

  it('opens a README\'s links beside the deck, and shows no picture from elsewhere', () => {
    expect(renderInline('[docs](https://docs.python.org/3/)')).toBe('<a href="https://docs.python.org/3/" target="_blank" rel="noopener">docs</a>')
    expect(renderInline('![logo](https://example.com/logo.png)')).not.toContain('<img')
  })

  it('draws a README\'s headings small, inside its panel', () => {
    expect(renderMarkdown('# Task\n\n## Details\n')).toBe('<h3>Task</h3>\n<h4>Details</h4>\n')
  })

  it('lets inline code break after a slash, never inside a name', () => {
    expect(renderInline('`os.path.join("a/b")`')).toBe('<code>os.path.join(&quot;a/<wbr>b&quot;)</code>')
    expect(renderInline('`WORKSHOP_PORT`')).toBe('<code>WORKSHOP_PORT</code>')
  })
})
