// A small Vite plugin: serves the Pyodide runtime from this project's own files
// (dev server, `slidev build`, `slidev export`) and makes the page cross-origin
// isolated where we control the headers, so a running script can be interrupted.
// It also makes the memory snapshot the deck ships (deck/python-snapshot.ts), and in the
// build, index.html starts the Python worker before the slide app loads.

import type { Plugin } from 'vite'
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { ISOLATION_HEADERS } from '../core/isolation.js'
import { createWorkerLoop } from '../core/python/worker-loop.js'
import { SNAPSHOT_FILE } from './python-snapshot'

/** The files a browser needs to start Pyodide (no packages are loaded). */
export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
]

/** Where the files are served, below the deck's base path. */
export const PYODIDE_DIR = 'pyodide/'

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
}

/**
 * A script for the top of the built index.html: it starts the Python worker, and Python
 * in it, while the slide app's own scripts still load (about a second on a cold page);
 * deck/python.ts takes the worker over. Not on the handout page (only where the build has
 * Slidev's /print page), whose blocks show their promised output: the rule is deck/print-mode.ts's
 * HANDOUT_PATH, which cannot be imported here (tests/unit/print-mode.test.ts holds them equal).
 */
export function earlyStart(workerURL: string, indexPath: string, printPage: boolean): string {
  return `(() => { try {${printPage
    ? `
  if (/\\/print\\/?$/.test(location.pathname)) return`
    : ''}
  const worker = new Worker(${JSON.stringify(workerURL)}, { type: 'module', name: 'python' })
  worker.onerror = () => { self.earlyPythonWorker = undefined }
  worker.postMessage({ type: 'load', indexURL: new URL(${JSON.stringify(indexPath)}, location.href).href })
  self.earlyPythonWorker = worker
} catch {} })()`
}

/** Made once per harness: the dev server makes a new one after the harness changed. */
let snapshot: { harness: string, gzipped: Promise<Buffer> } | undefined

/**
 * The snapshot the deck ships, gzipped (31 MB -> 6 MB): Python with the harness imported,
 * made here in Node by the same worker loop the browser runs, before any other code ran.
 */
function shippedSnapshot(folder: string): Promise<Buffer> {
  const dir = fileURLToPath(new URL('../core/harness/', import.meta.url))
  const harnessFiles: Record<string, string> = Object.fromEntries(readdirSync(dir).filter(name => name.endsWith('.py'))
    .map(name => [name, readFileSync(path.join(dir, name), 'utf8')]))
  const harness = JSON.stringify(harnessFiles)
  if (snapshot?.harness !== harness)
    snapshot = { harness, gzipped: makeSnapshot(folder, harnessFiles).then(bytes => gzipSync(bytes)) }
  return snapshot.gzipped
}

async function makeSnapshot(folder: string, harnessFiles: Record<string, string>): Promise<Uint8Array> {
  const { loadPyodide } = await import('pyodide')
  return new Promise((resolve, reject) => {
    const handle = createWorkerLoop({
      loadPyodide,
      harnessFiles,
      keepsSnapshots: true,
      post: (message) => {
        if (message.type === 'snapshot')
          resolve(message.bytes)
        else if (message.type === 'failed')
          reject(new Error(`the Python snapshot could not be made: ${message.message}`))
      },
    })
    void handle({ type: 'init', indexURL: `${folder}/` })
  })
}

function pyodideFolder(): string {
  const require = createRequire(import.meta.url)
  return path.dirname(require.resolve('pyodide/package.json'))
}

export function pyodidePlugin(): Plugin {
  const folder = pyodideFolder()
  let base = '/'
  /** does this build have Slidev's /print page (the handout)? */
  let printPage = false
  return {
    name: 'os-workshop:pyodide',
    config() {
      return {
        // the Python worker loads Pyodide with a dynamic import: an ES module worker
        worker: { format: 'es' },
        server: { headers: ISOLATION_HEADERS },
        preview: { headers: ISOLATION_HEADERS },
        optimizeDeps: { exclude: ['pyodide'] },
      }
    },
    configResolved(config) {
      base = config.base || '/'
      printPage = config.define?.__SLIDEV_FEATURE_PRINT__ === 'true'
    },
    configureServer(server) {
      const prefix = `${base.replace(/\/?$/, '/')}${PYODIDE_DIR}`
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0]
        if (!url.startsWith(prefix))
          return next()
        const name = decodeURIComponent(url.slice(prefix.length))
        if (name === SNAPSHOT_FILE) {
          shippedSnapshot(folder).then((bytes) => {
            res.setHeader('Content-Type', 'application/gzip')
            res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
            res.end(bytes)
          }, next)
          return
        }
        if (!PYODIDE_FILES.includes(name))
          return next()
        const file = path.join(folder, name)
        res.statusCode = 200
        res.setHeader('Content-Type', TYPES[path.extname(name)] ?? 'application/octet-stream')
        res.setHeader('Content-Length', String(statSync(file).size))
        res.setHeader('Cache-Control', 'max-age=3600')
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
        for (const [key, value] of Object.entries(ISOLATION_HEADERS))
          res.setHeader(key, value)
        createReadStream(file).pipe(res)
      })
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) // the dev server: the slide app starts the worker
          return
        const worker = Object.keys(bundle).find(name => /(?:^|\/)python-worker-[\w-]+\.js$/.test(name))
        if (!worker)
          throw new Error('the Python worker is missing from the build (deck/python-worker.ts)')
        const root = base.replace(/\/?$/, '/')
        return [{ tag: 'script', children: earlyStart(`${root}${worker}`, `${root}${PYODIDE_DIR}`, printPage), injectTo: 'head-prepend' }]
      },
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: `${PYODIDE_DIR}${SNAPSHOT_FILE}`, source: await shippedSnapshot(folder) })
      for (const name of PYODIDE_FILES) {
        const file = path.join(folder, name)
        if (!existsSync(file))
          this.error(`Pyodide file missing: ${name} (is the "pyodide" package installed?)`)
        this.emitFile({ type: 'asset', fileName: `${PYODIDE_DIR}${name}`, source: readFileSync(file) })
      }
    },
  }
}

export default pyodidePlugin
