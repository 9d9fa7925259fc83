// When the deck opens: Python starts loading in the background, so the first Run
// on a live block does not wait for Pyodide; under automation, the test hook.
import { defineAppSetup } from '@slidev/types'
import { preloadPython } from '../deck/python'
import { installTestHook } from '../deck/test-hook'

export default defineAppSetup(() => {
  installTestHook()
  // the exporter's print page shows each block's promised output: no Python needed
  if (typeof location === 'undefined' || !/\/print\/?$/.test(location.pathname))
    preloadPython()
})
