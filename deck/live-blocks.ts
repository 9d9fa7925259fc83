// Finds the live Python blocks of a slide and what each one needs at run time:
// the slide's `tree:` (the folder the script starts in) and the ```text block
// right after it (the output the slide promises, used when printing if Python
// cannot run). Shared by the markdown transformer and tests.
import { expectedOutput, fences } from './markdown-blocks'

interface LiveBlock {
  /** offset of the opening fence line's info text (after the backticks) */
  infoStart: number
  infoEnd: number
  info: string
  code: string
  expected?: string
  /** offsets of the whole block: the start of its opening fence line, the end of its closing fence line */
  start: number
  end: number
  /** the same for the ```text block of `expected` */
  expectedStart?: number
  expectedEnd?: number
}

const LIVE = /^\s*(?:python|py|python3)\s*\{monaco-run\}/

/** The ```python {monaco-run} blocks of a slide's markdown. */
export function liveBlocks(markdown: string): LiveBlock[] {
  const all = fences(markdown)
  return all.filter(block => LIVE.test(block.info)).map((block) => {
    const expected = expectedOutput(markdown, all, block)
    return {
      infoStart: block.infoStart,
      infoEnd: block.infoEnd,
      info: block.info,
      code: block.code,
      start: block.start,
      end: block.end,
      ...(expected && { expected: expected.code, expectedStart: expected.start, expectedEnd: expected.end }),
    }
  })
}

/** A JS expression (no braces, no double quotes) that evaluates to `value`. */
function inlineJson(value: unknown): string {
  const text = encodeURIComponent(JSON.stringify(value)).replace(/'/g, '%27')
  return `JSON.parse(decodeURIComponent('${text}'))`
}

/**
 * The info string for a live block with `runnerOptions` added:
 *   python {monaco-run} {autorun:false}  ->  python {monaco-run} {autorun:false,height:'auto',runnerOptions:JSON.parse(...)}
 * Slidev only accepts one brace level there, hence the JSON text. `height:'auto'` (unless the
 * block sets a height): the editor grows and shrinks with its code instead of keeping the
 * height it was first laid out with.
 */
export function withRunnerOptions(info: string, options: Record<string, unknown>): string {
  const match = info.match(/^(\s*[\w'-]+\s*\{monaco-run\}\s*)(\{([^}]*)\})?(.*)$/)
  if (!match)
    return info
  const [, head, , inner = '', rest] = match
  let props = inner.trim() ? `${inner.trim().replace(/,\s*$/, '')},` : ''
  if (!/\bheight\s*:/.test(props))
    props += 'height:\'auto\','
  return `${head}{${props}runnerOptions:${inlineJson(options)}}${rest}`
}

/** The longest run of backticks in `code`, plus one (at least 3): a fence that `code` cannot close. */
function fenceFor(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map(run => run.length))
  return '`'.repeat(Math.max(3, longest + 1))
}

/**
 * A live block's code as a plain highlighted block, shown until the editor (Monaco)
 * is ready: the slide shows its code at once (see styles/live-code.css).
 */
export function staticCopy(code: string, lang = 'python'): string {
  const fence = fenceFor(code)
  return `<div class="live-static">\n\n${fence}${lang}\n${code}\n${fence}\n\n</div>\n\n`
}
