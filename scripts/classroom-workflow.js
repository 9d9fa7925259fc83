// Writes .github/workflows/classroom.yml: GitHub Classroom's autograding, one test per
// exercise with its points, then the reporter that hands the points to Classroom.
// `node scripts/classroom-workflow.js` after adding an exercise; a test fails while the
// file and the exercises disagree.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PROJECT = fileURLToPath(new URL('..', import.meta.url))
export const WORKFLOW = join(PROJECT, '.github', 'workflows', 'classroom.yml')
export const POINTS_PER_EXERCISE = 10

/** The workflow's text for the exercises in exercises/. */
export function classroomWorkflow() {
  const exercises = readdirSync(join(PROJECT, 'exercises')).filter(name => /^\d\d-/.test(name)).sort()
  const title = id => JSON.parse(readFileSync(join(PROJECT, 'exercises', id, 'spec.json'), 'utf8')).title
  const steps = exercises.map(id => `      - name: ${JSON.stringify(`${id.slice(0, 2)} · ${title(id)}`)}
        id: exercise-${id.slice(0, 2)}
        uses: classroom-resources/autograding-command-grader@v1
        with:
          test-name: ${id}
          command: npm run -s grade -- ${id.slice(0, 2)}
          timeout: 5
          max-score: ${POINTS_PER_EXERCISE}`)
  const env = exercises.map(id => `          EXERCISE-${id.slice(0, 2)}_RESULTS: "\${{ steps.exercise-${id.slice(0, 2)}.outputs.result }}"`)
  return `# GitHub Classroom autograding: each exercise is one test worth ${POINTS_PER_EXERCISE} points.
# Made by scripts/classroom-workflow.js from exercises/; run it again after adding one.
name: Autograding

on:
  - push
  - repository_dispatch

permissions:
  checks: write
  actions: read
  contents: read

jobs:
  grade:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      # the grader's own dependencies only: no deck, no browser
      - run: npm ci --omit=dev --no-audit --no-fund
      # the Python snapshot (made by the first run) is kept from one run to the next
      - uses: actions/cache@v4
        with:
          path: .grader
          key: python-\${{ hashFiles('package-lock.json', 'core/harness/**', 'core/python/**') }}
${steps.join('\n')}
      - name: Report the points to GitHub Classroom
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
${env.join('\n')}
        with:
          runners: ${exercises.map(id => `exercise-${id.slice(0, 2)}`).join(',')}
`
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(WORKFLOW, classroomWorkflow())
