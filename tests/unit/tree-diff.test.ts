// Folder trees compared in words, marked and drawn.

import { describe, expect, it } from 'vitest'
import { diffTrees, drawTree, runChanges, withParents } from '../../core/tree-diff'

describe('diffTrees', () => {
  it('an identical tree has no problems, and parent folders are implied', () => {
    expect(diffTrees({ 'photos/2024/a.jpg': 'x' }, { 'photos/': '', 'photos/2024/': '', 'photos/2024/a.jpg': 'x' })).toEqual([])
  })

  it('names a missing folder with its trailing slash', () => {
    const problems = diffTrees({ 'photos/': '', 'photos/2024/': '' }, { 'photos/': '' })
    expect(problems.map(p => p.message)).toEqual(['missing folder `photos/2024/`'])
  })

  it('sees a file that was not renamed', () => {
    const problems = diffTrees({ 'a.md': 'hello' }, { 'a.txt': 'hello' }, { 'a.txt': 'hello' })
    expect(problems).toEqual([{ kind: 'rename', path: 'a.txt', to: 'a.md', message: '`a.txt` should now be `a.md`' }])
  })

  it('tells a leftover file from one that should never have been made', () => {
    const problems = diffTrees({}, { 'old.txt': '', 'new.txt': '' }, { 'old.txt': '' })
    expect(problems.map(p => p.message)).toEqual(['file `new.txt` should not be there', 'file `old.txt` should be gone by now'])
  })

  it('reports different content, and compares sized files by size only', () => {
    expect(diffTrees({ 'n.txt': 'new' }, { 'n.txt': 'old' })[0].message).toBe('`n.txt` holds "old", expected "new"')
    expect(diffTrees({ 'big.bin': { size: 3 } }, { 'big.bin': 'abc' })).toEqual([])
    expect(diffTrees({ 'big.bin': { size: 4 } }, { 'big.bin': 'abc' })[0].kind).toBe('content')
  })

  it('handles spaces and non-ASCII names', () => {
    expect(diffTrees({ 'my notes/résumé.md': 'r' }, { 'my notes/résumé.txt': 'r' })[0].message)
      .toBe('`my notes/résumé.txt` should now be `my notes/résumé.md`')
  })
})

it('withParents adds every implied folder', () => {
  expect(Object.keys(withParents({ 'a/b/c.txt': '' })).sort()).toEqual(['a/', 'a/b/', 'a/b/c.txt'])
})

it('runChanges sees created, deleted, renamed and changed entries, and names where a renamed file was', () => {
  const before = { 'a.txt': 'A', 'gone.txt': 'G', 'edit.txt': '1' }
  const after = { 'a.md': 'A', 'new/': '', 'edit.txt': '2' }
  expect(runChanges(before, after)).toEqual({
    marks: { 'a.md': 'renamed', 'new/': 'created', 'gone.txt': 'deleted', 'edit.txt': 'changed' },
    notes: { 'a.md': 'was a.txt' },
  })
})

it('runChanges pairs each renamed file with one old file, the same name first, and marks the others', () => {
  // two files with the same text; one moved into a folder, one renamed in place
  const before = { 'a.txt': 'same', 'b.txt': 'same', 'old/': '' }
  const after = { 'old/': '', 'old/b.txt': 'same', 'c.txt': 'same', 'd.txt': 'same' }
  const { marks, notes } = runChanges(before, after)
  expect(notes).toEqual({ 'old/b.txt': 'was b.txt', 'c.txt': 'was a.txt' })
  expect(marks).toEqual({ 'old/b.txt': 'renamed', 'c.txt': 'renamed', 'd.txt': 'created' })
})

it('drawTree draws nested folders, marks, and an empty folder', () => {
  expect(drawTree({ 'b.txt': '', 'a/': '', 'a/x.txt': '' }, { 'a/y/': 'missing' })).toBe([
    '.',
    '├── a/',
    '│   ├── x.txt',
    '│   └── y/   ← missing',
    '└── b.txt',
  ].join('\n'))
  expect(drawTree({})).toBe('. (empty folder)')
})
