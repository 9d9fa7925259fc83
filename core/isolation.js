// The headers that make a page cross-origin isolated, so that SharedArrayBuffer works and
// Stop can interrupt Python at once: one copy for the dev server (deck/vite-pyodide.ts),
// the static server of the built deck (scripts/serve-dist.js) and the tests.
// Plain JavaScript: `npm run preview` runs it in Node without a compiler.

export const ISOLATION_HEADERS = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
})
