// At most `count` things at once; the rest wait in order.

export function createSlots(count: number) {
  let free = count
  const waiting: (() => void)[] = []
  return {
    acquire: () => new Promise<void>((resolve) => {
      if (free > 0) {
        free--
        resolve()
      }
      else {
        waiting.push(resolve)
      }
    }),
    release() {
      const next = waiting.shift()
      if (next)
        next()
      else free++
    },
    /** how many are waiting for a slot */
    get waiting() { return waiting.length },
  }
}
