// Where the deck keeps the memory snapshot of a Python with the harness loaded, so that
// opening the deck again starts Python in a fraction of the time: the bytes in IndexedDB,
// their SHA-256 in localStorage. Slide code runs in a Web Worker, which can write
// IndexedDB but never localStorage; a snapshot whose digest does not match what the page
// recorded is dropped and made afresh. Keyed by Pyodide's version and the harness.

const DATABASE = 'os-workshop-python'
const TABLE = 'snapshots'
/** Where the page records the snapshot's digest (index.html's early start reads it too: deck/vite-pyodide.ts). */
export const DIGEST_KEY = 'os-workshop:python-snapshot'

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(TABLE)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function inTable<T>(mode: IDBTransactionMode, act: (table: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const database = await open()
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(database.transaction(TABLE, mode).objectStore(TABLE))
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
  }
  finally {
    database.close()
  }
}

/** A short fingerprint of a text (FNV-1a): names the snapshot, not a check of it. */
function fingerprint(text: string): string {
  let hash = 0x811C9DC5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16)
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
  return Array.from(digest, b => b.toString(16).padStart(2, '0')).join('')
}

interface Recorded { key: string, sha256: string }

function recorded(): Recorded | undefined {
  try {
    const raw = JSON.parse(localStorage.getItem(DIGEST_KEY) ?? 'null')
    return typeof raw?.key === 'string' && typeof raw?.sha256 === 'string' ? raw : undefined
  }
  catch {
    return undefined
  }
}

export interface SnapshotStore {
  /** The kept snapshot, only when its digest is the one the page recorded. */
  load: () => Promise<Uint8Array | undefined>
  save: (bytes: Uint8Array) => Promise<void>
}

/** Undefined where the browser offers no IndexedDB or no digests (a page not served securely). */
export function pageSnapshots(indexURL: string, harnessFiles: Record<string, string>): SnapshotStore | undefined {
  if (typeof indexedDB === 'undefined' || typeof localStorage === 'undefined' || !globalThis.crypto?.subtle)
    return undefined
  const key = (async () => {
    const lock = await fetch(`${indexURL}pyodide-lock.json`).then(r => r.json()).catch(() => undefined)
    const harness = Object.keys(harnessFiles).sort().map(name => `${name}\n${harnessFiles[name]}`).join('\n')
    return `${lock?.info?.version ?? 'unknown'}-${fingerprint(harness)}`
  })()
  return {
    async load() {
      const expected = recorded()
      if (!expected || expected.key !== await key)
        return undefined
      const found = await inTable<unknown>('readonly', table => table.get(expected.key))
      if (found instanceof Uint8Array && await sha256(found) === expected.sha256)
        return found
      localStorage.removeItem(DIGEST_KEY) // changed behind the page's back: make a new one
      await inTable('readwrite', table => table.clear())
      return undefined
    },
    async save(bytes) {
      const named = await key
      await inTable('readwrite', table => table.clear()) // older snapshots are of no use
      await inTable('readwrite', table => table.put(bytes, named))
      localStorage.setItem(DIGEST_KEY, JSON.stringify({ key: named, sha256: await sha256(bytes) }))
    },
  }
}
