// When the deck opens: Python starts loading in the background, so the first Run
// on a live block does not wait for Pyodide; under automation, the test hook.
import { defineAppSetup } from '@slidev/types'
import { printModeAtLoad } from '../deck/print-mode'
import { preloadPython } from '../deck/python'
import { installTestHook } from '../deck/test-hook'

export default defineAppSetup(() => {
  installTestHook()
  // the handout shows each block's promised output: Python starts only if a block needs it
  // (Slidev's router has no route yet here, hence the address)
  if (!printModeAtLoad().handout)
    preloadPython()
})
