// Isolated grading, for code that is not yours (`npm run grade -- --isolated`, and the
// class grader): Pyodide in headless Chromium, one Web Worker per exercise in a page
// that holds nothing the grader trusts. The boundary is the browser's own: a web page
// has no API to the machine's files or programs, the Content-Security-Policy refuses code
// made from strings and any request outside the local server, and (when the grader does
// not run as root) Chromium's sandbox confines the page's process. The same worker
// loop and harness as the deck, so verdicts match it; the host is core/python/host.ts,
// here in Node, with the page as a relay it validates.

import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { FromWorker, Runtime } from '../../core/protocol'
import type { PythonHost, WorkerPort } from '../../core/python/host'
import type { IsolationServer } from './browser-server'
import { chromium } from 'playwright-chromium'
import { PROFILES } from '../../core/profiles'
import { createPythonHost } from '../../core/python/host'
import { BROWSER_ARGS, findChromium, OFFLINE_ARG } from '../../scripts/find-chromium.js'
import { startIsolationServer } from './browser-server'
import { createHostPool } from './host-pool'
import { PYODIDE_DIR, snapshotFile } from './pyodide'

/** Root cannot have Chromium's sandbox; anybody else gets it. */
const AS_ROOT = process.getuid?.() === 0
/** How long a fresh Python may take to load in a page (the first one compiles Pyodide). */
const LOAD_LIMIT_MS = 120_000

export function launchIsolationBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...BROWSER_ARGS, OFFLINE_ARG], chromiumSandbox: !AS_ROOT, timeout: 60_000 })
}

interface Relay {
  page: Page
  /** where each worker's messages go */
  listeners: Map<number, Parameters<WorkerPort['listen']>>
}

/** What the relay page passes on: a worker's message, or word that the worker died. */
type PageMessage = FromWorker | { type: 'worker-failed', message?: unknown }

/** A message from the page, or undefined when it is not one (the host validates the rest). */
function readMessage(raw: unknown): PageMessage | undefined {
  return typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string' ? raw as PageMessage : undefined
}

async function openRelay(context: BrowserContext, origin: string, onLost: () => void): Promise<Relay> {
  const page = await context.newPage()
  const listeners = new Map<number, Parameters<WorkerPort['listen']>>()
  await page.exposeBinding('toGrader', (_, id: unknown, raw: unknown) => {
    const listener = typeof id === 'number' ? listeners.get(id) : undefined
    const message = readMessage(raw)
    if (!listener || !message)
      return
    if (message.type === 'worker-failed')
      listener[1](String(message.message ?? 'the worker stopped'))
    else listener[0](message)
  })
  // a page that crashes or closes takes its workers with it: each host hears so at once
  const lost = () => {
    onLost()
    ;[...listeners.values()].forEach(([, onFailure]) => onFailure('the grading page stopped'))
  }
  page.on('crash', lost)
  page.on('close', lost)
  await page.goto(`${origin}/`)
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  return { page, listeners }
}

let nextWorker = 0

/** A Web Worker of the relay page, as the host sees a worker. */
function pageWorker({ page, listeners }: Relay): WorkerPort {
  const id = ++nextWorker
  // the page is gone: the host hears so at once, as from a worker that stopped
  const call = (script: (args: [number, unknown]) => void, message?: unknown) => void page.evaluate(script, [id, message] as [number, unknown])
    .catch(() => listeners.get(id)?.[1]('the grading page stopped'))
  call(([i]) => (globalThis as any).spawnWorker(i))
  return {
    post: message => call(([i, m]) => (globalThis as any).postToWorker(i, m), message),
    listen: (...handlers) => void listeners.set(id, handlers),
    terminate: () => {
      listeners.delete(id)
      call(([i]) => (globalThis as any).terminateWorker(i))
    },
  }
}

interface BrowserRuntimeOptions {
  /** A browser shared by several runtimes (one per learner); else one of its own. */
  browser?: Browser
  /** A server shared by several runtimes, started by startIsolationServer; else one of its own. */
  server?: IsolationServer
  keepWarm?: boolean
  /** Load Python before the first exercise asks (default): false for a runtime opened when needed. */
  startAhead?: boolean
  /** Exercises graded at once (default: one per core). */
  lanes?: number
}

/** The server of the isolated mode, for runtimes that share one. */
export function startSharedIsolationServer(): Promise<IsolationServer> {
  return startIsolationServer(PYODIDE_DIR, snapshotFile('browser'))
}

export function createBrowserRuntime(options: BrowserRuntimeOptions = {}): Runtime {
  const { browser: sharedBrowser, server: sharedServer, keepWarm = true, startAhead = true, lanes } = options
  let server: IsolationServer | undefined
  let browser: Browser | undefined
  let context: BrowserContext | undefined
  const hostOn = (relay: Relay): PythonHost => createPythonHost({
    indexURL: `${server!.origin}/pyodide/`,
    canShareMemory: false, // a run that overstays ends with its worker
    spawn: () => pageWorker(relay),
  }, { restart: false })

  // the relay page; after a crash, a new one in a new context, so nothing of the old carries over
  let relay: { ready: Promise<Relay>, lost: boolean } | undefined
  const currentRelay = (): Promise<Relay> => {
    if (!relay || relay.lost) {
      const fresh = { lost: false, ready: (async () => {
        await context?.close().catch(() => {})
        context = await browser!.newContext()
        return openRelay(context, server!.origin, () => (fresh.lost = true))
      })() }
      relay = fresh
    }
    return relay.ready
  }

  const setup = (async () => {
    server = sharedServer ?? await startSharedIsolationServer()
    browser = sharedBrowser ?? await launchIsolationBrowser()
    if (!server.hasSnapshot()) {
      // made by a worker that never sees learner code, before any learner code exists
      const uploaded = server.acceptSnapshot()
      const maker = hostOn(await currentRelay())
      let timer: ReturnType<typeof setTimeout> | undefined
      await Promise.race([Promise.all([maker.preload(), uploaded]), new Promise((resolve) => {
        timer = setTimeout(resolve, LOAD_LIMIT_MS)
      })])
      clearTimeout(timer) // else the grader would wait out the limit before it exits
      await maker.close()
    }
  })()
  setup.catch(() => {})
  const pool = createHostPool(async () => {
    await setup
    return hostOn(await currentRelay())
  }, { keepWarm, startAhead, lanes })

  return {
    name: 'pyodide',
    profiles: PROFILES,
    warm: pool.warm,
    exercise: pool.exercise,
    evaluate: pool.evaluate,
    runScript: pool.runScript,
    async close() {
      await pool.close()
      await context?.close().catch(() => {})
      if (!sharedBrowser)
        await browser?.close().catch(() => {})
      if (!sharedServer)
        await server?.close()
    },
  }
}
