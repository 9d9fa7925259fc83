// One verdict per case from its runs as each house: where only one house fails, the
// message says which, and for Windows what to do about it, in the learner's words.
import type { CaseVerdict } from './judge'
import type { Profile } from './profiles'
import { PROFILE_NAMES } from './profiles'

interface HouseVerdict { profile: Profile, verdict: CaseVerdict }

/** The case's verdict: a pass only if every house passes; else the first failing house's message. */
export function bothHouses(runs: HouseVerdict[]): CaseVerdict | undefined {
  if (!runs.length)
    return undefined
  const profiles = Object.fromEntries(runs.map(r => [r.profile, r.verdict.status]))
  const failing = runs.filter(r => r.verdict.status !== 'pass')
  if (!failing.length)
    return { ...runs[0].verdict, profiles }
  const [first] = failing
  const { verdict, profile } = first
  const hint = profile === 'windows' ? windowsHint(verdict.message) : undefined
  const somewhere = runs.length > 1 && failing.length < runs.length
  let message = verdict.message
  if (somewhere)
    message = `On ${PROFILE_NAMES[profile]} (it passes on ${runs.filter(r => r.verdict.status === 'pass').map(r => PROFILE_NAMES[r.profile]).join(' and ')}): ${message}`
  else if (failing.some(f => f.verdict.message !== verdict.message && !f.verdict.message.startsWith('Not run:')))
    message += `\n   (On ${failing.slice(1).map(f => PROFILE_NAMES[f.profile]).join(' and ')} it fails too, differently: fix this first.)`
  if (hint)
    message += `\n   ${hint}`
  return { ...verdict, message, profiles, ...(somewhere ? { profile } : {}) }
}

/** What a Windows-only failure usually means, read from the verdict's message. */
export function windowsHint(message: string): string | undefined {
  if (message.includes('[WinError 183]') && /\brename\(/.test(message))
    return 'On Windows, `os.rename` refuses to replace a file that is already there: use `os.replace`, which replaces on every system.'
  if (message.includes('[WinError 32]'))
    return 'On Windows, a file your code still has open cannot be removed or renamed: close it first (a `with` block closes it at its end).'
  if (message.includes('[WinError 123]') || message.includes('[Errno 22] Invalid argument'))
    return 'On Windows, a name cannot hold any of < > : " | ? * (a time like 12:30 in a file name is the usual cause).'
  if (message.includes('[WinError 5]') && /\b(?:remove|unlink)\(/.test(message))
    return 'On Windows, `os.remove` cannot remove a folder or a read-only file.'
  const returned = /returned `(.*)`\n\s+expected `(.*)`/.exec(message)
  const slashes = (text: string) => text.replace(/\\\\/g, '/')
  if (returned && returned[1] !== returned[2] && slashes(returned[1]) === slashes(returned[2]))
    return 'On Windows, the parts of a path are joined with `\\`: build paths with `os.path.join` (or `os.sep`), not by gluing "/" in.'
  return undefined
}
