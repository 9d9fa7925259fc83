// @ts-check
// npm run preview [-- --port 3031 --host 127.0.0.1]: serves the built deck (dist/) on this machine
// (--host 0.0.0.0: to the room too), with the headers that let Stop interrupt a running script;
// works offline.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ISOLATION_HEADERS, serveStatic } from './serve-dist.js'

const DIST = fileURLToPath(new URL('../dist/', import.meta.url))

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '3031' }, host: { type: 'string', default: '127.0.0.1' } } })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a number from 0 to 65535 (got "${values.port}")`)
  if (!existsSync(`${DIST}index.html`))
    throw new Error('there is no built deck yet: run `npm run build` first')
  const server = await serveStatic(DIST, { headers: ISOLATION_HEADERS, port, host: values.host })
  console.log(`The deck is at ${server.origin}/ (presenter view: ${server.origin}/presenter/1). Ctrl+C stops.`)
}

main().catch((error) => {
  console.error(`preview: ${error.message}`)
  process.exitCode = 2
})
