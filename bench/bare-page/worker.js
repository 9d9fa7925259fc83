// The bare page's worker: Pyodide from the deck's own files, then print(1).
import { loadPyodide } from './pyodide/pyodide.mjs'

const pyodide = await loadPyodide({ indexURL: new URL('./pyodide/', location.href).href })
pyodide.runPython('print(1)')
postMessage('ready')
