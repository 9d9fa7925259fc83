// The exercise slide's code editor: CodeMirror 6 with Python, bundled with the
// deck (works offline). Tab indents 4 spaces, Shift+Tab dedents, Enter keeps the
// indentation (one more level after a `:`), Ctrl/Cmd+Enter checks, Esc leaves the
// editor (the arrow keys go back to the slides). Arrived at by the Tab key, the editor
// lets Tab move on (CodeMirror's tab-focus mode) until the learner types or clicks in it,
// so a keyboard user passing through never indents the code. Long lines wrap, indented
// one level deeper than their start. The caret starts at the function, and Reset or Undo
// keep it in view; the slide sizes the editor to show the function whole (functionHeight).
//
// The editor's element carries a small hook for tests and tools:
//   element.__editor.text          the code
//   element.__editor.text = '...'  replaces it (as if typed)

import type { DecorationSet, ViewUpdate } from '@codemirror/view'
import { defaultKeymap, history, historyKeymap, indentLess, indentMore } from '@codemirror/commands'
import { python } from '@codemirror/lang-python'
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language'
import { EditorState, Prec, RangeSetBuilder } from '@codemirror/state'
import { Decoration, drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, ViewPlugin } from '@codemirror/view'
import { codeHighlight, hangOf } from './highlight-python'

export interface CodeEditor {
  view: EditorView
  /** the code in the editor */
  get: () => string
  /** replaces the code (no change event when it is the same) */
  set: (text: string) => void
  /** the height (px) of the lines from the first one shown at the start (see `firstDefLine`) to the function's last line */
  functionHeight: () => number
  /** scrolls to the function and puts the caret there (after the editor changed size) */
  showFunction: () => void
  destroy: () => void
}

interface EditorHook {
  text: string
}

const INDENT = '    '

/** Tab: 4 spaces at the caret, or indent the selected lines. */
function tab(view: EditorView): boolean {
  if (view.state.selection.ranges.some(r => !r.empty))
    return indentMore(view)
  view.dispatch(view.state.replaceSelection(INDENT), { scrollIntoView: true, userEvent: 'input' })
  return true
}

/** A wrapped line goes on one level deeper than its own indentation, so it does not read as a new line of code. */
function hangingIndents(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  let last = -1
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos)
      if (line.number > last) {
        const hang = hangOf(line.text)
        builder.add(line.from, line.from, Decoration.line({ attributes: { style: `padding-left: calc(${hang}ch + 6px); text-indent: -${hang}ch` } }))
        last = line.number
      }
      pos = line.to + 1
    }
  }
  return builder.finish()
}

const hangingIndent = ViewPlugin.fromClass(class {
  decorations: DecorationSet
  constructor(view: EditorView) {
    this.decorations = hangingIndents(view)
  }

  update(update: ViewUpdate) {
    if (update.docChanged || update.viewportChanged)
      this.decorations = hangingIndents(update.view)
  }
}, { decorations: plugin => plugin.decorations })

const DEF = /^(?:async\s+)?def\s/

/** The first `def` line (1-based). */
function defLine(text: string): number | undefined {
  const def = text.split('\n').findIndex(l => DEF.test(l))
  return def < 0 ? undefined : def + 1
}

/** The line to show at the top when the editor opens: a little above the first `def`. */
function firstDefLine(text: string): number | undefined {
  const def = defLine(text)
  if (def === undefined)
    return undefined
  // the imports and blank lines right above it stay in view
  const lines = text.split('\n')
  let top = def - 1
  while (top > 0 && (lines[top - 1].trim() === '' || /^(?:import|from)\s/.test(lines[top - 1])))
    top--
  return top + 1
}

/** The function's last line (1-based): the last indented line after the first `def`. */
function lastFunctionLine(text: string): number | undefined {
  const def = defLine(text)
  if (def === undefined)
    return undefined
  const lines = text.split('\n')
  let end = def
  for (let i = def; i < lines.length && (!lines[i].trim() || /^\s/.test(lines[i])); i++) {
    if (lines[i].trim())
      end = i + 1
  }
  return end
}

