// The houses a case can run as: Linux (macOS answers the same for what the workshop
// does) or Windows, which the harness imitates.

export const PROFILES = ['linux', 'windows'] as const
export type Profile = typeof PROFILES[number]
export const PROFILE_NAMES: Record<Profile, string> = { linux: 'Linux and macOS', windows: 'Windows' }
