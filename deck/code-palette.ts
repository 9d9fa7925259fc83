// The colours of all code in the deck, in one table: static blocks (Shiki, setup/shiki.ts),
// live blocks (Monaco, which Slidev colours with the same Shiki themes) and the exercise
// editor and its printed code (CodeMirror, deck/highlight-python.ts).
// GitHub's default light and dark themes (Primer), the light comment and function colours
// darkened: every colour reads at 4.5:1 at least on the code background
// (--slidev-code-background in styles/index.css: #f3f5f7 light, #1d2228 dark), also on the
// exercise editor's highlighted line.

export type CodeKind = 'text' | 'comment' | 'keyword' | 'string' | 'constant' | 'function' | 'name'

export const CODE_COLOURS: Record<CodeKind, { light: string, dark: string }> = {
  text: { light: '#1f2328', dark: '#e6edf3' },
  comment: { light: '#59636e', dark: '#8b949e' },
  // also operators (=, ==, and) and string prefixes (f"...")
  keyword: { light: '#cf222e', dark: '#ff7b72' },
  string: { light: '#0a3069', dark: '#a5d6ff' },
  // numbers, True/None, built-ins (print, len), self
  constant: { light: '#0550ae', dark: '#79c0ff' },
  function: { light: '#6639ba', dark: '#d2a8ff' },
  // class names, keyword arguments (exist_ok=True)
  name: { light: '#953800', dark: '#ffa657' },
}

/** TextMate scopes of each kind, as GitHub's themes have them; a later, deeper scope wins. */
const SCOPES: [CodeKind, string[]][] = [
  ['comment', ['comment', 'punctuation.definition.comment', 'string.comment']],
  ['keyword', ['constant.other.placeholder', 'constant.character']],
  ['constant', ['constant', 'entity', 'variable.language', 'variable.other.constant', 'support', 'meta.property-name', 'meta.module-reference']],
  ['name', ['entity.name', 'meta.definition.variable', 'variable']],
  ['text', ['variable.parameter.function', 'variable.other', 'meta.block', 'meta.object.member', 'meta.embedded.expression', 'storage.modifier.import']],
  ['function', ['entity.name.function']],
  ['keyword', ['keyword', 'storage', 'storage.type', 'punctuation.section.embedded']],
  ['string', ['string', 'string punctuation.section.embedded source', 'string.regexp']],
  ['constant', ['string variable']],
]

/** The Shiki (TextMate) theme of one mode. */
export function shikiTheme(mode: 'light' | 'dark') {
  return {
    name: `workshop-${mode}`,
    type: mode,
    colors: { 'editor.foreground': CODE_COLOURS.text[mode] },
    tokenColors: [
      { settings: { foreground: CODE_COLOURS.text[mode] } },
      ...SCOPES.map(([kind, scope]) => ({ scope, settings: { foreground: CODE_COLOURS[kind][mode] } })),
    ],
  }
}
