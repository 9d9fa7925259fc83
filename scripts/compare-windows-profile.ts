// Runs the Windows profile's probes (tests/grader/windows-probes.ts) with this machine's
// real CPython on Windows, and checks it answers what the profile answers. For the
// windows-profile workflow (a GitHub Windows runner); it refuses to run elsewhere.
//   npx tsx scripts/compare-windows-profile.ts [python]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { readTree, seedTree } from '../grader/runtimes/case-folder'
import { probeSource, WINDOWS_PROBES } from '../tests/grader/windows-probes'

if (process.platform !== 'win32') {
  console.error('This compares the profile with a real Windows machine: run it on Windows (the windows-profile workflow does).')
  process.exit(2)
}
const python = process.argv[2] ?? 'python'

let differences = 0
for (const probe of WINDOWS_PROBES) {
  if (probe.onlyInTheSandbox) {
    console.log(`-  ${probe.name}\n   left out: ${probe.onlyInTheSandbox}`)
    continue
  }
  const root = mkdtempSync(join(tmpdir(), 'probe-'))
  seedTree(root, probe.tree ?? {})
  // the module sits beside the folder, so the folder holds only what the probe made
  const module = join(dirname(root), `${root.split('\\').pop()}_probe_module.py`)
  writeFileSync(module, `${probeSource(probe.body)}\nimport json\nprint(json.dumps(probe()))\n`)
  const run = spawnSync(python, [module], { cwd: root, encoding: 'utf8' })
  const returned = run.status === 0 ? JSON.parse(run.stdout) : `failed: ${run.stderr.trim().split('\n').at(-1)}`
  const tree = readTree(root)
  const same = isDeepStrictEqual(returned, probe.returns) && (!probe.treeAfter || isDeepStrictEqual(tree, probe.treeAfter))
  console.log(`${same ? 'ok' : 'DIFFERENT'}  ${probe.name}`)
  if (!same) {
    differences++
    console.log(`   profile: ${JSON.stringify(probe.returns)}${probe.treeAfter ? `  folder ${JSON.stringify(probe.treeAfter)}` : ''}`)
    console.log(`   Windows: ${JSON.stringify(returned)}${probe.treeAfter ? `  folder ${JSON.stringify(tree)}` : ''}`)
  }
  rmSync(root, { recursive: true, force: true })
  rmSync(module, { force: true })
}
console.log(differences ? `\n${differences} probe(s) answer differently on this Windows machine.` : '\nEvery probe answers as the profile does.')
process.exit(differences ? 1 : 0)
