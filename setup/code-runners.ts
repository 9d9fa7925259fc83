// The `python` runner of the live blocks: the script runs in a Web Worker with
// Pyodide and the core's harness, in a fresh folder seeded with the slide's
// `tree:` (handed over as runnerOptions by setup/transformers.ts), as the house the
// learner picked (Linux/macOS or Windows); a slide with `houses: both` shows both.

import type { CodeRunner } from '@slidev/types'
import type { App } from 'vue'
import type { Profile } from '../core/profiles'
import type { RunResult } from '../core/protocol'
import type { Tree } from '../core/spec'
import type { LiveState } from '../deck/live-state'
import { defineCodeRunnersSetup } from '@slidev/types'
import { createApp, reactive } from 'vue'
import LiveOutput from '../components/LiveOutput.vue'
import { PROFILES } from '../core/profiles'
import { liveHouse } from '../deck/house'
import { SCRIPT_LIMIT_S } from '../deck/live-state'
import { usePrintMode } from '../deck/print-mode'
import { python } from '../deck/python'

/** How long printing (PDF export) waits for Python before showing the slide's expected output. */
const PRINT_DEADLINE_MS = 25_000

/** Slidev's print mode, read when a block runs (its nav works outside components). */
const isPrinting = () => usePrintMode().printing.value
const isHandout = () => usePrintMode().handout.value

/** The element a block's output is shown in: Slidev's runner output can be a DOM element. */
const OUTPUT_TAG = 'live-python-output'

/**
 * Its LiveOutput app lives while the element is on the page. Slidev drops the element when
 * the next Run replaces it (or the block goes) and has no hook for it; the element's own
 * disconnect is that hook. As Vue's custom elements do: unmount once the render that removed
 * it is done (a microtask later), unless the element was only moved.
 */
function defineOutputElement() {
  customElements.define(OUTPUT_TAG, class extends HTMLElement {
    state?: LiveState
    app?: App

    connectedCallback() {
      if (this.state && !this.app) {
        this.app = createApp(LiveOutput, { state: this.state })
        this.app.mount(this)
      }
    }

    disconnectedCallback() {
      queueMicrotask(() => {
        if (!this.isConnected) {
          // its run, if still going, would hold up the next one until its time limit
          this.state?.stop?.()
          this.app?.unmount()
          this.app = undefined
        }
      })
    }
  })
}

function mount(state: LiveState): HTMLElement {
  if (!customElements.get(OUTPUT_TAG))
    defineOutputElement()
  const element = document.createElement(OUTPUT_TAG) as HTMLElement & { state?: LiveState }
  element.className = 'live-python'
  element.state = state
  return element
}

let runs = 0

interface LiveOptions { tree?: Tree, expected?: string, houses?: 'both' }

function failed(error: unknown): RunResult {
  return { status: 'failed', message: (error as Error).message }
}

/** One run of the block as `profile`, shown in `state` as it goes (a run again gets a new number); never rejects. */
async function runAs(code: string, options: LiveOptions, state: LiveState, profile: Profile, again = false) {
  const tree = options.tree ?? {}
  Object.assign(state, { profile, phase: python.status === 'ready' ? 'running' : 'loading', result: undefined })
  if (again)
    state.run = ++runs
  if (isHandout() && options.expected !== undefined && profile === 'linux') {
    // the exported handout shows the output the slide promises (tests check it against real runs)
    state.phase = 'finished'
    return
  }
  if (isPrinting()) {
    // printing waits for the real output, but never for ever
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<RunResult>((resolve) => {
      timer = setTimeout(resolve, PRINT_DEADLINE_MS, { status: 'failed', message: 'Python was not ready in time' })
    })
    try {
      state.result = await Promise.race([python.runScript({ source: code, tree, timeoutS: SCRIPT_LIMIT_S, profile }), deadline])
    }
    catch (error) {
      state.result = failed(error)
    }
    finally {
      clearTimeout(timer)
      state.phase = 'finished'
    }
    return
  }
  const stopper = new AbortController()
  state.stop = () => stopper.abort()
  const off = python.onStatus((status) => {
    if (status === 'ready' && state.phase === 'loading')
      state.phase = 'running'
  })
  try {
    state.result = await python.runScript({ source: code, tree, timeoutS: SCRIPT_LIMIT_S, profile }, stopper.signal)
  }
  catch (error) {
    state.result = failed(error)
  }
  finally {
    off()
    state.phase = 'finished'
    state.stop = undefined
  }
}

const runPython: CodeRunner = async (code, ctx) => {
  const options = ctx.options as LiveOptions
  const fresh = (profile: Profile) => reactive<LiveState>({ run: ++runs, phase: 'loading', tree: options.tree ?? {}, fallback: profile === 'linux' ? options.expected : undefined, profile })
  if (options.houses === 'both') {
    // the same script in both houses, side by side
    const element = document.createElement('div')
    element.className = 'live-houses'
    const states = PROFILES.map(fresh)
    for (const state of states)
      element.append(mount(state))
    const done = (async () => {
      for (const state of states) await runAs(code, options, state, state.profile)
    })()
    if (isPrinting())
      await done
    return { element }
  }
  const state = fresh(liveHouse.value)
  state.runAs = (profile) => {
    liveHouse.value = profile
    void runAs(code, options, state, profile, true)
  }
  const run = runAs(code, options, state, state.profile)
  if (isPrinting())
    await run
  return { element: mount(state) }
}

export default defineCodeRunnersSetup(() => ({
  python: runPython,
  py: runPython,
}))
