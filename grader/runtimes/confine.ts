// Confinement the machine offers for free, with no root needed: on Linux, a network
// namespace of the interpreter's own (util-linux `unshare`), so learner code reaches no
// network. Probed once per user; where it is missing (macOS, Windows, an old kernel),
// the runtimes run without it and the README says what that leaves open.
import { spawnSync } from 'node:child_process'

const TRIES = [['unshare', '--net'], ['unshare', '--user', '--map-current-user', '--net']]
const known = new Map<string, string[]>()

/** The command prefix that starts a program without a network, or [] where none works. */
export function withoutNetwork(runAs: string[] = []): string[] {
  const key = runAs.join(' ')
  let prefix = known.get(key)
  if (!prefix) {
    prefix = process.platform !== 'linux'
      ? []
      : TRIES.find(flags => spawnSync(runAs[0] ?? flags[0], [...runAs.slice(1), ...(runAs.length ? flags : flags.slice(1)), 'true'], { stdio: 'ignore' }).status === 0) ?? []
    known.set(key, prefix)
  }
  return prefix
}
