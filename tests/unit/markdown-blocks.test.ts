// The one reader of Markdown structure (deck/markdown-blocks.ts): fences as Slidev's
// markdown-it sees them, the ```text block a slide promises, a README's sections; and the
// rule that no other file of the project reads fences by hand.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { liveBlocks } from '../../deck/live-blocks'
import { expectedOutput, fences, sections } from '../../deck/markdown-blocks'

const SLIDE = [
  '# A slide',
  '',
  '````python {monaco-run} {autorun:false}',
  'print("```")',
  '````',
  '',
  '````text',
  '```',
  '````',
  '',
  '<div v-click>',
  '```python',
  'print("inside an HTML block: not a fence for Slidev either")',
  '```',
  '</div>',
  '',
  '  ~~~py',
  '  print(1)',
  '  ~~~',
  'words between',
  '```text',
  '1',
  '```',
].join('\n')

describe('fences', () => {
  const all = fences(SLIDE)

  it('finds the blocks markdown-it finds, with their code, language and info', () => {
    expect(all.map(f => [f.lang, f.code])).toEqual([
      ['python', 'print("```")'],
      ['text', '```'],
      ['py', 'print(1)'],
      ['text', '1'],
    ])
    expect(all[0].info).toBe('python {monaco-run} {autorun:false}')
  })

  it('knows where each block sits in the text', () => {
    expect(SLIDE.slice(all[0].start, all[0].end)).toBe('````python {monaco-run} {autorun:false}\nprint("```")\n````')
    expect(SLIDE.slice(all[0].infoStart, all[0].infoEnd)).toBe(all[0].info)
    expect(SLIDE.slice(all[2].start, all[2].end)).toBe('  ~~~py\n  print(1)\n  ~~~')
  })

  it('pairs a block with the ```text block right after it, and only then', () => {
    expect(expectedOutput(SLIDE, all, all[0])?.code).toBe('```')
    expect(expectedOutput(SLIDE, all, all[2]), 'words between').toBeUndefined()
    expect(liveBlocks(SLIDE).map(b => [b.code, b.expected])).toEqual([['print("```")', '```']])
  })
})

describe('sections', () => {
  it('splits a README at its ## headings, not at a ## inside code', () => {
    const readme = 'intro\n\n## Task\n\ndo it\n\n```python\n## not a heading\n```\n\n## Hints\n\nnone\n'
    expect([...sections(readme)]).toEqual([
      ['', 'intro'],
      ['Task', 'do it\n\n```python\n## not a heading\n```'],
      ['Hints', 'none'],
    ])
  })
})

describe('the one fence reader', () => {
  const ROOT = path.join(import.meta.dirname, '..', '..')
  const FOLDERS = ['core', 'deck', 'setup', 'components', 'grader', 'scripts', 'tests', 'bench']
  const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory())
      return name === 'node_modules' || name.startsWith('.') || name === '__snapshots__' ? [] : files(full)
    return /\.(?:ts|js|vue)$/.test(name) ? [full] : []
  })

  it('is deck/markdown-blocks.ts: no other file matches fences with a pattern of its own', () => {
    // a regular expression literal that holds ``` or ~~~ (or `{3 / ~{3): it reads fences
    const handMade = /(?<![/\w*])\/(?!\*)[^/\n]*(?:`\{3|```|~\{3|~~~)[^\n]*\/[dgimsuy]*/
    const offenders = FOLDERS.flatMap(folder => files(path.join(ROOT, folder)))
      .filter(file => !file.endsWith(path.join('deck', 'markdown-blocks.ts')) && !file.endsWith(path.join('unit', 'markdown-blocks.test.ts')))
      .filter(file => handMade.test(readFileSync(file, 'utf8')))
      .map(file => path.relative(ROOT, file))
    expect(offenders).toEqual([])
  })
})
