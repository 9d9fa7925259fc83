// Shared by the live-Python tests and the deck benchmark: the deck's live blocks,
// a browser, and a page that records every request leaving the local server;
// and for the exercise slides: where they are, and the terminal grader's report.

import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { Snippet } from './snippets'
import { spawn } from 'node:child_process'
import path from 'node:path'
import { chromium } from 'playwright-chromium'
import { findChromium } from '../scripts/find-chromium.js'
import { loadDeck, ROOT } from './deck'
import { BROWSER_ARGS } from './site'
import { extractSnippets } from './snippets'

/** The ```python {monaco-run} blocks of the deck, with their slide's tree and expected output. */
export async function liveSnippets(): Promise<Snippet[]> {
  const slides = await loadDeck()
  const all = extractSnippets(slides)
  return all.filter(s => s.meta.includes('{monaco-run}'))
}

/** Position of a live snippet among the live blocks of its slide (0-based). */
export function liveIndex(snippets: Snippet[], snippet: Snippet): number {
  return snippets.filter(s => s.slide === snippet.slide && s.index < snippet.index).length
}

/** Chromium as the project finds it (with `args` added); throws findChromium's message when there is none. */
export async function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...BROWSER_ARGS, ...args], timeout: 60_000 })
}

export interface WatchedContext {
  context: BrowserContext
  /** requests that tried to leave the origin (they are refused) */
  outside: string[]
  /** console errors and page errors */
  errors: string[]
  newPage: () => Promise<Page>
}

export async function watchedContext(browser: Browser, origin: string): Promise<WatchedContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const outside: string[] = []
  const errors: string[] = []
  await context.route(url => url.origin !== origin && url.protocol.startsWith('http'), (route) => {
    outside.push(route.request().url())
    return route.abort('blockedbyclient')
  })
  return {
    context,
    outside,
    errors,
    newPage: async () => {
      const page = await context.newPage()
      page.on('console', (msg) => {
        if (msg.type() === 'error')
          errors.push(`console error: ${msg.text()}`)
      })
      page.on('pageerror', error => errors.push(`page error: ${error.message}`))
      page.on('request', (request) => {
        const url = request.url()
        if (/^https?:/.test(url) && new URL(url).origin !== origin && !outside.includes(url))
          outside.push(url)
      })
      return page
    },
  }
}

// ---------------------------------------------------------------- exercise slides

/** The exercise slides of the deck: `<ExerciseSlide id="NN-slug" />`, with their slide number. */
export async function exerciseSlides(): Promise<{ id: string, slide: number, title: string }[]> {
  const slides = await loadDeck()
  return slides.flatMap((s) => {
    const id = s.content.match(/<ExerciseSlide\s+id="([^"]+)"/)?.[1]
    return id ? [{ id, slide: s.no, title: s.title }] : []
  })
}

export interface TerminalCase { name: string, status: 'pass' | 'fail' | 'error', message: string | null }
export interface TerminalExercise { id: string, tests: TerminalCase[] }

/**
 * The terminal grader's JSON report (`npx tsx grader/cli.ts grade --json`), with the
 * Pyodide runtime: the pristine starters, or with `solutions` the reference solutions.
 */
export async function terminalReport(options: { solutions: boolean }): Promise<TerminalExercise[]> {
  const args = [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'grader/cli.ts', 'grade', '--json', '--runtime', 'pyodide']
  args.push(options.solutions ? '--solutions' : '--starters')
  const { stdout, stderr, code } = await new Promise<{ stdout: string, stderr: string, code: number | null }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
    })
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString()
    })
    child.on('error', reject)
    child.on('close', c => resolve({ stdout: out, stderr: err, code: c }))
  })
  const start = stdout.indexOf('{')
  if (start < 0)
    throw new Error(`the terminal grader printed no JSON (exit code ${code}):\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`)
  const report = JSON.parse(stdout.slice(start)) as { exercises: TerminalExercise[] }
  return report.exercises
}
