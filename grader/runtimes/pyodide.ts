// Pyodide for the terminal: one Node process per exercise, under Node's permission
// model and, where Linux allows, without a network. Learner code gets an in-memory
// folder per case; what an exercise's code does to its interpreter (or to the
// JavaScript around it) ends with that process. Processes are started ahead of need,
// from a memory snapshot of a Python with the harness loaded, so a fresh one is ready
// when an exercise is graded. The host (queue, time limit, restart) is core/python/host.ts.

import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import type { Profile } from '../../core/profiles'
import type { EvaluatedValue, FromWorker, Runtime } from '../../core/protocol'
import type { WorkerPort } from '../../core/python/host'
import { spawn } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { PROFILES } from '../../core/profiles'
import { createPythonHost } from '../../core/python/host'
import { STATE_DIR } from '../paths'
import { howItEnded, readChild } from './child-output'
import { withoutNetwork } from './confine'
import { createHostPool } from './host-pool'

const PROCESS_SCRIPT = fileURLToPath(new URL('./pyodide-process.js', import.meta.url))
const WORKER_LOOP = fileURLToPath(new URL('../../core/python/worker-loop.js', import.meta.url))
const HARNESS_DIR = fileURLToPath(new URL('../../core/harness/', import.meta.url))
const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url))
export const PYODIDE_DIR = `${dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))}/`
/** Node 20 and 21 spell it --experimental-permission; later versions --permission. */
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission'

/** The snapshot's file, named by everything that goes into it: Pyodide, the harness, the loop. */
export function snapshotFile(kind: 'python' | 'browser' = 'python'): string {
  const hash = createHash('sha256').update(readFileSync(join(PYODIDE_DIR, 'package.json')))
  hash.update(readFileSync(WORKER_LOOP))
  for (const name of readdirSync(HARNESS_DIR).filter(n => n.endsWith('.py')).sort())
    hash.update(`\n${name}\n`).update(readFileSync(join(HARNESS_DIR, name)))
  return join(STATE_DIR, `${kind}-${hash.digest('hex').slice(0, 16)}.snapshot`)
}

/**
 * The command that starts `script` the way every Python process starts: under Node's
 * permission model (it may read `reads` and nothing else; no writes, child processes,
 * workers, addons or code made from strings) and, where Linux allows, without a network.
 */
export function restrictedNodeCommand(script: string, reads: string[], args: string[] = []): string[] {
  return [
    ...withoutNetwork(),
    process.execPath,
    PERMISSION_FLAG,
    ...[script, ...reads].map(path => `--allow-fs-read=${path}`),
    '--disallow-code-generation-from-strings',
    '--disable-warning=ExperimentalWarning',
    // a short-lived process: V8's optimising compilers would finish after it is gone
    // (half the CPU of a start, and learner code runs no slower for it)
    '--liftoff-only',
    '--no-opt',
    script,
    ...args,
  ]
}

/** The command that starts one Python process, and what it may read. */
export function pythonProcessCommand(snapshot: string): string[] {
  const config = { pyodide: pathToFileURL(join(PYODIDE_DIR, 'pyodide.mjs')).href, harness: HARNESS_DIR, snapshot }
  return restrictedNodeCommand(PROCESS_SCRIPT, [PYODIDE_DIR, WORKER_LOOP, HARNESS_DIR, PACKAGE_JSON, snapshot], [JSON.stringify(config)])
}

function keepSnapshot(file: string, bytes: Uint8Array) {
  mkdirSync(STATE_DIR, { recursive: true })
  // older snapshots (another harness or Pyodide) are of no use any more
  for (const old of readdirSync(STATE_DIR).filter(name => /^python-.*\.(?:snapshot|expressions\.json)$/.test(name)))
    rmSync(join(STATE_DIR, old), { force: true })
  // a name of its own: two runtimes of one process may both be writing it
  const partial = `${file}.${process.pid}.${randomUUID()}.partial`
  writeFileSync(partial, bytes)
  renameSync(partial, file) // other graders never read half a file
}

/**
 * A Python process as the host sees a worker: JSON lines in, JSON lines out. It is
 * started once `after` settles (the snapshot is there); what is posted before waits.
 */
