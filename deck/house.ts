// Which house the deck's Python runs as: Linux/macOS or Windows (the harness imitates
// Windows) for the live blocks, and both or either for an exercise's Check.
import type { Profile } from '../core/protocol'
import { ref, watch } from 'vue'
import { PROFILES } from '../core/protocol'

export type HouseChoice = Profile | 'both'

export const HOUSE_LABELS: Record<HouseChoice, string> = { both: 'both', linux: 'Linux/macOS', windows: 'Windows' }

/** A choice kept in the browser under `key`, like progress. */
function remembered<T extends string>(key: string, allowed: readonly T[], fallback: T) {
  let saved: string | null | undefined
  try {
    saved = globalThis.localStorage?.getItem(key)
  }
  catch {} // private mode: the choice lasts as long as the page
  const choice = ref<T>(allowed.includes(saved as T) ? saved as T : fallback)
  watch(choice, (value) => {
    try {
      globalThis.localStorage?.setItem(key, value)
    }
    catch {}
  })
  return choice
}

/** The house the live blocks run as. */
export const liveHouse = remembered<Profile>('os-workshop:live-house:v1', PROFILES, 'linux')

/** The houses an exercise's Check grades as. */
export const checkHouses = remembered<HouseChoice>('os-workshop:check-houses:v1', ['both', ...PROFILES], 'both')

export const housesOf = (choice: HouseChoice): Profile[] => (choice === 'both' ? [...PROFILES] : [choice])
