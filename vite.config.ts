import { defineConfig } from 'vite'

// Slidev merges this file into its own Vite configuration (dev, build and export).
// Vite plugins of the deck itself live in setup/vite-plugins.ts.
export default defineConfig({
  optimizeDeps: {
    // The exercise editor and README renderer are loaded only when an exercise slide
    // shows. Bundled up front, so the dev server (and `slidev export`, which runs one) never stops to
    // re-optimise and reload the page halfway through.
    include: [
      '@codemirror/commands',
      '@codemirror/lang-python',
      '@codemirror/language',
      '@codemirror/state',
      '@codemirror/view',
      '@lezer/highlight',
      'markdown-it',
    ],
  },
})
