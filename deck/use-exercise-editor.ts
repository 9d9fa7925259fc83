// The exercise slide's editor: CodeMirror (deck/code-editor.ts), loaded with the first
// exercise slide that is shown, opened on the learner's code and as tall as its function.

import type { Ref } from 'vue'
import type { CodeEditor } from './code-editor'
import { nextTick, onBeforeUnmount, ref, watch } from 'vue'

interface EditorOptions {
  /** the learner's code: the editor shows it, and writes what they type to it */
  code: Ref<string>
  /** settles once the code is the one to open on (under dev: the file on disk) */
  ready: Promise<void>
  /** Ctrl+Enter */
  onCheck: () => void
}

export function useExerciseEditor(box: Ref<HTMLDivElement | undefined>, { code, ready, onCheck }: EditorOptions) {
  let editor: CodeEditor | undefined
  let disposed = false
  /** the editor's height (px): its function whole, from the lines shown above the def to its last line */
  const fit = ref<number>()
  /** reached by the Tab key: Tab moves on until the learner types or clicks (the key line says so) */
  const tabMovesFocus = ref(false)

  watch(box, async (element, old) => {
    if (editor && element !== old) {
      editor.destroy()
      editor = undefined
    }
    if (!element || editor)
      return
    const [{ createCodeEditor }] = await Promise.all([import('./code-editor'), ready])
    if (disposed || editor || element !== box.value)
      return
    editor = createCodeEditor(element, {
      doc: code.value,
      label: 'task.py: your code',
      onChange: (text) => {
        if (text !== code.value)
          code.value = text
      },
      onCheck,
      onTabMovesFocus: (moves) => {
        tabMovesFocus.value = moves
      },
    })
    // once CodeMirror has measured its lines; then the function again, in the box's new size
    requestAnimationFrame(async () => {
      fit.value = editor?.functionHeight()
      await nextTick()
      editor?.showFunction()
    })
  }, { immediate: true, flush: 'post' })

  // Reset, Undo reset and "Put it in the editor" change the code from outside
  watch(code, text => editor?.set(text))

  onBeforeUnmount(() => {
    disposed = true
    editor?.destroy()
    editor = undefined
  })

  return { fit, tabMovesFocus }
}
