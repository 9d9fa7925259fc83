// Starts loading Python in the background as soon as the deck opens, so the
// first Run on a live block does not wait for Pyodide.
import { defineAppSetup } from '@slidev/types'
import { preloadPython } from '../deck/python'

export default defineAppSetup(() => {
  // the exporter's print page shows each block's promised output: no Python needed
  if (typeof location === 'undefined' || !/\/print\/?$/.test(location.pathname))
    preloadPython()
})
