// Slidev merges this file into its own Vite configuration (dev, build and export).
// Vite plugins of the deck itself live in setup/vite-plugins.ts.

import { defineConfig } from 'vite'

export default defineConfig({})
