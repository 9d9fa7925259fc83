#!/usr/bin/env node
// Export the workshop deck as PDF handouts with Slidev's own exporter (vector text,
// one page per slide or click step), then give the PDF outline one entry per chapter
// (a file in pages/) with its slides under it.
//
//   npm run export                       -> os-workshop.pdf and os-workshop-clicks.pdf
//   npm run export -- --out-dir handouts -> the same files in handouts/
//   npm run export -- --no-clicks        -> only os-workshop.pdf (one page per slide)
//   npm run export -- short              -> os-workshop-short.pdf and its clicks twin (the 90-minute deck)
//
// Options: --out-dir <dir>, --no-clicks, --timeout <ms per page load>,
//          --max-minutes <n per export run>, --report <file.json>,
//          --entry <slides.md> (another deck: the bench's plain one)
//
// Everything stays on this machine: Slidev serves the deck on localhost and the
// browser is started through a small wrapper that routes every non-local request
// to a guard proxy, which refuses it and writes it down. Any such request makes
// the export fail, so a deck that silently needs the internet is noticed here.
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { outlinePdfFactory } from '@lillallol/outline-pdf'
import * as pdfLib from 'pdf-lib'
import { loadSlides } from './deck-slides.js'
import { ensureChromium } from './find-chromium.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SLIDEV = path.join(ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
const { PDFArray, PDFDocument, PDFName } = pdfLib

const USAGE = 'usage: node scripts/export.js [short | --entry SLIDES.md] [--out-dir DIR] [--no-clicks] [--timeout MS] [--max-minutes N] [--report FILE] [--help]'

/** The options, from node:util's parseArgs; a bare name is a deck beside slides.md (`short` -> short.md). */
function options(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'entry': { type: 'string' },
      'out-dir': { type: 'string' },
      'no-clicks': { type: 'boolean' },
      'timeout': { type: 'string' },
      'max-minutes': { type: 'string' },
      'report': { type: 'string' },
      'help': { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  if (positionals.length > 1 || (positionals.length && values.entry))
    throw new Error(`one deck at a time: ${[values.entry, ...positionals].filter(Boolean).join(', ')}`)
  const named = positionals[0] && path.join(ROOT, positionals[0].endsWith('.md') ? positionals[0] : `${positionals[0]}.md`)
  const number = (name, fallback) => {
    const value = values[name] === undefined ? fallback : Number(values[name])
    if (!(value > 0))
      throw new Error(`--${name} needs a positive number, not "${values[name]}"`)
    return value
  }
  const entry = named ?? (values.entry ? path.resolve(values.entry) : path.join(ROOT, 'slides.md'))
  if (!existsSync(entry))
    throw new Error(`no deck at ${path.relative(process.cwd(), entry) || entry}`)
  return {
    entry,
    outDir: values['out-dir'] ? path.resolve(values['out-dir']) : ROOT,
    clicks: !values['no-clicks'],
    timeout: number('timeout', 120_000),
    maxMinutes: number('max-minutes', 10),
    report: values.report ? path.resolve(values.report) : undefined,
  }
}

/** A proxy that refuses everything and records what was asked for. */
function startGuardProxy() {
  const seen = []
  const server = http.createServer((req, res) => {
    seen.push(req.url)
    res.writeHead(403, { 'content-type': 'text/plain' })
    res.end('offline export: external request refused\n')
  })
  server.on('connect', (req, socket) => {
    seen.push(`https://${req.url}`)
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
  })
  server.on('clientError', (_err, socket) => socket.destroy())
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, seen, close: () => server.close() }))
  })
}

/**
 * Slidev launches Playwright with only `executablePath`, so extra browser flags
 * go through a wrapper script (POSIX only; elsewhere the browser is used as is).
 */
function browserWrapper(chromium, proxyPort, dir) {
  if (process.platform === 'win32')
    return chromium
  const flags = [
    `--proxy-server=http://127.0.0.1:${proxyPort}`, // localhost bypasses the proxy
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ]
  if (process.getuid?.() === 0)
    flags.push('--no-sandbox')
  const quote = s => `'${String(s).replace(/'/g, `'\\''`)}'`
  const file = path.join(dir, 'chromium')
  writeFileSync(file, `#!/bin/sh\nexec ${quote(chromium)} ${flags.map(quote).join(' ')} "$@"\n`)
  chmodSync(file, 0o755)
  return file
}

function run(args, maxMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SLIDEV, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
      detached: process.platform !== 'win32',
    })
    let out = ''
    const keep = (chunk) => {
      out += chunk
      if (out.length > 200_000)
        out = out.slice(-100_000)
    }
    child.stdout.on('data', (c) => {
      keep(c)
      process.stdout.write(c)
    })
    child.stderr.on('data', (c) => {
      keep(c)
      process.stderr.write(c)
    })
    const timer = setTimeout(() => {
      try {
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL')
      }
      catch {}
      reject(new Error(`slidev export did not finish within ${Math.round(maxMs / 60000)} min; stopped it`))
    }, maxMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0)
        resolve(out)
      else
        reject(new Error(`slidev export failed (${signal ?? `exit code ${code}`})`))
    })
  })
}

