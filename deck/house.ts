// Which house the deck's Python runs as: Linux/macOS or Windows (the harness imitates
// Windows) for the live blocks, and both or either for an exercise's Check.
import type { Profile } from '../core/profiles'
import { useStorage } from '@vueuse/core'
import { PROFILES } from '../core/profiles'

type HouseChoice = Profile | 'both'

export const HOUSE_LABELS: Record<HouseChoice, string> = { both: 'both', linux: 'Linux/macOS', windows: 'Windows' }

/** A choice kept in the browser under `key`, like progress, and followed across its windows. */
function remembered<T extends string>(key: string, allowed: readonly T[], fallback: T) {
  return useStorage<T>(key, fallback, undefined, {
    serializer: { read: saved => (allowed.includes(saved as T) ? saved as T : fallback), write: choice => choice },
    writeDefaults: false,
    // private mode: the choice lasts as long as the page
    onError: () => {},
  })
}

/** The house the live blocks run as. */
export const liveHouse = remembered<Profile>('os-workshop:live-house:v1', PROFILES, 'linux')

/** The houses an exercise's Check grades as. */
export const checkHouses = remembered<HouseChoice>('os-workshop:check-houses:v1', ['both', ...PROFILES], 'both')

export const housesOf = (choice: HouseChoice): Profile[] => (choice === 'both' ? [...PROFILES] : [choice])
