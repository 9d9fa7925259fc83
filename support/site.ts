// Build the deck when needed, serve dist/ on localhost, start Chromium.

import type { BrowserContext, BrowserContextOptions } from 'playwright-chromium'
import type { StaticServer } from '../scripts/serve-dist.js'
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-chromium'
import { BROWSER_ARGS, findChromium, OFFLINE_ARG } from '../scripts/find-chromium.js'
import { serveStatic as serveDist } from '../scripts/serve-dist.js'
import { ROOT } from './deck'

export const DIST = path.join(ROOT, 'dist')

/** What the built site is made from: a change to any of these makes dist/ stale. */
const INPUTS = ['slides.md', 'pages', 'components', 'styles', 'setup', 'public', 'vite.config.ts', 'core', 'deck',
  // the exercise slides bundle these at build time
  'exercises', 'starters', 'solutions']

export { BROWSER_ARGS, OFFLINE_ARG }

function newestMtime(target: string): number {
  if (!existsSync(target))
    return 0
  const stat = statSync(target)
  if (!stat.isDirectory())
    return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of readdirSync(target)) {
    if (name === 'node_modules' || name.startsWith('.'))
      continue
    newest = Math.max(newest, newestMtime(path.join(target, name)))
  }
  return newest
}

function distIsFresh(): boolean {
  const index = path.join(DIST, 'index.html')
  if (!existsSync(index))
    return false
  const built = statSync(index).mtimeMs
  return INPUTS.every(input => newestMtime(path.join(ROOT, input)) <= built)
}

/** `slidev build` into dist/, unless dist/ is newer than every input. */
export async function ensureBuilt(log = (s: string) => process.stdout.write(s)): Promise<{ built: boolean, seconds: number }> {
  if (distIsFresh())
    return { built: false, seconds: 0 }
  const { seconds } = await buildDeck('slides.md', DIST)
  log(`deck built in ${seconds.toFixed(1)} s\n`)
  return { built: true, seconds }
}

/** `slidev build ENTRY --out OUT` (ENTRY relative to the project: slides.md, short.md). */
export async function buildDeck(entry: string, out: string): Promise<{ seconds: number }> {
  const started = Date.now()
  const slidev = path.join(ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
  let output = ''
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [slidev, 'build', entry, '--out', out], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const keep = (c: Buffer) => {
      output += c.toString()
      if (output.length > 100_000)
        output = output.slice(-50_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', resolve)
  })
  if (code !== 0)
    throw new Error(`slidev build ${entry} failed (exit code ${code}):\n${output.slice(-5000)}`)
  if (!existsSync(path.join(path.resolve(ROOT, out), 'index.html')))
    throw new Error(`slidev build ${entry} left no index.html in ${out}:\n${output.slice(-5000)}`)
  return { seconds: (Date.now() - started) / 1000 }
}

/**
 * A private copy of dist/: a build started meanwhile (by a dev or another run)
 * rewrites dist/ with new hashed file names under the feet of a running test.
 */
function copyDist(): { dir: string, remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'deck-dist-'))
  cpSync(DIST, dir, { recursive: true })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export type { StaticServer } from '../scripts/serve-dist.js'

/** dist/ (or `dir`) on 127.0.0.1 at a free port; `headers` go on every response. */
export function serveStatic(dir = DIST, options: { headers?: Record<string, string>, base?: string } = {}) {
  return serveDist(dir, options)
}

/** The built deck served from a private copy, and a 1280x720 Chromium context that cannot leave the machine. */
export interface OpenDeck {
  server: StaticServer
  context: BrowserContext
  close: () => Promise<void>
}

/** `built`: a deck built elsewhere (the short deck), served as it is; by default dist/, built when stale. */
export async function openBuiltDeck(contextOptions: BrowserContextOptions = {}, built?: string): Promise<OpenDeck> {
  const executablePath = findChromium()
  const closers: (() => Promise<unknown> | void)[] = []
  let dir = built
  if (!dir) {
    await ensureBuilt()
    const copy = copyDist()
    closers.push(() => copy.remove())
    dir = copy.dir
  }
  const close = async () => {
    for (const closer of closers.reverse())
      await Promise.resolve(closer()).catch(() => {})
  }
  try {
    const server = await serveStatic(dir)
    closers.push(() => server.close())
    // nothing may leave the machine: other hosts cannot resolve
    const browser = await chromium.launch({ executablePath, args: [...BROWSER_ARGS, OFFLINE_ARG], timeout: 60_000 })
    closers.push(() => browser.close())
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...contextOptions })
    closers.push(() => context.close())
    return { server, context, close }
  }
  catch (error) {
    await close()
    throw error
  }
}
