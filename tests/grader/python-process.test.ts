// The boundary of the default runtime is the process Python runs in, not what the
// harness hides: here JavaScript that already got out of Python (the worst case) runs
// in a process started exactly like a Python process, and tries everything. It only
// ever writes a canary file in a temporary folder.
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { withoutNetwork } from '../../grader/runtimes/confine'
import { restrictedNodeCommand } from '../../grader/runtimes/pyodide'
import { watchForEscapes } from './canary'
import { PROJECT } from './run-cli'

const watch = watchForEscapes()

/** Each attempt prints what happened; "denied" when the process refused it. */
function payload(canary: string) {
  return `
const results = {}
const attempt = async (name, act) => {
  try { results[name] = 'allowed: ' + String(await act()).slice(0, 60) } catch (error) { results[name] = 'denied: ' + (error.code ?? error.message) }
}
const get = name => process.getBuiltinModule(name)
await attempt('write a file', () => get('fs').writeFileSync(${JSON.stringify(canary)}, 'fs'))
await attempt('run a program', () => get('child_process').execSync('touch ${canary}'))
await attempt('read /etc/hostname', () => get('fs').readFileSync('/etc/hostname', 'utf8'))
await attempt('read the solutions', () => get('fs').readdirSync(${JSON.stringify(join(PROJECT, 'solutions'))}))
await attempt('start a worker', () => new (get('worker_threads').Worker)('1', { eval: true }))
await attempt('load an addon', () => process.dlopen({ exports: {} }, '/usr/lib/x86_64-linux-gnu/libc.so.6'))
await attempt('open the inspector', () => new (get('inspector').Session)().connect())
await attempt('make code from a string', () => new Function('return 1')())
await attempt('connect to the network', () => new Promise((resolve, reject) => {
  const socket = get('net').connect(${watch.port}, '127.0.0.1', () => resolve('connected'))
  socket.on('error', reject)
  setTimeout(() => reject(new Error('no answer')), 2000)
}))
await attempt('fetch', () => fetch('http://127.0.0.1:${watch.port}/').then(r => r.status))
console.log(JSON.stringify(results))
`
}

it('a Python process cannot write, run programs, read outside its files, start workers or addons, or reach the network', () => {
  const script = join(watch.folder, 'payload.mjs')
  writeFileSync(script, payload(watch.canary))
  const [command, ...args] = restrictedNodeCommand(script, [])
  const run = spawnSync(command, args, { encoding: 'utf8', env: {}, timeout: 30_000 })
  const results = JSON.parse(run.stdout) as Record<string, string>
  expect(Object.entries(results).filter(([, outcome]) => outcome.startsWith('allowed'))).toEqual([])
  expect(existsSync(watch.canary), 'the canary was written').toBe(false)
  expect(watch.knocks, 'the test server was reached').toBe(0)
})

it('on Linux the process gets a network of its own (nothing in it), without root', () => {
  if (process.platform === 'linux')
    expect(withoutNetwork()[0]).toBe('unshare')
  else
    expect(withoutNetwork()).toEqual([])
})