/** Hosts Chromium itself talks to (updates, sign-in, autofill): not the deck's doing. */
const BROWSER_SERVICE_HOSTS = [
  'update.googleapis.com',
  'accounts.google.com',
  'content-autofill.googleapis.com',
  'clients1.google.com',
  'clients2.google.com',
  'clientservices.googleapis.com',
  'optimizationguide-pa.googleapis.com',
  'safebrowsing.googleapis.com',
  'safebrowsingohttpgateway.googleapis.com',
  'redirector.gvt1.com',
  'edgedl.me.gvt1.com',
  'android.clients.google.com',
]

function hostOf(url) {
  try {
    return new URL(url).hostname
  }
  catch {
    return url
  }
}

/**
 * Page count, and the pages that came out blank. A page without any font has
 * no text at all: every slide has at least a title, so that page is broken
 * (this happens when the dev server reloads the page in the middle of printing).
 */
export async function inspectPdf(file) {
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false })
  const blank = []
  pdf.getPages().forEach((page, i) => {
    if (!hasFont(pdf, page.node.Resources()))
      blank.push(i + 1)
  })
  return { pages: pdf.getPageCount(), blank }
}

/** Whether a resource dictionary, or a form XObject it uses, has a font. */
function hasFont(pdf, resources, depth = 0) {
  if (!resources || depth > 8)
    return false
  if (resources.get(PDFName.of('Font')))
    return true
  const xobjects = pdf.context.lookup(resources.get(PDFName.of('XObject')))
  if (!xobjects?.entries)
    return false
  for (const [, ref] of xobjects.entries()) {
    const dict = pdf.context.lookup(ref)?.dict
    if (dict && hasFont(pdf, pdf.context.lookup(dict.get(PDFName.of('Resources'))), depth + 1))
      return true
  }
  return false
}