/** Where the caret starts and what a whole-text change scrolls to: the first line of `firstDefLine`. */
function functionStart(doc: EditorState['doc']): number {
  const top = firstDefLine(doc.toString())
  return top === undefined ? 0 : doc.line(top).from
}

export function createCodeEditor(parent: HTMLElement, options: {
  doc: string
  label?: string
  onChange?: (text: string) => void
  onCheck?: () => void
  /** true: Tab moves focus on (the editor was reached by keyboard); false: Tab indents */
  onTabMovesFocus?: (moves: boolean) => void
}): CodeEditor {
  let pointer = false
  const tabMovesFocus = (view: EditorView, moves: boolean) => {
    view.setTabFocusMode(moves)
    options.onTabMovesFocus?.(moves)
  }
  const initial = EditorState.create({ doc: options.doc })
  const view = new EditorView({
    parent,
    state: EditorState.create({
      selection: { anchor: functionStart(initial.doc) },
      doc: options.doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        // the code palette's colours, as the static code and the live blocks
        syntaxHighlighting(codeHighlight),
        python(),
        indentUnit.of(INDENT),
        EditorState.tabSize.of(4),
        EditorView.lineWrapping,
        hangingIndent,
        EditorView.contentAttributes.of({
          'aria-label': options.label ?? 'code',
          'spellcheck': 'false',
          'autocapitalize': 'off',
          'autocorrect': 'off',
        }),
        Prec.highest(keymap.of([
          { key: 'Mod-Enter', run: () => {
            options.onCheck?.()
            return true
          } },
          { key: 'Tab', run: tab, shift: indentLess },
          { key: 'Escape', run: (v) => {
            v.contentDOM.blur()
            return true
          } },
        ])),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.domEventHandlers({
          pointerdown: (_, v) => {
            pointer = true
            tabMovesFocus(v, false)
          },
          focus: (_, v) => {
            tabMovesFocus(v, !pointer)
            pointer = false
          },
          blur: () => options.onTabMovesFocus?.(false), // the key line goes back to the editor's own keys
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            if (update.transactions.some(t => t.isUserEvent('input') || t.isUserEvent('delete') || t.isUserEvent('paste')))
              tabMovesFocus(update.view, false) // typing: from now on Tab indents
            options.onChange?.(update.state.doc.toString())
          }
        }),
      ],
    }),
  })

  /** From `from` to the function's last line, in px. */
  const heightFrom = (from: number) => {
    const doc = view.state.doc
    const last = lastFunctionLine(doc.toString())
    return view.lineBlockAt(last === undefined ? doc.length : doc.line(last).to).bottom - view.lineBlockAt(from).top
  }
  const functionHeight = () => heightFrom(functionStart(view.state.doc))

  // open with the function in view, not the module's docstring: from the imports above it,
  // or from its def line when the whole function does not fit below them
  const showFunction = () => {
    const doc = view.state.doc
    let pos = functionStart(doc)
    const def = defLine(doc.toString())
    const room = view.scrollDOM.clientHeight - view.documentPadding.top - view.documentPadding.bottom
    if (def !== undefined && heightFrom(pos) > room + 1)
      pos = doc.line(def).from
    view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'start', yMargin: 2 }) })
  }
  requestAnimationFrame(showFunction)

  const get = () => view.state.doc.toString()
  const set = (text: string) => {
    if (text !== get()) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } })
      showFunction()
    }
  }
  const hook: EditorHook = {
    get text() {
      return get()
    },
    set text(value: string) {
      set(value)
    },
  }
  Object.defineProperty(parent, '__editor', { value: hook, configurable: true })

  return {
    view,
    get,
    set,
    functionHeight,
    showFunction,
    destroy: () => {
      view.destroy()
      delete (parent as { __editor?: EditorHook }).__editor
    },
  }
}
