// `npm run export` works offline: one PDF page per slide, no blank page, and
// the browser asked for nothing outside this machine while exporting.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectPdf } from '../../scripts/export.js'
import { findChromium } from '../../scripts/find-chromium.js'
import { loadDeck, ROOT } from './deck'

// DECK_EXPORT_CLICKS=0 leaves out the (slow) second PDF with one page per click
const WITH_CLICKS = process.env.DECK_EXPORT_CLICKS !== '0'

const slides = await loadDeck()
const out = mkdtempSync(path.join(tmpdir(), 'deck-export-test-'))
let run: { code: number | null, output: string, seconds: number } | undefined
let report: any

async function pdfInfo(file: string): Promise<{ pages: number, blank: number[] }> {
  return inspectPdf(file)
}

beforeAll(async () => {
  findChromium() // a missing browser fails here, with the message saying how to get one
  const started = Date.now()
  const args = ['scripts/export.js', '--out-dir', out, '--report', path.join(out, 'report.json')]
  if (!WITH_CLICKS)
    args.push('--no-clicks')
  run = await new Promise((resolve, reject) => {
    let output = ''
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (c) => {
      output += c
    })
    child.stderr.on('data', (c) => {
      output += c
    })
    child.on('error', reject)
    child.on('close', code => resolve({ code, output, seconds: (Date.now() - started) / 1000 }))
  })
  const reportFile = path.join(out, 'report.json')
  if (existsSync(reportFile))
    report = JSON.parse(readFileSync(reportFile, 'utf8'))
  process.stdout.write(`export took ${run!.seconds.toFixed(1)} s\n`)
}, 1_800_000)

afterAll(() => {
  rmSync(out, { recursive: true, force: true })
})

describe('npm run export', () => {
  it('finishes without error', () => {
    expect(run?.code, run?.output.slice(-4000)).toBe(0)
  })

  it('writes os-workshop.pdf with one page per slide and no blank page', async () => {
    const file = path.join(out, 'os-workshop.pdf')
    expect(existsSync(file), run?.output.slice(-2000)).toBe(true)
    const { pages, blank } = await pdfInfo(file)
    expect(pages, `${pages} pages for ${slides.length} slides`).toBe(slides.length)
    expect(blank, 'pages without any text').toEqual([])
  })

  it.runIf(WITH_CLICKS)('writes os-workshop-clicks.pdf with a page per click step', async () => {
    const file = path.join(out, 'os-workshop-clicks.pdf')
    expect(existsSync(file), run?.output.slice(-2000)).toBe(true)
    const { pages, blank } = await pdfInfo(file)
    // every slide once, plus one page per click; the house diagram alone adds 4
    const house = slides.filter(s => /<HouseDiagram\b/.test(s.content)).length
    expect(pages).toBeGreaterThanOrEqual(slides.length + 4 * house)
    expect(blank, 'pages without any text').toEqual([])
  })

  it('asked for nothing outside this machine', () => {
    expect(report, 'the export wrote no report').toBeTruthy()
    expect(report.externalRequests).toEqual([])
  })
})
