// Folder trees compared in words, marked and drawn.

import { describe, expect, it } from 'vitest'
import { changeMarks, diffTrees, drawTree, withParents } from '../../core/tree-diff'

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

it('changeMarks sees created, deleted, renamed and changed entries', () => {
  const before = { 'a.txt': 'A', 'gone.txt': 'G', 'edit.txt': '1' }
  const after = { 'a.md': 'A', 'new/': '', 'edit.txt': '2' }
  expect(changeMarks(before, after)).toEqual({ 'a.md': 'renamed', 'new/': 'created', 'gone.txt': 'deleted', 'edit.txt': 'changed' })
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
