// The local server of the isolated grader: on 127.0.0.1, from memory and fixed folders
// only, it serves the relay page, the worker, Pyodide and the harness, all with a
// Content-Security-Policy that allows no code made from strings and no request to any
// other origin. It takes one upload: the snapshot, from the worker that makes it
// before any learner code exists; after that, never again.

import type { Server } from 'node:http'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PAGE_DIR = fileURLToPath(new URL('./browser-page/', import.meta.url))
const WORKER_LOOP = fileURLToPath(new URL('../../core/python/worker-loop.js', import.meta.url))
const HARNESS_DIR = fileURLToPath(new URL('../../core/harness/', import.meta.url))
const SNAPSHOT_LIMIT = 256 * 1024 * 1024

const CONTENT_POLICY = 'default-src \'none\'; script-src \'self\' \'wasm-unsafe-eval\'; connect-src \'self\'; worker-src \'self\''
const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', mjs: 'text/javascript', json: 'application/json', wasm: 'application/wasm', zip: 'application/zip' }

export interface IsolationServer {
  origin: string
  /** true once a snapshot is there to serve */
  hasSnapshot: () => boolean
  /** Takes the one upload of a snapshot; resolves when it has arrived. */
  acceptSnapshot: () => Promise<void>
  close: () => Promise<void>
}

export async function startIsolationServer(pyodideDir: string, snapshotFile: string): Promise<IsolationServer> {
  const files = new Map<string, Buffer>([
    ['/', readFileSync(join(PAGE_DIR, 'index.html'))],
    ['/page.js', readFileSync(join(PAGE_DIR, 'page.js'))],
    ['/worker.js', readFileSync(join(PAGE_DIR, 'worker.js'))],
    ['/worker-loop.js', readFileSync(WORKER_LOOP)],
    ['/harness.json', Buffer.from(JSON.stringify(Object.fromEntries(readdirSync(HARNESS_DIR)
      .filter(name => name.endsWith('.py'))
      .map(name => [name, readFileSync(join(HARNESS_DIR, name), 'utf8')]))))],
  ])
  for (const name of readdirSync(pyodideDir))
    files.set(`/pyodide/${name}`, readFileSync(join(pyodideDir, name)))
  let snapshot = existsSync(snapshotFile) ? readFileSync(snapshotFile) : undefined
  let upload: (() => void) | undefined
  let uploaded: Promise<void> | undefined

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    const headers = { 'content-security-policy': CONTENT_POLICY, 'x-content-type-options': 'nosniff' }
    const answer = (status: number, body?: Buffer, type = 'text/plain') => {
      // no-store: with Chromium's cache, workers compiling Pyodide side by side had their
      // responses aborted ("Response body loading was aborted")
      response.writeHead(status, { ...headers, 'content-type': type, 'cache-control': 'no-store' })
      response.end(body)
    }
    if (path === '/snapshot' && request.method === 'PUT') {
      if (!upload)
        return answer(403)
      const parts: Buffer[] = []
      let size = 0
      request.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= SNAPSHOT_LIMIT)
          parts.push(chunk)
      })
      request.on('end', () => {
        if (upload && size <= SNAPSHOT_LIMIT) {
          snapshot = Buffer.concat(parts)
          // a name of its own: another grader may be writing the same snapshot right now
          const partial = `${snapshotFile}.${process.pid}.${randomUUID()}.partial`
          mkdirSync(dirname(snapshotFile), { recursive: true })
          writeFileSync(partial, snapshot)
          renameSync(partial, snapshotFile)
          upload()
          upload = undefined
        }
        answer(204)
      })
      return
    }
    if (request.method !== 'GET')
      return answer(405)
    const body = path === '/snapshot' ? snapshot : files.get(path)
    if (!body)
      return answer(404)
    answer(200, body, TYPES[path.split('.').pop() ?? ''] ?? (path === '/' ? TYPES.html : 'application/octet-stream'))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    origin: `http://127.0.0.1:${port}`,
    hasSnapshot: () => snapshot !== undefined,
    acceptSnapshot: () => uploaded ??= new Promise<void>(resolve => (upload = resolve)),
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}
