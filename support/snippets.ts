import type { Profile } from '../core/profiles'
// Python snippets of the deck: find them, run them as a slide runs them, compare what
// they print.
//
// Conventions a slide can use (see the README of tests/deck):
// - frontmatter `tree:` (relative path -> text, `{ size: n }` for n bytes,
//   key ending in `/` = folder) is created in a fresh folder the snippet runs in
// - a ```text block right after a ```python block (only blank lines between) is
//   the expected output; `...` in it matches anything within one line
// - a line `# raises SomeError` in the code: the run must end with that exception
import type { RunResult, ScriptRequest } from '../core/protocol'
import type { Tree } from '../core/spec'
import { SCRIPT_LIMIT_S } from '../deck/live-state'
import { expectedOutput, fences, isPython } from '../deck/markdown-blocks'

interface SlideLike {
  no: number
  content: string
  frontmatter?: Record<string, any>
}

export interface Snippet {
  /** 1-based slide number */
  slide: number
  /** 1-based position among the python blocks of that slide */
  index: number
  /** how many python blocks the slide has */
  ofSlide: number
  /** the text after the language in the fence, e.g. `{monaco-run} {autorun:false}` */
  meta: string
  code: string
  /** the output the slide shows, when a ```text block follows */
  expected?: string
  /** the exception named by a `# raises X` line */
  raises?: string
  tree: Tree
  /** the slide runs its live blocks as both houses, side by side (frontmatter `houses: both`) */
  bothHouses: boolean
  /** a short, unique-ish name: slide number + first code line */
  name: string
}

const RAISES = /^\s*#\s*raises\s+([A-Za-z_][\w.]*)/m

function firstLine(code: string) {
  const lines = code.split('\n').map(l => l.trim()).filter(Boolean)
  const first = lines[0] ?? '(empty)'
  // most snippets start with `import os`: add the first line that says more
  if (/^(?:import|from)\s/.test(first)) {
    const more = lines.find(l => !/^(?:import|from)\s/.test(l) && !l.startsWith('#'))
    if (more)
      return `${first} … ${more}`
  }
  return first
}

/** The python snippets of the given slides. */
export function extractSnippets(slides: SlideLike[]): Snippet[] {
  const out: Snippet[] = []
  for (const slide of slides) {
    const blocks = fences(slide.content)
    const python = blocks.filter(b => isPython(b.lang))
    python.forEach((block, k) => {
      const expected = expectedOutput(slide.content, blocks, block)?.code
      const short = firstLine(block.code)
      out.push({
        slide: slide.no,
        index: k + 1,
        ofSlide: python.length,
        meta: block.info.trim().replace(/^\S*\s*/, ''),
        code: block.code,
        expected,
        raises: block.code.match(RAISES)?.[1],
        tree: (slide.frontmatter?.tree ?? {}) as Tree,
        bothHouses: slide.frontmatter?.houses === 'both',
        name: `slide ${slide.no}${python.length > 1 ? ` (block ${k + 1})` : ''}: ${short.length > 70 ? `${short.slice(0, 69)}…` : short}`,
      })
    })
  }
  return out
}

/** What a slide's live block asks its Python for, for this snippet. */
export function scriptRequest(snippet: Pick<Snippet, 'code' | 'tree'>, profile: Profile = 'linux'): ScriptRequest {
  return { source: snippet.code, tree: snippet.tree, timeoutS: SCRIPT_LIMIT_S, ...(profile === 'linux' ? {} : { profile }) }
}

function normalise(text: string) {
  return text.replace(/\r\n/g, '\n').split('\n').map(l => l.trimEnd()).join('\n').trimEnd()
}

/** Does `actual` match `expected`? Trailing spaces are ignored, `...` matches within a line. */
export function outputMatches(actual: string, expected: string): boolean {
  const want = normalise(expected)
  const got = normalise(actual)
  if (!want.includes('...'))
    return got === want
  const pattern = want
    .split('...')
    .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^\\n]*')
  return new RegExp(`^${pattern}$`).test(got)
}

/** Everything wrong with a run, as readable sentences; empty when the snippet behaved. */
export function checkRun(snippet: Snippet, result: RunResult): string[] {
  if (result.status === 'failed')
    return [`the run failed: ${result.message}`]
  if (result.status === 'stopped')
    return [result.reason === 'timeout' ? `did not finish within ${SCRIPT_LIMIT_S} s` : 'was stopped (KeyboardInterrupt)']
  const { report } = result
  const problems: string[] = []
  const error = report.exception
  if (report.ending === 'output')
    problems.push('printed more than a slide may show')
  if (snippet.raises) {
    if (!error)
      problems.push(`should raise ${snippet.raises} but ended normally`)
    else if (error.type !== snippet.raises.split('.').pop())
      problems.push(`should raise ${snippet.raises} but ended with: ${error.type}: ${error.message}`)
  }
  else if (error) {
    problems.push(`raised ${error.type}:\n${error.traceback.trim()}`)
  }
  if (report.exit_code !== undefined && report.exit_code !== '0' && report.exit_code !== 'None')
    problems.push(`exited with code ${report.exit_code}`)
  if (snippet.expected !== undefined && !outputMatches(report.output, snippet.expected))
    problems.push(`printed:\n${normalise(report.output)}\n--- but the slide shows:\n${normalise(snippet.expected)}`)
  return problems
}
