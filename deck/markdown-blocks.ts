// The blocks of a slide or a README as markdown-it (Slidev's own Markdown parser) finds
// them: fenced code with where it sits in the text, the ```text block that follows a code
// block (the output a slide promises), and a README's `## ` sections. The one reader of
// Markdown structure for the deck's transformer, the exercise slides, the export and the tests.
import MarkdownIt from 'markdown-it'

// html on, as Slidev has it: a fence inside an HTML block without a blank line is no fence
const parser = new MarkdownIt({ html: true })

interface Fence {
  /** the language, lower case: "python", "text", "" */
  lang: string
  /** the whole text after the backticks, e.g. "python {monaco-run} {autorun:false}" */
  info: string
  code: string
  /** lines (0-based) of the opening fence and just after the closing one */
  startLine: number
  endLine: number
  /** offsets in the text: the start of the opening fence line, the end of the closing one */
  start: number
  end: number
  /** offsets of `info` in the text */
  infoStart: number
  infoEnd: number
}

/** Every fenced code block of `markdown`, in order. */
export function fences(markdown: string): Fence[] {
  const lines = markdown.split('\n')
  const offsets: number[] = []
  let at = 0
  for (const line of lines) {
    offsets.push(at)
    at += line.length + 1
  }
  const lineEnd = (i: number) => offsets[i] + lines[i].replace(/\r$/, '').length
  return parser.parse(markdown, {}).filter(token => token.type === 'fence' && token.map).map((token) => {
    const [startLine, endLine] = token.map!
    const opening = lines[startLine]
    const infoStart = offsets[startLine] + opening.indexOf(token.markup) + token.markup.length
    // an unclosed fence runs to the end of the text
    const last = Math.min(endLine, lines.length) - 1
    return {
      lang: token.info.trim().split(/[\s{]/)[0].toLowerCase(),
      info: markdown.slice(infoStart, lineEnd(startLine)),
      code: token.content.replace(/\r?\n$/, '').replace(/\r$/gm, ''),
      startLine,
      endLine,
      start: offsets[startLine],
      end: lineEnd(last),
      infoStart,
      infoEnd: lineEnd(startLine),
    }
  })
}

/** The ```text block right after `fence` (only blank lines between): what the slide says it prints. */
export function expectedOutput(markdown: string, all: Fence[], fence: Fence): Fence | undefined {
  const next = all[all.indexOf(fence) + 1]
  const between = markdown.split('\n').slice(fence.endLine, next?.startLine)
  return next?.lang === 'text' && between.every(line => line.trim() === '') ? next : undefined
}

export const isPython = (lang: string) => lang === 'python' || lang === 'py' || lang === 'python3'

/** The level-2 (`## `) sections of a README by heading ('' for the text before the first). */
export function sections(readme: string): Map<string, string> {
  const text = readme.replace(/\r\n?/g, '\n')
  const lines = text.split('\n')
  const tokens = parser.parse(text, {})
  const found = new Map<string, string>()
  let name = ''
  let from = 0
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open' || token.markup !== '##' || !token.map)
      return
    found.set(name, lines.slice(from, token.map[0]).join('\n').trim())
    name = tokens[i + 1].content.trim()
    from = token.map[1]
  })
  found.set(name, lines.slice(from).join('\n').trim())
  return found
}
