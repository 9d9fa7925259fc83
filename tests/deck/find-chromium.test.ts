// Finding a Chromium for the browser tests and the export, or saying how to get one.

import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ensureChromium, findChromium, INSTALL_COMMAND, NO_CHROMIUM_MESSAGE } from '../../scripts/find-chromium.js'

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH', () => {
    expect(findChromium({ env: { CHROMIUM_PATH: '/opt/my/chrome' } })).toBe('/opt/my/chrome')
  })

  it('falls back to the system paths', () => {
    expect(findChromium({ env: {}, playwright: false, candidates: ['/no/such/chromium', process.execPath] })).toBe(process.execPath)
  })

  it('says in one line how to get a browser when there is none', () => {
    expect(() => findChromium({ env: {}, playwright: false, candidates: ['/no/such/chromium'] })).toThrow(NO_CHROMIUM_MESSAGE)
    // one line that says every way to get a browser
    for (const way of ['apt-get install chromium', 'npx playwright install chromium', 'CHROMIUM_PATH'])
      expect(NO_CHROMIUM_MESSAGE).toContain(way)
    expect(NO_CHROMIUM_MESSAGE).not.toContain('\n')
  })

  const none = { env: {}, playwright: false, candidates: ['/no/such/chromium'] }

  it('downloads Playwright\'s Chromium when there is none, and then finds it', () => {
    const found = { ...none, candidates: ['/no/such/chromium'] }
    let installs = 0
    const path = ensureChromium({ ...found, install: () => {
      installs++
      found.candidates.push(process.execPath) // what the download leaves behind
      return { status: 0 }
    } })
    expect([path, installs]).toEqual([process.execPath, 1])
    expect(ensureChromium({ ...found, install: () => ({ status: 1 }) }), 'no download once found').toBe(process.execPath)
  })

  it('stops with the exact command and the reason when the download fails (no network)', () => {
    const offline = () => ({ status: 1, stderr: 'Downloading Chromium\nError: getaddrinfo ENOTFOUND cdn.playwright.dev\n' })
    expect(() => ensureChromium({ ...none, install: offline })).toThrow(`"${INSTALL_COMMAND}" failed (Error: getaddrinfo ENOTFOUND cdn.playwright.dev)`)
    expect(() => ensureChromium({ ...none, install: offline })).toThrow('CHROMIUM_PATH')
  })

  it('finds a browser on this machine (needed by the browser and export tests)', () => {
    const path = findChromium()
    expect(existsSync(path), `${path} does not exist`).toBe(true)
  })
})
