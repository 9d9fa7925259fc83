// Every ```python block of the deck runs, and prints what the slide says it prints.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { loadDeck } from './deck'
import { checkRun, extractSnippets, outputMatches, runSnippet } from './snippets'

const TIMEOUT_MS = 10_000
const slides = await loadDeck()
const snippets = extractSnippets(slides)
const command = process.env.PYTHON ?? 'python3'
// resolve launcher shims (pyenv, ...) once: every snippet then starts the interpreter directly
let python = command
try {
  python = execFileSync(command, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim() || command
}
catch {}

describe('python snippets of the deck', () => {
  it(`${command} is available`, () => {
    expect(() => execFileSync(python, ['--version'], { stdio: 'pipe' }), `"${command}" must be on PATH to check the snippets`).not.toThrow()
  })

  it('the deck has python snippets to check', () => {
    expect(snippets.length).toBeGreaterThan(0)
  })

  for (const snippet of snippets) {
    it(snippet.name, async () => {
      const result = await runSnippet(snippet, { python, timeoutMs: TIMEOUT_MS })
      const problems = checkRun(snippet, result, TIMEOUT_MS)
      expect(problems, `slide ${snippet.slide}, python block ${snippet.index}:\n${snippet.code}`).toEqual([])
    }, TIMEOUT_MS + 5_000)
  }
})

// the checker itself, so a broken checker cannot pass everything silently
describe('snippet checker', () => {
  it('extracts code, expected output, raises and tree', () => {
    const [a, b] = extractSnippets([{
      no: 7,
      frontmatter: { tree: { 'a.txt': 'A' } },
      content: [
        '```python {monaco-run} {autorun:false}',
        'import os',
        'print(os.listdir())',
        '```',
        '',
        '```text',
        '[\'a.txt\']',
        '```',
        '',
        '```python',
        '# raises FileNotFoundError',
        'open("nope")',
        '```',
        'Some words',
        '```text',
        'not attached',
        '```',
      ].join('\n'),
    }])
    expect(a.expected).toBe('[\'a.txt\']')
    expect(a.meta).toBe('{monaco-run} {autorun:false}')
    expect(a.tree).toEqual({ 'a.txt': 'A' })
    expect(a.name).toContain('slide 7')
    expect(b.raises).toBe('FileNotFoundError')
    expect(b.expected).toBeUndefined()
  })

  it('matches output with trailing spaces and ...', () => {
    expect(outputMatches('cwd: /tmp/x  \nFalse\n\n', 'cwd: ...\nFalse')).toBe(true)
    expect(outputMatches('a\nb', 'a\nc')).toBe(false)
    expect(outputMatches('one\ntwo\nthree', '...\nthree')).toBe(false)
  })

  it('runs in a fresh folder with the tree, and catches wrong output and wrong errors', async () => {
    const [ok, wrong, raises] = extractSnippets([{
      no: 1,
      frontmatter: { tree: { 'notes/': '', 'notes/a.txt': 'hi' } },
      content: [
        '```python',
        'import os',
        'print(sorted(os.listdir()), open("notes/a.txt").read())',
        '```',
        '```text',
        '[\'notes\'] hi',
        '```',
        '```python',
        'print(1)',
        '```',
        '```text',
        '2',
        '```',
        '```python',
        '# raises KeyError',
        'raise ValueError("no")',
        '```',
      ].join('\n'),
    }])
    expect(checkRun(ok, await runSnippet(ok))).toEqual([])
    expect(checkRun(wrong, await runSnippet(wrong))).not.toEqual([])
    expect(checkRun(raises, await runSnippet(raises))).not.toEqual([])
  })
})
