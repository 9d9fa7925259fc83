import type { Profile } from '../core/profiles'
// What a live block on a slide shows; changes while the run goes on.
import type { RunResult } from '../core/protocol'
import type { Tree } from '../core/spec'

/** A slide's script may run this long before it is stopped. */
export const SCRIPT_LIMIT_S = 5

export interface LiveState {
  /** counts the runs of the page: tells one run's output from the next */
  run: number
  phase: 'loading' | 'running' | 'finished'
  result?: RunResult
  /** the slide's folder before the run */
  tree: Tree
  /** printed output the slide promises, shown when Python could not run (print only) */
  fallback?: string
  stop?: () => void
  /** the house the script runs as */
  profile: Profile
  /** runs the block again as another house; absent where the block shows both houses side by side */
  runAs?: (profile: Profile) => void
}
