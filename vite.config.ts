import { readFileSync } from 'node:fs'
import { defineConfig } from 'vite'
import { taskFilesPlugin } from './grader/dev-server.ts'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

// Slidev merges this file into its own Vite configuration (dev, build and export).
// Vite plugins of the deck itself live in setup/vite-plugins.ts; the one here is the
// terminal's side of the dev server (exercises/NN/task.py under `npm run dev`), which
// the deck's own folders may not import.
export default defineConfig({
  plugins: [taskFilesPlugin()],
  define: {
    __DECK_VERSION__: JSON.stringify(version),
    // the class build (scripts/build-class.js) leaves the solutions out
    __CLASS_BUILD__: JSON.stringify(process.env.OS_WORKSHOP_CLASS_BUILD === '1'),
  },
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
