// What escape tests watch: a folder anybody may write in (a canary file there means
// code got out) and a TCP server on 127.0.0.1 that counts who knocked.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'

export interface Watch { folder: string, canary: string, port: number, knocks: number }

/** Sets up the folder and the server for the test file that calls it. */
export function watchForEscapes(): Watch {
  const watch: Watch = { folder: '', canary: '', port: 0, knocks: 0 }
  const server = createServer((socket) => {
    watch.knocks++
    socket.destroy()
  })
  beforeAll(async () => {
    watch.folder = mkdtempSync(join(tmpdir(), 'os-workshop-canary-'))
    chmodSync(watch.folder, 0o777)
    watch.canary = join(watch.folder, 'escaped')
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    watch.port = (server.address() as { port: number }).port
  })
  afterAll(() => {
    server.close()
    rmSync(watch.folder, { recursive: true, force: true })
  })
  return watch
}
