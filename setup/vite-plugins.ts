// Vite plugins of the deck (Slidev loads this file itself): Pyodide served
// from this project's own files, and cross-origin isolation headers.
import { defineVitePluginsSetup } from '@slidev/types'
import { pyodidePlugin } from '../deck/vite-pyodide'

export default defineVitePluginsSetup(() => [pyodidePlugin()])
