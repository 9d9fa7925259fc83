// The GitHub workflows: valid by a workflow linter (offline), the Classroom one made
// from exercises/, and its commands, run here on a lean install (`npm ci --omit=dev`,
// from npm's cache), give the points it declares: every point for solved exercises, none
// for the starters.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { classroomWorkflow, POINTS_PER_EXERCISE, WORKFLOW } from '../../scripts/classroom-workflow.js'

const PROJECT = join(import.meta.dirname, '..', '..')
const WORKFLOWS = join(PROJECT, '.github', 'workflows')
const VALIDATOR = join(PROJECT, 'node_modules', '.bin', 'action-validator')
const EXERCISES = readdirSync(join(PROJECT, 'exercises')).filter(n => /^\d\d-/.test(n)).sort()

interface Step { id?: string, uses?: string, run?: string, with?: Record<string, unknown> }
const steps = (): Step[] => (parse(readFileSync(WORKFLOW, 'utf8')) as { jobs: { grade: { steps: Step[] } } }).jobs.grade.steps
const graders = () => steps().filter(s => s.uses?.startsWith('classroom-resources/autograding-command-grader@'))

describe('the workflows', () => {
  it.each(readdirSync(WORKFLOWS).filter(n => n.endsWith('.yml')))('%s passes the workflow linter', (name) => {
    const run = spawnSync(VALIDATOR, [join(WORKFLOWS, name)], { encoding: 'utf8' })
    expect(run.stdout + run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('the linter does fail a broken workflow', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'workflow-')), 'broken.yml')
    writeFileSync(broken, readFileSync(WORKFLOW, 'utf8').replace('    steps:', '    stepz:'))
    expect(spawnSync(VALIDATOR, [broken], { encoding: 'utf8' }).status).toBe(1)
  })

  it('classroom.yml is the one scripts/classroom-workflow.js makes from exercises/', () => {
    expect(readFileSync(WORKFLOW, 'utf8')).toBe(classroomWorkflow())
    expect(graders().map(s => s.with?.['test-name'])).toEqual(EXERCISES)
    const reporter = steps().at(-1)!
    expect(reporter.uses).toBe('classroom-resources/autograding-grading-reporter@v1')
    expect(String(reporter.with?.runners).split(',')).toEqual(graders().map(s => s.id))
  })

  it('the deck is published as the class build, under the repository\'s path', () => {
    const deck = readFileSync(join(WORKFLOWS, 'deck.yml'), 'utf8')
    expect(deck).toContain(`npm run build:class -- --base "/\${{ github.event.repository.name }}/"`)
    expect(deck).toContain('path: dist-class')
  })
})

describe('the Classroom commands on a lean install', () => {
  let lean: string

  beforeAll(() => {
    lean = mkdtempSync(join(tmpdir(), 'lean-'))
    for (const part of ['package.json', 'package-lock.json', 'core', 'grader', 'exercises', 'starters', 'solutions', 'scripts'])
      cpSync(join(PROJECT, part), join(lean, part), { recursive: true })
    // from npm's cache, as CI filled it: no network
    execFileSync('npm', ['ci', '--omit=dev', '--offline', '--no-audit', '--no-fund'], { cwd: lean, stdio: 'pipe', timeout: 300_000 })
  }, 300_000)

  const points = () => graders().map((step) => {
    const run = spawnSync(String(step.with?.command), { cwd: lean, shell: true, encoding: 'utf8', timeout: 300_000 })
    return run.status === 0 ? Number(step.with?.['max-score']) : 0
  })

  it('installs only the grader\'s own dependencies', () => {
    const installed = readdirSync(join(lean, 'node_modules'))
    expect(installed).toContain('pyodide')
    expect(installed).not.toContain('@slidev')
    expect(installed).not.toContain('playwright-chromium')
  })

  it('gives every point for solved exercises and none for the starters', () => {
    for (const id of EXERCISES)
      cpSync(join(lean, 'solutions', id, 'task.py'), join(lean, 'exercises', id, 'task.py'))
    expect(points()).toEqual(EXERCISES.map(() => POINTS_PER_EXERCISE))
    for (const id of EXERCISES)
      cpSync(join(lean, 'starters', id, 'task.py'), join(lean, 'exercises', id, 'task.py'))
    expect(points()).toEqual(EXERCISES.map(() => 0))
  }, 600_000)
})
