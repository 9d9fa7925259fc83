// Are we printing? The one place the deck asks. Slidev's own print mode (useNav's
// isPrintMode: the `?print` its exporter always adds, or its /export page), and the
// handout: Slidev's whole-deck /print page, where a live block shows the output its
// slide promises instead of running. Slidev has that page under `slidev export` (and in
// a build with `download`); elsewhere /print is an unknown slide and the deck is live.
import type { Ref } from 'vue'
import { useNav } from '@slidev/client/composables/useNav.ts'
import { injectionSlidevContext } from '@slidev/client/constants.ts'
import { computed, hasInjectionContext, inject } from 'vue'

/**
 * The handout's address (Slidev's /print route, under any base). The early Python start
 * in index.html (deck/vite-pyodide.ts) runs before modules load and repeats this rule;
 * tests/unit/print-mode.test.ts holds the two equal.
 */
export const HANDOUT_PATH = /\/print\/?$/

interface PrintMode {
  /** the page is printed: every page the exporter visits, and /print opened by hand */
  printing: Readonly<Ref<boolean>>
  /** the whole-deck handout (/print) */
  handout: Readonly<Ref<boolean>>
}

/** The same answer from the address alone: before Slidev's app has a route, or outside its app. */
export function printModeAtLoad(): { printing: boolean, handout: boolean } {
  if (typeof location === 'undefined')
    return { printing: false, handout: false }
  const handout = __SLIDEV_FEATURE_PRINT__ && HANDOUT_PATH.test(location.pathname)
  return { printing: handout || new URLSearchParams(location.search).has('print'), handout }
}

let shared: PrintMode | undefined

/**
 * Print mode, reactive: in a component's setup, or anywhere once Slidev's app runs (the
 * code runner): Slidev made its nav as it started, a shared composable that works outside setup.
 */
export function usePrintMode(): PrintMode {
  if (!hasInjectionContext())
    return shared ??= fromSlidev()
  // a component outside Slidev's app (a test mount, a small app of its own) has no nav
  if (!inject(injectionSlidevContext, null)) {
    const { printing, handout } = printModeAtLoad()
    return { printing: computed(() => printing), handout: computed(() => handout) }
  }
  return fromSlidev()
}

function fromSlidev(): PrintMode {
  const { isPrintMode, currentRoute } = useNav()
  // Slidev lays /print out for paper with or without ?print: so is it printed here
  const handout = computed(() => currentRoute.value.name === 'print')
  return { printing: computed(() => isPrintMode.value || handout.value), handout }
}
