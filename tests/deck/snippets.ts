// Python snippets of the deck: find them, run them, compare what they print.
//
// Conventions a slide can use (see the README of tests/deck):
// - frontmatter `tree:` (relative path -> text, `{ size: n }` for n bytes,
//   key ending in `/` = folder) is created in a fresh folder the snippet runs in
// - a ```text block right after a ```python block (only blank lines between) is
//   the expected stdout; `...` in it matches anything within one line
// - a line `# raises SomeError` in the code: the run must end with that exception
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expectedOutput, fences, isPython } from '../../deck/markdown-blocks'

export type TreeValue = string | { size: number } | null | undefined
export type Tree = Record<string, TreeValue>

export interface SlideLike {
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
  /** the stdout the slide shows, when a ```text block follows */
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

/** Create a folder tree (see `Tree`) inside `dir`. */
export function createTree(dir: string, tree: Tree = {}) {
  for (const [key, value] of Object.entries(tree ?? {})) {
    const target = path.join(dir, key)
    if (!path.resolve(target).startsWith(path.resolve(dir)))
      throw new Error(`tree path escapes the folder: ${key}`)
    if (key.endsWith('/')) {
      mkdirSync(target, { recursive: true })
      continue
    }
    mkdirSync(path.dirname(target), { recursive: true })
    if (value && typeof value === 'object' && typeof value.size === 'number')
      writeFileSync(target, Buffer.alloc(value.size, 'x'))
    else
      writeFileSync(target, value == null ? '' : String(value))
  }
}

export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  timedOut: boolean
  /** the folder the snippet ran in (removed afterwards unless `keep`) */
  cwd: string
}

export interface RunOptions {
  python?: string
  timeoutMs?: number
  keep?: boolean
}

/**
 * Run a snippet as a standalone script with a fresh temp folder as cwd.
 * The script file itself lives elsewhere, so it never shows up in `os.listdir()`.
 */
export function runSnippet(snippet: Pick<Snippet, 'code' | 'tree'>, options: RunOptions = {}): Promise<RunResult> {
  const { python = process.env.PYTHON ?? 'python3', timeoutMs = 10_000, keep = false } = options
  const base = mkdtempSync(path.join(tmpdir(), 'deck-snippet-'))
  const scriptDir = path.join(base, 'script')
  const cwd = path.join(base, 'work')
  mkdirSync(scriptDir)
  mkdirSync(cwd)
  createTree(cwd, snippet.tree)
  const script = path.join(scriptDir, 'snippet.py')
  writeFileSync(script, snippet.code.endsWith('\n') ? snippet.code : `${snippet.code}\n`)

  return new Promise((resolve, reject) => {
    const child = spawn(python, [script], {
      cwd,
      env: {
        ...process.env,
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONIOENCODING: 'utf-8',
        PYTHONUTF8: '1',
        PYTHONUNBUFFERED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.setEncoding('utf8').on('data', (c) => {
      stdout += c
    })
    child.stderr.setEncoding('utf8').on('data', (c) => {
      stderr += c
    })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      rmSync(base, { recursive: true, force: true })
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (!keep)
        rmSync(base, { recursive: true, force: true })
      resolve({ code, signal, stdout, stderr, timedOut, cwd })
    })
  })
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

/** The last line of a traceback, e.g. `FileNotFoundError: [Errno 2] ...` */
export function lastErrorLine(stderr: string): string {
  const lines = stderr.replace(/\r\n/g, '\n').split('\n').map(l => l.trimEnd()).filter(Boolean)
  return lines[lines.length - 1] ?? ''
}

/** Everything wrong with a run, as readable sentences; empty when the snippet behaved. */
export function checkRun(snippet: Snippet, result: RunResult, timeoutMs = 10_000): string[] {
  const problems: string[] = []
  if (result.timedOut) {
    problems.push(`did not finish within ${timeoutMs / 1000} s`)
    return problems
  }
  if (snippet.raises) {
    const last = lastErrorLine(result.stderr)
    if (result.code === 0)
      problems.push(`should raise ${snippet.raises} but ended normally`)
    else if (!last.startsWith(snippet.raises))
      problems.push(`should raise ${snippet.raises} but ended with: ${last || `exit code ${result.code}`}`)
  }
  else if (result.code !== 0) {
    problems.push(`exit code ${result.code}${result.signal ? ` (${result.signal})` : ''}:\n${result.stderr.trim()}`)
  }
  if (snippet.expected !== undefined && !outputMatches(result.stdout, snippet.expected)) {
    problems.push(`printed:\n${normalise(result.stdout)}\n--- but the slide shows:\n${normalise(snippet.expected)}`)
  }
  return problems
}
