// Print mode (deck/print-mode.ts): the early Python start in the built index.html, which
// cannot import the module, skips exactly the pages the module calls the handout; and a
// component outside Slidev's app (a test mount) gets an answer, not an error.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { HANDOUT_PATH, printModeAtLoad, usePrintMode } from '../../deck/print-mode'
import { earlyStart } from '../../deck/vite-pyodide'

// Slidev's nav lives in Slidev's app: it must not be reached from here
vi.mock('@slidev/client/composables/useNav.ts', () => ({
  useNav: () => {
    throw new Error('useNav() called outside Slidev\'s app')
  },
}))

afterEach(() => {
  vi.unstubAllGlobals()
})

/** Runs the index.html snippet at `pathname`: does it start the Python worker? */
function startsPython(pathname: string, printPage: boolean): boolean {
  let started = false
  class Worker {
    constructor() {
      started = true
    }

    postMessage() {}
  }
  // eslint-disable-next-line no-new-func
  new Function('location', 'Worker', 'self', earlyStart('/python-worker.js', '/pyodide/', printPage))({ pathname, href: `http://localhost${pathname}` }, Worker, {})
  return started
}

const PATHS = ['/1', '/12', '/print', '/print/', '/os-workshop/print', '/export', '/export/3', '/presenter/1', '/presenter/print', '/printing', '/overview']

describe('the handout page', () => {
  // Slidev has its /print page under `slidev export` and in a build with `download` only
  it.each(PATHS.flatMap(p => [[p, true], [p, false]] as const))('%s (print page: %s): the early Python start agrees with deck/print-mode.ts', (pathname, printPage) => {
    vi.stubGlobal('__SLIDEV_FEATURE_PRINT__', printPage)
    vi.stubGlobal('location', { pathname, search: '?print=true' })
    expect(startsPython(pathname, printPage)).toBe(!printModeAtLoad().handout)
  })

  it('is Slidev\'s /print page, under any base', () => {
    expect(PATHS.filter(p => HANDOUT_PATH.test(p))).toEqual(['/print', '/print/', '/os-workshop/print', '/presenter/print'])
  })
})

const Probe = defineComponent({
  setup() {
    const { printing, handout } = usePrintMode()
    return () => h('p', `printing=${printing.value} handout=${handout.value}`)
  },
})

describe('a component outside Slidev\'s app', () => {
  it('is not printing on a plain page', async () => {
    vi.stubGlobal('__SLIDEV_FEATURE_PRINT__', false)
    vi.stubGlobal('location', { pathname: '/3', search: '' })
    expect(await renderToString(createSSRApp(Probe))).toBe('<p>printing=false handout=false</p>')
  })

  it('reads the address on the exporter\'s pages', async () => {
    vi.stubGlobal('__SLIDEV_FEATURE_PRINT__', true)
    vi.stubGlobal('location', { pathname: '/3', search: '?print=clicks' })
    expect(await renderToString(createSSRApp(Probe))).toBe('<p>printing=true handout=false</p>')
    vi.stubGlobal('location', { pathname: '/print', search: '?print=true' })
    expect(await renderToString(createSSRApp(Probe))).toBe('<p>printing=true handout=true</p>')
  })
})

it('/print without Slidev\'s print page (the dev server, this build) is the live deck', () => {
  vi.stubGlobal('__SLIDEV_FEATURE_PRINT__', false)
  vi.stubGlobal('location', { pathname: '/print', search: '' })
  expect(printModeAtLoad()).toEqual({ printing: false, handout: false })
})
