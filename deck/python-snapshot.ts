// The memory snapshot the deck ships beside Pyodide's files: Python with the harness
// imported, made in Node by deck/vite-pyodide.ts (at build time, or on the dev server's
// first request) and restored by the worker, so a first visit never starts Python afresh.
// It comes from the deck's own server, like the rest of its code: nothing a slide script
// can write in the browser (IndexedDB, Cache Storage) is ever read back.

export const SNAPSHOT_FILE = 'python.snapshot.gz'

/** The snapshot, or undefined where none is served (or it arrives broken): Python then starts afresh. */
export async function fetchSnapshot(indexURL: string): Promise<Uint8Array | undefined> {
  try {
    const response = await fetch(`${indexURL}${SNAPSHOT_FILE}`)
    if (!response.ok || !response.body)
      return undefined
    return new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer())
  }
  catch {
    return undefined
  }
}