function processPort(command: string[], after: Promise<unknown>): WorkerPort {
  let handlers: Parameters<WorkerPort['listen']> | undefined
  let child: ChildProcessWithoutNullStreams | undefined
  let killed = false
  const queued: string[] = []
  void after.finally(() => {
    if (killed)
      return
    child = startProcess(command, message => handlers?.[0](message), error => handlers?.[1](error))
    for (const line of queued.splice(0)) child.stdin.write(line)
  })
  return {
    post(message) {
      const line = `${JSON.stringify(message)}\n`
      if (child)
        child.stdin.write(line)
      else queued.push(line)
    },
    listen: (...listeners) => {
      handlers = listeners
    },
    terminate() {
      killed = true
      child?.kill('SIGKILL')
    },
  }
}

function startProcess(command: string[], onMessage: (message: FromWorker) => void, onFailure: (error: string) => void): ChildProcessWithoutNullStreams {
  const [program, ...args] = command
  const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], env: {} })
  const stderr = readChild(child, (line) => {
    const message = readMessage(line)
    if (message)
      onMessage(message)
  })
  child.on('error', error => onFailure(error.message))
  child.on('exit', (code, signal) => onFailure(`the Python process stopped (${howItEnded(code, signal, stderr())})`))
  return child
}

/** One line from a Python process; what is not a message is dropped (the host validates the rest). */
function readMessage(line: string): FromWorker | undefined {
  try {
    const message = JSON.parse(line) as Record<string, unknown>
    if (message?.type === 'snapshot')
      return typeof message.base64 === 'string' ? { type: 'snapshot', bytes: Buffer.from(message.base64, 'base64') } : undefined
    return typeof message?.type === 'string' ? message as unknown as FromWorker : undefined
  }
  catch {
    return undefined
  }
}

/** The spec expressions' values, kept beside the snapshot they were worked out with. */
function expressionCache(snapshot: string) {
  const file = snapshot.replace(/\.snapshot$/, '.expressions.json')
  const read = (): Record<string, EvaluatedValue> => {
    try {
      return JSON.parse(readFileSync(file, 'utf8'))
    }
    catch {
      return {}
    }
  }
  return {
    get: (expressions: string[], profile: Profile): EvaluatedValue[] | undefined => {
      const known = read()
      const keys = expressions.map(e => `${profile}:${e}`)
      return keys.every(k => k in known) ? keys.map(k => known[k]) : undefined
    },
    add(expressions: string[], profile: Profile, values: EvaluatedValue[]) {
      const known = read()
      expressions.forEach((e, i) => (known[`${profile}:${e}`] = values[i]))
      mkdirSync(STATE_DIR, { recursive: true })
      writeFileSync(file, JSON.stringify(known))
    },
  }
}

interface PyodideOptions {
  /** Keep a warm process per core waiting after a run (watch mode); false: only while exercises wait. */
  keepWarm?: boolean
}

export function createPyodideRuntime({ keepWarm = true }: PyodideOptions = {}): Runtime {
  const file = snapshotFile()
  const expressions = expressionCache(file)
  const command = pythonProcessCommand(file)
  // Without a snapshot, the first process makes one while the others wait for it:
  // one full load (about 3 s) instead of one per process.
  let snapshotMade: Promise<unknown> | undefined = existsSync(file) ? Promise.resolve() : undefined
  let announce = () => {}

  const pool = createHostPool(async () => {
    const after = snapshotMade ?? Promise.resolve()
    snapshotMade ??= new Promise<void>(resolve => (announce = resolve))
    const host = createPythonHost({
      indexURL: PYODIDE_DIR,
      canShareMemory: false, // another process: a run that overstays is killed with it
      spawn: () => processPort(command, after),
      keepSnapshot: (bytes) => {
        keepSnapshot(file, bytes)
        announce()
      },
    }, { restart: false })
    host.preload().catch(() => {}).finally(announce)
    return host
  }, { keepWarm })

  return {
    name: 'pyodide',
    profiles: PROFILES,
    warm: pool.warm,
    exercise: pool.exercise,
    async evaluate(asked, profile = 'linux') {
      const known = expressions.get(asked, profile)
      if (known)
        return known
      const values = await pool.evaluate(asked, profile) // a process of its own, which no learner code has run in
      expressions.add(asked, profile, values)
      return values
    },
    runScript: pool.runScript,
    close: pool.close,
  }
}
