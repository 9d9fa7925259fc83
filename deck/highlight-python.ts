// Python code as highlighted lines (CodeMirror's tok-* classes, the editor's colours)
// for code shown without an editor: the printed exercise slide.
import { pythonLanguage } from '@codemirror/lang-python'
import { classHighlighter, highlightCode } from '@lezer/highlight'

export interface CodePiece {
  text: string
  /** tok-* classes, empty for plain text */
  classes: string
}

export interface CodeLine {
  pieces: CodePiece[]
  /** where a wrapped part of the line starts, in characters: one level deeper than the line */
  hang: number
}

/** Where a wrapped part of a line of code starts: one indentation level (4) deeper than the line. */
export function hangOf(line: string): number {
  return line.match(/^ */)![0].length + 4
}

export function highlightPython(code: string): CodeLine[] {
  const lines: CodePiece[][] = [[]]
  highlightCode(
    code,
    pythonLanguage.parser.parse(code),
    classHighlighter,
    (text, classes) => lines.at(-1)!.push({ text, classes }),
    () => lines.push([]),
  )
  return lines.map((pieces) => {
    const text = pieces.map(p => p.text).join('')
    // an empty line keeps its height
    return { pieces: text ? pieces : [{ text: ' ', classes: '' }], hang: hangOf(text) }
  })
}
