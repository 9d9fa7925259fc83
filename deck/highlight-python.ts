// Python code as highlighted pieces (CodeMirror's tok-* classes, the editor's colours)
// for code shown without an editor: the printed exercise slide.
import { pythonLanguage } from '@codemirror/lang-python'
import { classHighlighter, highlightCode } from '@lezer/highlight'

export interface CodePiece {
  text: string
  /** tok-* classes, empty for plain text */
  classes: string
}

export function highlightPython(code: string): CodePiece[] {
  const pieces: CodePiece[] = []
  highlightCode(
    code,
    pythonLanguage.parser.parse(code),
    classHighlighter,
    (text, classes) => pieces.push({ text, classes }),
    () => pieces.push({ text: '\n', classes: '' }),
  )
  return pieces
}
