// Locate a Chromium/Chrome executable for the PDF export and the browser tests.
// Order: $CHROMIUM_PATH, Playwright's own download, then the usual system paths;
// ensureChromium() downloads Playwright's when there is none (which needs the network).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/** What every Chromium of the project starts with: quiet, no background traffic. */
export const BROWSER_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]

/** Makes every host but this machine unreachable, without a request interceptor (which would turn the cache off). */
export const OFFLINE_ARG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'

export const INSTALL_COMMAND = 'npx playwright install chromium'

export const NO_CHROMIUM_MESSAGE
  = 'No Chromium found. Install one: "sudo apt-get install chromium" (Debian/Ubuntu) or "npx playwright install chromium", or set CHROMIUM_PATH.'

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]

const require = createRequire(import.meta.url)

/** Playwright's own Chromium, only if it has actually been downloaded. */
function playwrightChromium() {
  try {
    const { chromium } = require('playwright-chromium')
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : undefined
  }
  catch {
    return undefined
  }
}

/**
 * Returns the path of a Chromium executable, or throws an Error saying how to get one.
 *
 * @param {{ env?: Record<string, string | undefined>, candidates?: string[], playwright?: boolean }} [options]
 *   only for testing; the defaults are what the project uses
 * @returns {string} the executable's path
 */
export function findChromium(options = {}) {
  const env = options.env ?? process.env
  if (env.CHROMIUM_PATH)
    return env.CHROMIUM_PATH
  if (options.playwright !== false) {
    const bundled = playwrightChromium()
    if (bundled)
      return bundled
  }
  for (const candidate of options.candidates ?? SYSTEM_CANDIDATES) {
    if (existsSync(candidate))
      return candidate
  }
  throw new Error(NO_CHROMIUM_MESSAGE)
}

/** Playwright's own download of its Chromium, as `npx playwright install chromium` does it. */
function installPlaywrightChromium() {
  const cli = require.resolve('playwright-chromium/cli.js')
  return spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', timeout: 15 * 60_000 })
}

/**
 * findChromium(), and when there is none, Playwright's Chromium downloaded first. Throws,
 * with the exact command to run, when the download fails (no network, no disk space).
 *
 * @param {Parameters<typeof findChromium>[0] & { install?: () => { status: number | null, stderr?: string, error?: Error } }} [options]
 *   `install` only for testing
 * @returns {string} the executable's path
 */
export function ensureChromium(options = {}) {
  try {
    return findChromium(options)
  }
  catch {}
  console.log(`No Chromium found: downloading Playwright's, as "${INSTALL_COMMAND}" does (about 150 MB, once).`)
  const run = (options.install ?? installPlaywrightChromium)()
  if (run.status !== 0) {
    const why = (run.error?.message ?? run.stderr ?? '').trim().split('\n').filter(Boolean).at(-1)
    throw new Error(`No Chromium found, and "${INSTALL_COMMAND}" failed${why ? ` (${why})` : ''}. Run it yourself where there is a network, or install one: "sudo apt-get install chromium", or set CHROMIUM_PATH.`)
  }
  return findChromium(options)
}

// `node scripts/find-chromium.js` prints the path, or the message with exit code 1
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(findChromium())
  }
  catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}
