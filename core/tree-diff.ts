// Folder trees: compare two of them in words, and draw one as a picture.
import type { FileValue, Tree } from './spec'

export type Mark = 'created' | 'deleted' | 'renamed' | 'changed' | 'missing' | 'unexpected'

export interface TreeProblem {
  kind: 'missing-folder' | 'missing-file' | 'rename' | 'extra-folder' | 'extra-file' | 'content'
  path: string
  /** For a rename: the name the file should have now. */
  to?: string
  message: string
}

const isFolder = (path: string) => path.endsWith('/')
const code = (text: string) => `\`${text}\``

/** Adds the parent folders that file paths imply, so specs need not list them. */
export function withParents(tree: Tree): Tree {
  const full: Tree = {}
  for (const [path, value] of Object.entries(tree)) {
    const parts = path.replace(/\/$/, '').split('/')
    for (let i = 1; i < parts.length; i++) full[`${parts.slice(0, i).join('/')}/`] = ''
    full[path] = isFolder(path) ? '' : value
  }
  return full
}

/** Two files match when their text is equal; a `{size}` on either side compares sizes only. */
function sameFile(a: FileValue, b: FileValue): boolean {
  if (typeof a === 'string' && typeof b === 'string')
    return a === b
  return byteSize(a) === byteSize(b)
}

function byteSize(value: FileValue): number {
  return typeof value === 'string' ? new TextEncoder().encode(value).length : value.size
}

/** What is wrong with `actual`, compared with `expected`, in words a beginner can act on. */
export function diffTrees(expectedTree: Tree, actualTree: Tree, beforeTree: Tree = {}): TreeProblem[] {
  const expected = withParents(expectedTree)
  const actual = withParents(actualTree)
  const missing = Object.keys(expected).filter(p => !(p in actual)).sort()
  const extra = new Set(Object.keys(actual).filter(p => !(p in expected)))
  const problems: TreeProblem[] = []

  for (const path of missing) {
    if (isFolder(path)) {
      problems.push({ kind: 'missing-folder', path, message: `missing folder ${code(path)}` })
      continue
    }
    const twin = [...extra].sort().find(p => !isFolder(p) && sameFile(actual[p], expected[path]))
    if (twin !== undefined) {
      extra.delete(twin)
      problems.push({ kind: 'rename', path: twin, to: path, message: `${code(twin)} should now be ${code(path)}` })
    }
    else {
      problems.push({ kind: 'missing-file', path, message: `missing file ${code(path)}` })
    }
  }
  for (const path of [...extra].sort()) {
    const was = path in beforeTree
    const what = isFolder(path) ? 'folder' : 'file'
    const message = was
      ? `${what} ${code(path)} should be gone by now`
      : `${what} ${code(path)} should not be there`
    problems.push({ kind: isFolder(path) ? 'extra-folder' : 'extra-file', path, message })
  }
  for (const path of Object.keys(expected).sort()) {
    if (isFolder(path) || !(path in actual) || sameFile(expected[path], actual[path]))
      continue
    problems.push({
      kind: 'content',
      path,
      message: `${code(path)} holds ${showFile(actual[path])}, expected ${showFile(expected[path])}`,
    })
  }
  return problems
}

function showFile(value: FileValue): string {
  if (typeof value !== 'string')
    return `${value.size} bytes`
  return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)` : JSON.stringify(value)
}

/**
 * What a run did to its folder, for a picture of it: created, deleted, renamed or changed
 * entries, and "was <old path>" beside each renamed file. A new file with the text of a
 * removed one is that file renamed; among several, the one of the same name (moved).
 */
export function runChanges(before: Tree, after: Tree): { marks: Record<string, Mark>, notes: Record<string, string> } {
  const marks: Record<string, Mark> = {}
  const notes: Record<string, string> = {}
  const base = (path: string) => path.split('/').pop()
  const unpaired = Object.keys(before).filter(p => !(p in after) && !isFolder(p))
  for (const path of Object.keys(after).filter(p => !(p in before))) {
    const same = isFolder(path) ? [] : unpaired.filter(p => sameFile(before[p], after[path]))
    const from = same.find(p => base(p) === base(path)) ?? same[0]
    marks[path] = from ? 'renamed' : 'created'
    if (from) {
      notes[path] = `was ${from}`
      unpaired.splice(unpaired.indexOf(from), 1)
    }
  }
  for (const path of Object.keys(before)) {
    if (!(path in after) && (isFolder(path) || unpaired.includes(path)))
      marks[path] = 'deleted'
  }
  for (const path of Object.keys(after)) {
    if (path in before && !isFolder(path) && !sameFile(before[path], after[path]))
      marks[path] = 'changed'
  }
  return { marks, notes }
}

/** Marks that show the problems on a picture of the actual tree. */
export function problemMarks(problems: TreeProblem[]): Record<string, Mark> {
  const marks: Record<string, Mark> = {}
  for (const p of problems) {
    if (p.kind === 'missing-file' || p.kind === 'missing-folder')
      marks[p.path] = 'missing'
    else if (p.kind === 'rename' || p.kind === 'content')
      marks[p.path] = 'changed'
    else marks[p.path] = 'unexpected'
  }
  return marks
}

const MARK_WORDS: Record<Mark, string> = {
  created: 'new',
  deleted: 'deleted',
  renamed: 'renamed',
  changed: 'wrong',
  missing: 'missing',
  unexpected: 'should not be here',
}

/** The tree as text, `├──` style; marked paths get a note, missing ones are drawn too. */
export function drawTree(tree: Tree, marks: Record<string, Mark> = {}, notes: Record<string, string> = {}): string {
  const all = withParents({ ...tree, ...Object.fromEntries(Object.keys(marks).map(p => [p, ''])) })
  const children = new Map<string, string[]>()
  for (const path of Object.keys(all)) {
    const parent = path.replace(/[^/]+\/?$/, '')
    children.set(parent, [...(children.get(parent) ?? []), path])
  }
  const lines = ['.']
  const walk = (folder: string, indent: string) => {
    const entries = (children.get(folder) ?? []).sort((a, b) => a.localeCompare(b))
    entries.forEach((path, i) => {
      const last = i === entries.length - 1
      const name = path.slice(folder.length)
      const mark = marks[path]
      const note = notes[path] ?? (mark ? MARK_WORDS[mark] : '')
      lines.push(`${indent}${last ? '└── ' : '├── '}${name}${note ? `   ← ${note}` : ''}`)
      if (isFolder(path))
        walk(path, indent + (last ? '    ' : '│   '))
    })
  }
  walk('', '')
  return lines.length === 1 ? '. (empty folder)' : lines.join('\n')
}