/** The slides the deck shows (hidden or disabled ones left out), with their chapter file. */
/** Outline text without Markdown's code marks: "What is the `os` module?" -> "What is the os module?" */
function plainTitle(title) {
  return title.replace(/`/g, '').replace(/\s+/g, ' ').trim()
}

/** The PDF's outline as a tree of entries: title, 1-based page (0: none), children. */
export function readOutline(pdf) {
  const pages = pdf.getPages().map(p => p.ref)
  const read = (item) => {
    const entries = []
    for (; item; item = item.lookup(PDFName.of('Next'))) {
      const dest = item.lookup(PDFName.of('Dest'))
      entries.push({
        title: item.lookup(PDFName.of('Title'))?.decodeText() ?? '',
        page: pages.indexOf(dest instanceof PDFArray ? dest.get(0) : undefined) + 1,
        children: read(item.lookup(PDFName.of('First'))),
      })
    }
    return entries
  }
  return read(pdf.catalog.lookup(PDFName.of('Outlines'))?.lookup(PDFName.of('First')))
}

/** Every entry of an outline tree, in reading order. */
function flatten(entries) {
  return entries.flatMap(entry => [entry, ...flatten(entry.children)])
}

/**
 * Replaces Slidev's outline (an entry per slide, pointing at its last click step)
 * with chapters: each chapter file's first slide, with the file's other slides under
 * it, each pointing at the slide's first page.
 */
async function chapterOutline(pdf, slides) {
  const lastPages = flatten(readOutline(pdf)).map(entry => entry.page)
  const inOrder = lastPages.every((page, i) => page > (i === 0 ? 0 : lastPages[i - 1]))
  if (lastPages.length !== slides.length || !inOrder || lastPages.at(-1) !== pdf.getPageCount())
    throw new Error(`Slidev's outline (${lastPages.length} entries, last on page ${lastPages.at(-1)}) does not match ${slides.length} slides on ${pdf.getPageCount()} pages`)
  const lines = slides.map((slide, i) => {
    const firstPage = i === 0 ? 1 : lastPages[i - 1] + 1
    const opensChapter = i === 0 || slides[i - 1].file !== slide.file
    return `${firstPage}|${opensChapter ? '' : '-'}|${plainTitle(slide.title)}`
  })
  pdf.catalog.delete(PDFName.of('Outlines'))
  const outlined = await outlinePdfFactory(pdfLib)({ outline: lines.join('\n'), pdf })
  // the library makes the root's /Last the last entry of all, a child: it must be the last chapter
  const root = outlined.catalog.lookup(PDFName.of('Outlines'))
  let last = root.get(PDFName.of('First'))
  while (outlined.context.lookup(last).get(PDFName.of('Next')))
    last = outlined.context.lookup(last).get(PDFName.of('Next'))
  root.set(PDFName.of('Last'), last)
  return outlined
}

/** os-workshop for slides.md, os-workshop-short for short.md beside it; another deck is named by its folder. */
function handoutName(entry) {
  if (path.dirname(entry) !== ROOT)
    return path.basename(path.dirname(entry))
  const name = path.basename(entry, '.md')
  return name === 'slides' ? 'os-workshop' : `os-workshop-${name}`
}

async function main() {
  let opts
  try {
    opts = options(process.argv.slice(2))
  }
  catch (error) {
    console.error(`export: ${error.message}\n${USAGE}`)
    process.exit(2)
  }

  let chromium
  try {
    chromium = ensureChromium()
  }
  catch (error) {
    console.error(`export: ${error.message}`)
    process.exit(1)
  }

  mkdirSync(opts.outDir, { recursive: true })
  const work = mkdtempSync(path.join(tmpdir(), 'deck-export-'))
  const proxy = await startGuardProxy()
  const executable = browserWrapper(chromium, proxy.port, work)

  const basename = handoutName(opts.entry)
  const jobs = [{ file: `${basename}.pdf`, extra: [] }]
  if (opts.clicks)
    jobs.push({ file: `${basename}-clicks.pdf`, extra: ['--with-clicks'] })

  const slides = await loadSlides(opts.entry)
  const untitled = slides.findIndex(s => !s.title)
  if (untitled >= 0) {
    console.error(`export: slide ${untitled + 1} has no title, so the PDF outline cannot name it`)
    process.exit(1)
  }
  const report = { browser: chromium, slides: slides.length, files: {}, externalRequests: [], browserServiceRequests: [], seconds: {} }
  let failed = false
  try {
    for (const job of jobs) {
      const output = path.join(opts.outDir, job.file)
      const started = Date.now()
      // a cold dev server may reload the page while it prints: check and retry once
      for (let attempt = 1; ; attempt++) {
        rmSync(output, { force: true })
        console.log(`\nexport: ${job.file} ...${attempt > 1 ? ` (attempt ${attempt})` : ''}`)
        try {
          await run([
            'export',
            opts.entry,
            '--output',
            output,
            '--with-toc',
            '--executable-path',
            executable,
            '--timeout',
            String(opts.timeout),
            ...job.extra,
          ], opts.maxMinutes * 60_000)
        }
        catch (error) {
          // the same cold-server reload can make Slidev's own outline miss a page and fail
          if (attempt >= 2)
            throw error
          console.warn(`export: ${job.file}: ${error.message}; trying again`)
          continue
        }
        if (!existsSync(output))
          throw new Error(`slidev export reported success but ${output} is missing`)
        const { pages, blank } = await inspectPdf(output)
        const problems = []
        if (blank.length)
          problems.push(`${blank.length} blank page(s): ${blank.slice(0, 10).join(', ')}${blank.length > 10 ? ', ...' : ''}`)
        if (job.extra.includes('--with-clicks') ? pages < slides.length : pages !== slides.length)
          problems.push(`${pages} pages for ${slides.length} slides`)
        if (problems.length && attempt < 2) {
          console.warn(`export: ${job.file}: ${problems.join('; ')}; trying again`)
          continue
        }
        if (problems.length)
          throw new Error(`${job.file}: ${problems.join('; ')}`)
        const pdf = await chapterOutline(await PDFDocument.load(readFileSync(output)), slides)
        writeFileSync(output, await pdf.save())
        const seconds = (Date.now() - started) / 1000
        report.files[job.file] = { path: output, pages, attempts: attempt }
        report.seconds[job.file] = seconds
        console.log(`export: ${job.file}: ${pages} pages in ${seconds.toFixed(1)} s`)
        break
      }
    }
  }
  catch (error) {
    console.error(`export: ${error.message}`)
    failed = true
  }
  finally {
    proxy.close()
    rmSync(work, { recursive: true, force: true })
  }

  const asked = [...new Set(proxy.seen)]
  report.browserServiceRequests = asked.filter(url => BROWSER_SERVICE_HOSTS.includes(hostOf(url)))
  report.externalRequests = asked.filter(url => !BROWSER_SERVICE_HOSTS.includes(hostOf(url)))
  if (report.externalRequests.length) {
    console.error(`export: the deck asked for ${report.externalRequests.length} address(es) outside this machine (refused):`)
    for (const url of report.externalRequests)
      console.error(`  ${url}`)
    failed = true
  }
  if (opts.report)
    writeFileSync(opts.report, `${JSON.stringify(report, null, 2)}\n`)
  process.exit(failed ? 1 : 0)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`export: ${error.stack ?? error}`)
    process.exit(1)
  })
}
