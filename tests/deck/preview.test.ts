// `npm run preview` serves the built deck with the isolation headers, and a port in use
// gets a plain message instead of a stack trace.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ROOT } from '../../support/deck'
import { ensureBuilt } from '../../support/site'

const started: ReturnType<typeof spawn>[] = []

/** Starts `node scripts/preview.js --port <port>`; resolves with what it printed once it said something. */
function preview(port: number) {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'preview.js'), '--port', String(port)], { cwd: ROOT })
  started.push(child)
  let output = ''
  return new Promise<{ output: string, code: number | null }>((resolve) => {
    const said = () => {
      if (/Ctrl\+C stops|preview:/.test(output))
        resolve({ output, code: child.exitCode })
    }
    child.stdout.on('data', (chunk) => {
      output += chunk
      said()
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
      said()
    })
    child.on('close', code => resolve({ output, code }))
  })
}

function freePort() {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

beforeAll(async () => {
  await ensureBuilt()
}, 600_000)

afterAll(() => {
  for (const child of started) child.kill()
})

it('serves the deck with the headers that let Stop interrupt Python, and refuses a taken port plainly', async () => {
  const port = await freePort()
  const first = await preview(port)
  expect(first.output).toContain(`http://127.0.0.1:${port}/`)
  const response = await fetch(`http://127.0.0.1:${port}/5`)
  expect(response.status).toBe(200)
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin')
  expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp')
  expect(await response.text()).toContain('<div id="app">')

  const second = await preview(port)
  await new Promise(resolve => setTimeout(resolve, 200))
  expect(second.output).toContain(`port ${port} is already in use`)
  expect(second.output).not.toMatch(/\n\s+at /) // no stack trace
})
