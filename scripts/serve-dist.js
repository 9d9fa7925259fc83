// @ts-check
// A small static server for the built deck (dist/): the single-page app's routes fall back
// to index.html, and the cross-origin isolation headers let Stop interrupt Python at once.
// Used by `npm run preview` and by the browser tests.
import { createReadStream, existsSync, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'

export { ISOLATION_HEADERS } from '../core/isolation.js'

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.zip': 'application/zip',
  '.whl': 'application/zip',
  '.tar': 'application/x-tar',
  '.data': 'application/octet-stream',
}

/**
 * @typedef {{ origin: string, missing: string[], close: () => Promise<void> }} StaticServer
 *   `missing`: every path that was asked for and not found (app routes excluded)
 */

/**
 * Serves `dir` on `host`:`port` (port 0: any free port) under the path `base` (a deck built
 * with `--base /repo/`, as on GitHub Pages). `headers` go on every response.
 * Rejects with a plain message when the port is taken.
 * @param {string} dir
 * @param {{ headers?: Record<string, string>, port?: number, host?: string, base?: string }} [options]
 * @returns {Promise<StaticServer>} the server
 */
export function serveStatic(dir, options = {}) {
  const { headers = {}, port = 0, host = '127.0.0.1', base = '/' } = options
  /** @type {string[]} */
  const missing = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!`${url.pathname}/`.startsWith(base)) {
      missing.push(url.pathname)
      res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found')
      return
    }
    let file = path.join(dir, decodeURIComponent(url.pathname.slice(base.length - 1)))
    if (!file.startsWith(dir)) {
      res.writeHead(403).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory())
      file = path.join(file, 'index.html')
    if (!existsSync(file)) {
      // a route of the single-page app (/3, /presenter/1, /overview): serve the app
      if (!path.extname(url.pathname)) {
        file = path.join(dir, 'index.html')
      }
      else {
        missing.push(url.pathname)
        res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found')
        return
      }
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600',
      ...headers,
    })
    createReadStream(file).pipe(res)
  })
  return new Promise((resolve, reject) => {
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      reject(error.code === 'EADDRINUSE'
        ? new Error(`port ${port} is already in use: stop the other server, or pick another port (npm run preview -- --port ${port + 1})`)
        : error)
    })
    server.listen(port, host, () => {
      const address = server.address()
      const actual = typeof address === 'object' && address ? address.port : port
      resolve({
        origin: `http://${host}:${actual}`,
        missing,
        close: () => new Promise(done => server.close(() => done())),
      })
    })
  })
}
