// npm run build:class: the deck for a class, in dist-class/: everything `npm run build`
// has, but no solutions and no "Show solution" button. Extra arguments go to slidev build.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const project = fileURLToPath(new URL('..', import.meta.url))
const windows = process.platform === 'win32'
const slidev = join(project, 'node_modules', '.bin', windows ? 'slidev.cmd' : 'slidev')
const run = spawnSync(slidev, ['build', '--out', 'dist-class', ...process.argv.slice(2)], {
  cwd: project,
  shell: windows, // a .cmd file starts only through the shell
  stdio: 'inherit',
  env: { ...process.env, OS_WORKSHOP_CLASS_BUILD: '1' },
})
process.exitCode = run.status ?? 1
