// Where the browser keeps the memory snapshot of a Python with the harness loaded
// (IndexedDB), so that opening the deck again starts Python in a fraction of the time.
// Keyed by Pyodide's version and the harness: a new deck never loads a stale one.
import type { SnapshotStore } from '../core/python/worker-loop.js'

const DATABASE = 'os-workshop-python'
const TABLE = 'snapshots'

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

/** A short fingerprint of a text (FNV-1a). */
function fingerprint(text: string): string {
  let hash = 0x811C9DC5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16)
}

export async function browserSnapshots(indexURL: string, harnessSource: string): Promise<SnapshotStore | undefined> {
  if (typeof indexedDB === 'undefined')
    return undefined
  const lock = await fetch(`${indexURL}pyodide-lock.json`).then(r => r.json()).catch(() => undefined)
  const key = `${lock?.info?.version ?? 'unknown'}-${fingerprint(harnessSource)}`
  return {
    load: async () => {
      const found = await inTable<unknown>('readonly', table => table.get(key))
      return found instanceof Uint8Array ? found : undefined
    },
    save: async (bytes) => {
      await inTable('readwrite', table => table.clear()) // older snapshots are of no use
      await inTable('readwrite', table => table.put(bytes, key))
    },
    forget: async () => {
      await inTable('readwrite', table => table.delete(key))
    },
  }
}
