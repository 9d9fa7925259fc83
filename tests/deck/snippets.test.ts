// Every ```python block of the deck runs as its slide runs it (the harness's run_script,
// the slide's tree, the live blocks' time limit), on Pyodide and on CPython, and prints
// what the slide says it prints. CPython runs as an unprivileged user, like every test
// that runs code on it.
import type { Runtime } from '../../core/protocol'
import type { Snippet } from '../../support/snippets'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDeck } from '../../support/deck'
import { checkRun, extractSnippets, outputMatches, scriptRequest } from '../../support/snippets'
import { RUNTIMES_UNDER_TEST } from '../../support/unprivileged'

const slides = await loadDeck()
const snippets = extractSnippets(slides)

function where(snippet: Snippet, runtime: string) {
  return `slide ${snippet.slide}, python block ${snippet.index} of ${snippet.ofSlide}, on ${runtime}:\n${snippet.code}`
}

it('the deck has python snippets to check', () => {
  expect(snippets.length).toBeGreaterThan(0)
})

// the checker on made-up snippets, so a broken checker cannot pass everything silently
const [fine, wrong, raisesWrong] = extractSnippets([{
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

for (const [name, create] of RUNTIMES_UNDER_TEST) {
  // one runtime per file and runtime; its lanes run the snippets side by side
  describe.concurrent(`python snippets of the deck on ${name}`, () => {
    let runtime: Runtime
    beforeAll(() => {
      runtime = create()
    })
    afterAll(() => runtime?.close())

    for (const snippet of snippets) {
      it(snippet.name, async ({ expect }) => {
        const problems = checkRun(snippet, await runtime.runScript(scriptRequest(snippet)))
        expect(problems, where(snippet, name)).toEqual([])
      })
    }

    it('the checker sees the tree, and catches wrong output and a wrong exception', async ({ expect }) => {
      const [ok, printed, raised] = await Promise.all([fine, wrong, raisesWrong].map(s => runtime.runScript(scriptRequest(s))))
      expect(checkRun(fine, ok)).toEqual([])
      expect(checkRun(wrong, printed)).toEqual(['printed:\n1\n--- but the slide shows:\n2'])
      expect(checkRun(raisesWrong, raised)).toEqual(['should raise KeyError but ended with: ValueError: no'])
    })
  })
}

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

  it('names a run that failed, ran out of time or exited with an error', () => {
    expect(checkRun(fine, { status: 'failed', message: 'Python could not start' })).toEqual(['the run failed: Python could not start'])
    expect(checkRun(fine, { status: 'stopped', reason: 'timeout', how: 'restart' })[0]).toMatch(/did not finish within/)
    const exited = { output: '[\'notes\'] hi\n', output_truncated: false, exit_code: '1', tree_before: {}, tree_after: {} }
    expect(checkRun(fine, { status: 'done', report: exited })).toEqual(['exited with code 1'])
  })
})
