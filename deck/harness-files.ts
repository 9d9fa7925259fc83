// The harness package (core/harness/*.py), bundled as text for the deck's Python.
const files = import.meta.glob<string>('../core/harness/*.py', { eager: true, query: '?raw', import: 'default' })

export const harnessFiles: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, source]) => [path.split('/').pop()!, source]),
)
