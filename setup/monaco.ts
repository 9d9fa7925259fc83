// Options of the live blocks' editor (Monaco): the same size as the static code
// beside it (--slidev-code-font-size in styles/index.css: 15px, line height 1.5),
// no ligatures (a beginner must be able to type what they see: `!=`, `==`, `...`),
// Python's indentation, and the code palette's colours only (no rainbow brackets).
import { defineMonacoSetup } from '@slidev/types'

export default defineMonacoSetup((monaco) => {
  // Slidev turns rainbow brackets off for the editor, but the model keeps them: off there too
  monaco.editor.onDidCreateModel(model => model.updateOptions({
    bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
  }))
  return {
    editorOptions: {
      fontSize: 15,
      lineHeight: 22.5,
      fontFamily: '\'Fira Code\', ui-monospace, monospace',
      fontLigatures: false,
      tabSize: 4,
      insertSpaces: true,
      // the static code's padding (12px 16px): Monaco fills its box but for 2px
      padding: { top: 10, bottom: 10 },
      lineDecorationsWidth: 14,
      glyphMargin: false,
      folding: false,
      renderLineHighlightOnlyWhenFocus: true,
      scrollbar: { alwaysConsumeMouseWheel: false },
    },
  }
})
