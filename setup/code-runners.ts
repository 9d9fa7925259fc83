// The `python` runner of the live blocks: the script runs in a Web Worker with
// Pyodide and the core's harness, in a fresh folder seeded with the slide's
// `tree:` (handed over as runnerOptions by setup/transformers.ts).

import type { CodeRunner } from '@slidev/types'
import type { RunResult } from '../core/python/host'
import type { Tree } from '../core/spec'
import type { LiveState } from '../deck/live-state'
import { defineCodeRunnersSetup } from '@slidev/types'
import { createApp, reactive } from 'vue'
import LiveOutput from '../components/LiveOutput.vue'
import { python } from '../deck/python'

/** How long printing (PDF export) waits for Python before showing the slide's expected output. */
const PRINT_DEADLINE_MS = 25_000
/** A slide's script may run this long before it is stopped. */
const SCRIPT_LIMIT_S = 5

function isPrinting(): boolean {
  if (typeof location === 'undefined')
    return false
  return new URLSearchParams(location.search).has('print') || /\/(?:export|print)\/?$/.test(location.pathname)
}

/** The exporter's print page, which renders the whole deck at once for the handout. */
function isHandout(): boolean {
  return typeof location !== 'undefined' && /\/print\/?$/.test(location.pathname)
}

function mount(state: LiveState): HTMLElement {
  const element = document.createElement('div')
  element.className = 'live-python'
  createApp(LiveOutput, { state }).mount(element)
  return element
}

let runs = 0

const runPython: CodeRunner = async (code, ctx) => {
  const options = ctx.options as { tree?: Tree, expected?: string }
  const tree = options.tree ?? {}
  const state = reactive<LiveState>({ run: ++runs, phase: python.status === 'ready' ? 'running' : 'loading', tree, fallback: options.expected })

  if (isHandout() && options.expected !== undefined) {
    // the exported handout shows the output the slide promises (tests check it against real runs)
    state.phase = 'finished'
    return { element: mount(state) }
  }
  if (isPrinting()) {
    // printing waits for the real output, but never for ever
    const deadline = new Promise<RunResult>(resolve => setTimeout(
      () => resolve({ status: 'failed', message: 'Python was not ready in time', ms: PRINT_DEADLINE_MS }),
      PRINT_DEADLINE_MS,
    ))
    state.result = await Promise.race([python.runScript({ source: code, tree, timeoutS: SCRIPT_LIMIT_S }), deadline])
    state.phase = 'finished'
    return { element: mount(state) }
  }

  const stopper = new AbortController()
  state.stop = () => stopper.abort()
  const off = python.onStatus((status) => {
    if (status === 'ready' && state.phase === 'loading')
      state.phase = 'running'
  })
  python.runScript({ source: code, tree, timeoutS: SCRIPT_LIMIT_S }, stopper.signal).then((result) => {
    state.result = result
  }, (error: Error) => {
    state.result = { status: 'failed', message: error.message, ms: 0 }
  }).finally(() => {
    off()
    state.phase = 'finished'
    state.stop = undefined
  })
  return { element: mount(state) }
}

export default defineCodeRunnersSetup(() => ({
  python: runPython,
  py: runPython,
}))
