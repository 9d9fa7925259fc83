// The exercise editor's Python colours (the code palette, deck/code-palette.ts, as a CodeMirror
// highlight style), and Python code as highlighted lines for code shown without an editor:
// the printed exercise slide.
import type { Tag } from '@lezer/highlight'
import type { CodeKind } from './code-palette'
import { pythonLanguage } from '@codemirror/lang-python'
import { HighlightStyle } from '@codemirror/language'
import { highlightCode, tags as t } from '@lezer/highlight'
import { CODE_COLOURS } from './code-palette'

/** Lezer's Python tags of each kind, close to what Shiki's grammar marks. */
const TAGS: [CodeKind, Tag[]][] = [
  ['comment', [t.comment]],
  ['keyword', [t.keyword, t.modifier, t.escape, t.definitionOperator, t.arithmeticOperator, t.compareOperator, t.updateOperator, t.bitwiseOperator, t.logicOperator]],
  ['string', [t.string, t.special(t.string)]],
  ['constant', [t.number, t.bool, t.null, t.self]],
  ['function', [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))]],
  ['name', [t.className, t.definition(t.className)]],
]

/** Light colours, and the dark ones under html.dark (Slidev's dark mode). */
export const codeHighlight = HighlightStyle.define(TAGS.map(([kind, tag]) => ({
  tag,
  'color': CODE_COLOURS[kind].light,
  'html.dark &': { color: CODE_COLOURS[kind].dark },
})))

interface CodePiece {
  text: string
  /** the highlight style's classes, empty for plain text */
  classes: string
}

interface CodeLine {
  pieces: CodePiece[]
  /** where a wrapped part of the line starts, in characters: one level deeper than the line */
  hang: number
}

/** Where a wrapped part of a line of code starts: one indentation level (4) deeper than the line. */
export function hangOf(line: string): number {
  return line.match(/^ */)![0].length + 4
}

let stylesMounted = false

/** The highlight style's CSS on the page: an editor mounts it, printed code has none. */
function mountStyles() {
  if (stylesMounted || typeof document === 'undefined')
    return
  const style = document.createElement('style')
  style.textContent = codeHighlight.module!.getRules()
  document.head.append(style)
  stylesMounted = true
}

export function highlightPython(code: string): CodeLine[] {
  mountStyles()
  const lines: CodePiece[][] = [[]]
  highlightCode(
    code,
    pythonLanguage.parser.parse(code),
    codeHighlight,
    (text, classes) => lines.at(-1)!.push({ text, classes }),
    () => lines.push([]),
  )
  return lines.map((pieces) => {
    const text = pieces.map(p => p.text).join('')
    // an empty line keeps its height
    return { pieces: text ? pieces : [{ text: ' ', classes: '' }], hang: hangOf(text) }
  })
}
